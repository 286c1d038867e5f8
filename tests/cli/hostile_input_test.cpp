// Hostile input through `lotse validate`, as an attacker would send it: each
// case must end in a clear error or result, never a crash or hang, and the
// peak resident memory must stay under the documented bound
// (docs/architecture.md, "Memory bounds"):
//
//   peak RSS <= 64 MiB + 8 x (size of the largest accepted document)
//
// Inputs over --max-size (default 64 MiB) are refused before they are read.
#include <gtest/gtest.h>

#include <fstream>

#include "support/run_lotse.hpp"

namespace lotse::cli {
namespace {

using lotse::testing::run_lotse;
namespace fs = std::filesystem;

#ifdef LOTSE_SANITIZED
// Under AddressSanitizer freed memory sits in a quarantine (256 MiB by
// default) and every block has redzones: the bound above holds for the real
// build; here only a sanitizer-adjusted bound is checked.
constexpr long kBaseKib = (64 + 256) * 1024;
#else
constexpr long kBaseKib = 64 * 1024;
#endif

// Peak memory as `lotse validate --stats` reports it (VmHWM, KiB).
long reported_peak_kib(const std::string& err) {
  std::size_t at = err.find("peak memory ");
  if (at == std::string::npos) return -1;
  return std::stol(err.substr(at + 12));
}
long bound_kib(std::size_t document_bytes) {
  return kBaseKib + static_cast<long>(8 * document_bytes / 1024);
}

class HostileInput : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("lotse-hostile-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  fs::path dir_;
};

// A schema-valid CSAF 2.0 document whose product list is padded with `n`
// products, and whose `extra` text is spliced into the first product.
std::string csaf_document(std::size_t n, const std::string& purl = "") {
  std::string doc = R"({"document":{"category":"csaf_base","csaf_version":"2.0",)"
                    R"("publisher":{"category":"vendor","name":"Lotse","namespace":"https://lotse.example"},)"
                    R"("title":"Hostile","tracking":{"current_release_date":"2026-01-01T00:00:00Z",)"
                    R"("id":"LOTSE-1","initial_release_date":"2026-01-01T00:00:00Z",)"
                    R"("revision_history":[{"date":"2026-01-01T00:00:00Z","number":"1","summary":"x"}],)"
                    R"("status":"final","version":"1"}},"product_tree":{"full_product_names":[)";
  doc += R"({"name":"P","product_id":"CSAFPID-0")";
  if (!purl.empty()) doc += R"(,"product_identification_helper":{"purl":")" + purl + "\"}";
  doc += "}";
  for (std::size_t i = 1; i < n; ++i) {
    doc += R"(,{"name":"Product )" + std::to_string(i) + R"(","product_id":"CSAFPID-)" + std::to_string(i) + "\"}";
  }
  doc += "]}}";
  return doc;
}

TEST_F(HostileInput, BaselineDocumentIsValid) {
  auto r = run_lotse({"validate", write("ok.json", csaf_document(3))});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST_F(HostileInput, HundredMegabyteDocumentIsRefusedUnreadByDefault) {
  std::string big = csaf_document(1);
  big.insert(big.size() - 2, ",\"pad\":\"" + std::string(100u << 20, 'a') + "\"");
  std::string path = write("big.json", big);
  auto r = run_lotse({"validate", "--stats", path});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("exceeds the limit"), std::string::npos) << r.out;
  long peak = reported_peak_kib(r.err);
  EXPECT_GT(peak, 0) << r.err;
  EXPECT_LT(peak, kBaseKib) << "refused input must not be read into memory";
}

TEST_F(HostileInput, HundredMegabyteDocumentValidatesWithinTheMemoryBound) {
  std::string big = csaf_document(1'800'000);  // ~100 MB of products
  ASSERT_GT(big.size(), 95u << 20);
  std::string path = write("big.json", big);
  big.clear();
  big.shrink_to_fit();
  auto r = run_lotse({"validate", "--stats", "--max-size", std::to_string(200u << 20), path});
  EXPECT_EQ(r.exit_code, 0) << r.out.substr(0, 2000) << r.err;
  long peak = reported_peak_kib(r.err);
  EXPECT_GT(peak, 0) << r.err;
  EXPECT_LT(peak, bound_kib(fs::file_size(path))) << "peak RSS " << peak << " KiB";
  std::cout << "100 MB document: peak RSS " << peak / 1024 << " MiB (bound "
            << bound_kib(fs::file_size(path)) / 1024 << " MiB)" << std::endl;
}

