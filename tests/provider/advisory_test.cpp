// The gate of publishing: which documents are accepted, what is taken from
// them, and that every refusal says why.
#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "provider/advisory.hpp"
#include "provider/state.hpp"
#include "support/testsuites.hpp"

namespace lotse::provider {
namespace {

namespace fs = std::filesystem;

fs::path examples() { return lotse::testing::testsuites_dir() / "csaf" / "csaf_2.0" / "examples" / "csaf"; }

std::string example(const std::string& name) { return lotse::testing::read_text(examples() / name); }

// bsi-2022-0001.json with /document changed by `edit`.
std::string edited(const std::function<void(nlohmann::json&)>& edit) {
  auto doc = nlohmann::json::parse(example("bsi-2022-0001.json"));
  edit(doc["document"]);
  return doc.dump(2);
}

TEST(PrepareAdvisory, TakesFileNameYearFolderAndFeedTextsFromTheDocument) {
  auto a = prepare_advisory(example("rhsa-2021_5186.json"), "rhsa.json");
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->tracking_id, "RHSA-2021:5186");
  EXPECT_EQ(a->file_name, "rhsa-2021_5186.json");
  EXPECT_EQ(a->path, "2021/rhsa-2021_5186.json");
  EXPECT_EQ(a->folder, "white");
  EXPECT_EQ(a->tlp_label, "WHITE");
  EXPECT_EQ(a->csaf_version, "2.0");
  EXPECT_EQ(a->category, "csaf_security_advisory");
  EXPECT_FALSE(a->summary.empty());
  EXPECT_EQ(a->text, example("rhsa-2021_5186.json"));  // byte for byte
  Entry e = entry_for(*a);
  EXPECT_EQ(e.initial_release_date, "2021-12-16T22:34:00Z");
}

TEST(PrepareAdvisory, DocumentsWithoutTlpLabelGoToUnlabeled) {
  auto a = prepare_advisory(example("cisco-sa-20180328-smi2.json"), "cisco.json");
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->folder, "unlabeled");
  EXPECT_EQ(a->tlp_label, "UNLABELED");
  EXPECT_EQ(a->path, "2018/cisco-sa-20180328-smi2.json");
}

TEST(PrepareAdvisory, RefusesADocumentFailingBasicWithTheValidatorFindings) {
  const fs::path bad = lotse::testing::testsuites_dir() / "csaf" / "csaf_2.0" / "test" / "validator" / "data" /
                       "mandatory" / "oasis_csaf_tc-csaf_2_0-2021-6-1-08-01.json";
  auto a = prepare_advisory(lotse::testing::read_text(bad), "bad.json");
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().file, "bad.json");
  EXPECT_NE(a.error().message.find("basic preset"), std::string::npos) << a.error().message;
  EXPECT_NE(a.error().message.find("bad.json:"), std::string::npos) << a.error().message;
  EXPECT_NE(a.error().message.find("error [schema] /vulnerabilities/0/scores/0/"), std::string::npos)
      << a.error().message;
}

TEST(PrepareAdvisory, RefusesNonJsonAndEmptyInputWithoutCrashing) {
  for (std::string text : {std::string(), std::string("{"), std::string("\0\xff", 2), std::string("[1,2]")}) {
    auto a = prepare_advisory(text, "junk.json");
    ASSERT_FALSE(a);
    EXPECT_NE(a.error().message.find("not published"), std::string::npos);
  }
}

TEST(PrepareAdvisory, RefusesTrackingIdsThatWouldMakeUnsafeFileNames) {
  for (std::string id : {"../../etc/passwd", "a/b", "a\\b", "x..y"}) {
    auto a = prepare_advisory(edited([&](nlohmann::json& d) { d["tracking"]["id"] = id; }), "id.json");
    ASSERT_FALSE(a) << id;
    EXPECT_NE(a.error().message.find("/document/tracking/id"), std::string::npos) << a.error().message;
  }
}

TEST(PrepareAdvisory, RefusesAmberAndRedAsNeedingAccessControl) {
  for (std::string label : {"AMBER", "RED", "GREEN"}) {
    auto a = prepare_advisory(edited([&](nlohmann::json& d) { d["distribution"]["tlp"]["label"] = label; }),
                              "tlp.json");
    ASSERT_FALSE(a) << label;
    EXPECT_NE(a.error().message.find("TLP:" + label), std::string::npos) << a.error().message;
    EXPECT_NE(a.error().message.find("requirement 5"), std::string::npos) << a.error().message;
  }
}

}  // namespace
}  // namespace lotse::provider