TEST_F(HostileInput, HundredThousandDeepNestingIsAClearError) {
  auto arrays = run_lotse({"validate", write("deep.json", std::string(100000, '[') + std::string(100000, ']'))});
  EXPECT_EQ(arrays.exit_code, 1);
  EXPECT_NE(arrays.out.find("nesting deeper than the limit of 512"), std::string::npos) << arrays.out;
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
  objects += "1" + std::string(100000, '}');
  auto r = run_lotse({"validate", write("deep2.json", objects)});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find(":1:"), std::string::npos) << r.out;
}

TEST_F(HostileInput, DeepNestingWithinTheLimitValidates) {
  // 500 levels inside a free-form CSAF field: the validator recurses as deep
  // as the parser allows without exhausting the stack.
  std::string doc = csaf_document(1);
  std::string nested = std::string(250, '[') + std::string(250, ']');
  doc.insert(doc.size() - 2, ",\"x\":" + nested);
  auto r = run_lotse({"validate", write("deep-ok.json", doc)});
  EXPECT_EQ(r.exit_code, 0) << r.out;  // the OASIS schema allows extra properties here
  auto strict = run_lotse({"validate", "--preset", "strict", write("deep-ok2.json", doc)});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_NE(strict.out.find("\"x\" is not allowed"), std::string::npos) << strict.out;
}

TEST_F(HostileInput, MegabyteStringInPatternCheckedFieldsIsLinear) {
  std::string purl = "pkg:npm/" + std::string(1u << 20, 'a');
  auto ok = run_lotse({"validate", write("purl.json", csaf_document(1, purl))});
  EXPECT_EQ(ok.exit_code, 0) << ok.out.substr(0, 500);
  std::string bad = std::string(1u << 20, 'a') + "!";
  auto r = run_lotse({"validate", write("purl-bad.json", csaf_document(1, bad))});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("/product_tree/full_product_names/0/product_identification_helper/purl"),
            std::string::npos);
  EXPECT_LT(r.out.size(), 4096u) << "messages must not echo megabytes";
}

TEST_F(HostileInput, MegabyteCpeIsChecked) {
  std::string doc = csaf_document(1);
  std::string cpe = "cpe:2.3:a:" + std::string(1u << 20, 'b') + ":x:1:*:*:*:*:*:*:*";
  std::size_t at = doc.find("\"product_id\":\"CSAFPID-0\"");
  doc.insert(at, "\"product_identification_helper\":{\"cpe\":\"" + cpe + "\"},");
  auto r = run_lotse({"validate", write("cpe.json", doc)});
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
}

TEST_F(HostileInput, InvalidUtf8IsLocated) {
  auto r = run_lotse({"validate", write("utf8.json", "{\"document\":\n {\"title\": \"a\xC3\x28\"}}")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find(":2:14: error [json] (document): invalid UTF-8"), std::string::npos) << r.out;
}

TEST_F(HostileInput, ByteOrderMarkIsAClearError) {
  auto r = run_lotse({"validate", write("bom.json", "\xEF\xBB\xBF" + csaf_document(1))});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("byte order mark"), std::string::npos) << r.out;
}

TEST_F(HostileInput, DuplicateKeysNameBothPlaces) {
  auto r = run_lotse({"validate", write("dup.json", "{\"document\": {},\n\"document\": {}}")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find(":2:1: error [json] (document): duplicate object key \"document\" (first at line 1, column 2)"),
            std::string::npos)
      << r.out;
}

TEST_F(HostileInput, TrailingGarbageIsAClearError) {
  auto r = run_lotse({"validate", write("trail.json", csaf_document(1) + "\n}garbage")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("after the JSON value"), std::string::npos) << r.out;
}

TEST_F(HostileInput, EmptyFileIsAClearError) {
  auto r = run_lotse({"validate", write("empty.json", "")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("empty input"), std::string::npos) << r.out;
}

TEST_F(HostileInput, DirectoryWithTenThousandFilesIsValidatedInBoundedMemory) {
  fs::path many = dir_ / "many";
  fs::create_directories(many);
  const std::string doc = csaf_document(2);
  for (int i = 0; i < 10000; ++i) {
    std::ofstream(many / ("doc-" + std::to_string(i) + ".json"), std::ios::binary)
        << (i == 5000 ? std::string("{") : doc);
  }
  auto r = run_lotse({"validate", "--stats", "--format", "json", many.string()});
  EXPECT_EQ(r.exit_code, 1);
  std::size_t lines = 0;
  for (char c : r.out) lines += c == '\n';
  EXPECT_EQ(lines, 10000u);
  EXPECT_NE(r.err.find("10000 document(s): 9999 valid, 1 invalid"), std::string::npos) << r.err;
  long peak = reported_peak_kib(r.err);
  EXPECT_GT(peak, 0) << r.err;
  EXPECT_LT(peak, bound_kib(doc.size())) << peak;
}

}  // namespace
}  // namespace lotse::cli
