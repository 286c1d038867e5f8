// `lotse check` against a tree published by `lotse publish` from the OASIS
// examples and served by a real nginx over TLS on loopback
// (tests/net/loopback_provider_nginx.hpp, the configuration of
// docs/provider-nginx.md), then against broken copies of it: each breakage
// is reported under its requirement number with evidence.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "net/loopback_provider_nginx.hpp"
#include "support/run_lotse.hpp"

namespace lotse::check {
namespace {

namespace fs = std::filesystem;
using lotse::testing::run_lotse;

class ProviderCheck : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    nginx_ = std::make_unique<lotse::testing::LoopbackProviderNginx>(
        "    location ^~ /.well-known/csaf/moved/ { rewrite ^/\\.well-known/csaf/moved/(.*)$ /.well-known/csaf/$1 permanent; }\n");
    if (!nginx_->running()) return;
    work_ = fs::temp_directory_path() / ("lotse-check-" + std::to_string(::getpid()));
    fs::remove_all(work_);
    fs::create_directories(work_);
    authority_ = "psirt.example.com:" + std::to_string(nginx_->https_port());
    std::ofstream(work_ / "provider.json") << R"({"canonical_url": "https://)" << authority_
        << R"(/.well-known/csaf/provider-metadata.json", "publisher": {"category": "vendor", "name": "Example PSIRT",
        "namespace": "https://psirt.example.com"}, "role": "csaf_trusted_provider"})";
    ::setenv("LOTSE_CHECK_TEST_PASSPHRASE", "correct horse battery staple", 1);
    auto keys = run_lotse({"keys", "generate", "--keyring", (work_ / "keys").string(), "--name", "Example PSIRT",
                           "--email", "psirt@example.com", "--passphrase-env", "LOTSE_CHECK_TEST_PASSPHRASE"});
    ASSERT_EQ(keys.exit_code, 0) << keys.err;
    auto published = run_lotse({"publish", "--config", (work_ / "provider.json").string(), "--keyring",
                                (work_ / "keys").string(), "--passphrase-env", "LOTSE_CHECK_TEST_PASSPHRASE", "--out",
                                (work_ / "tree").string(),
                                (lotse::testing::testsuites_dir() / "csaf" / "csaf_2.0" / "examples" / "csaf").string()});
    ASSERT_EQ(published.exit_code, 0) << published.err;
    // The security.txt line publish prints (requirement 8).
    const std::size_t at = published.out.find("security.txt: ");
    ASSERT_NE(at, std::string::npos);
    std::ofstream(work_ / "tree" / ".well-known" / "security.txt")
        << published.out.substr(at + 14, published.out.find('\n', at) - at - 14) << "\n";
  }
  static void TearDownTestSuite() {
    nginx_.reset();
    if (!work_.empty()) fs::remove_all(work_);
  }

  void SetUp() override {
    ASSERT_TRUE(nginx_->running()) << nginx_->error();
    fs::remove_all(nginx_->root());
    fs::create_directories(nginx_->root());
    fs::copy(work_ / "tree" / ".well-known", nginx_->root() / ".well-known", fs::copy_options::recursive);
  }

  static fs::path csaf_dir() { return nginx_->root() / ".well-known" / "csaf"; }

  static std::string read(const fs::path& p) { return lotse::testing::read_text(p); }
  static void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::trunc) << text; }
  static void replace(const fs::path& p, const std::string& from, const std::string& to) {
    std::string text = read(p);
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from << " not in " << p;
    text.replace(at, from.size(), to);
    write(p, text);
  }

  struct Checked {
    int exit_code;
    nlohmann::json report;
    std::string text;
  };
  static Checked check() {
    const std::string port = std::to_string(nginx_->https_port());
    auto r = run_lotse({"check", authority_, "--format", "json", "--ca-file", nginx_->ca_file(), "--resolve",
                        "psirt.example.com:" + port + ":127.0.0.1", "--resolve",
                        "csaf.data.security.psirt.example.com:" + port + ":127.0.0.1", "-j", "4"});
    Checked c{r.exit_code, nlohmann::json::parse(r.out, nullptr, false), r.out + r.err};
    return c;
  }
  static const nlohmann::json& requirement(const Checked& c, int number) {
    return c.report["requirements"][static_cast<std::size_t>(number - 1)];
  }
  // The verdict of `number`, and that some evidence URL ends with `url_end`.
  static void expect_reported(const Checked& c, int number, const std::string& verdict, const std::string& url_end) {
    const nlohmann::json& r = requirement(c, number);
    EXPECT_EQ(r["verdict"], verdict) << r.dump(2);
    bool found = false;
    for (const auto& e : r["evidence"]) {
      const std::string url = e["url"];
      found = found || url.ends_with(url_end);
      EXPECT_FALSE(std::string(e["expected"]).empty());
      EXPECT_FALSE(std::string(e["found"]).empty());
    }
    EXPECT_TRUE(found) << "no evidence for " << url_end << " in " << r.dump(2);
  }

  static inline std::unique_ptr<lotse::testing::LoopbackProviderNginx> nginx_;
  static inline fs::path work_;
  static inline std::string authority_;
};

const std::string kDoc = "white/2022/bsi-2022-0001.json";

TEST_F(ProviderCheck, PublishedTreePassesAsTrustedProvider) {
  const Checked c = check();
  ASSERT_FALSE(c.report.is_discarded()) << c.text;
  EXPECT_EQ(c.exit_code, 0) << c.report.dump(2);
  EXPECT_EQ(c.report["role"], "csaf_trusted_provider");
  EXPECT_EQ(c.report["role_satisfied"], true);
  for (int n = 1; n <= 20; ++n) {
    EXPECT_EQ(requirement(c, n)["verdict"], "pass") << requirement(c, n).dump(2);
    EXPECT_EQ(requirement(c, n)["required"], n < 8 || n > 10) << n;
  }
  for (int n = 21; n <= 23; ++n) EXPECT_EQ(requirement(c, n)["verdict"], "not applicable");
  EXPECT_NE(std::string(requirement(c, 1)["summary"]).find("19 of 19"), std::string::npos);
}

TEST_F(ProviderCheck, TextFormatHasOneLinePerRequirement) {
  const std::string port = std::to_string(nginx_->https_port());
  auto r = run_lotse({"check", authority_, "--ca-file", nginx_->ca_file(), "--resolve",
                      "psirt.example.com:" + port + ":127.0.0.1"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("requirement 19 pass"), std::string::npos) << r.out;
  // Without the DNS path mapped, requirement 10 cannot pass; 9 suffices.
  EXPECT_NE(r.out.find("requirement 10 warning"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("result: meets the requirements of csaf_trusted_provider"), std::string::npos) << r.out;
}

TEST_F(ProviderCheck, UntrustedCertificateFailsTls) {
  auto r = run_lotse({"check", authority_, "--format", "json", "--resolve",
                      "psirt.example.com:" + std::to_string(nginx_->https_port()) + ":127.0.0.1"});
  EXPECT_EQ(r.exit_code, 1);
  const auto report = nlohmann::json::parse(r.out);
  EXPECT_EQ(report["requirements"][2]["verdict"], "fail");
  EXPECT_EQ(report["requirements"][6]["verdict"], "fail");
}

TEST_F(ProviderCheck, WrongHashIsRequirement18) {
  write(csaf_dir() / (kDoc + ".sha512"), std::string(128, '0') + "  bsi-2022-0001.json\n");
  const Checked c = check();
  EXPECT_EQ(c.exit_code, 1);
  expect_reported(c, 18, "fail", kDoc + ".sha512");
}

TEST_F(ProviderCheck, BadSignatureIsRequirement19) {
  fs::copy_file(csaf_dir() / "white/2022/rhsa-2022_0011.json.asc", csaf_dir() / (kDoc + ".asc"),
                fs::copy_options::overwrite_existing);
  const Checked c = check();
  EXPECT_EQ(c.exit_code, 1);
  expect_reported(c, 19, "fail", kDoc + ".asc");
}

TEST_F(ProviderCheck, MissingSignatureIsRequirement19) {
  fs::remove(csaf_dir() / (kDoc + ".asc"));
  const Checked c = check();
  EXPECT_EQ(c.exit_code, 1);
  expect_reported(c, 19, "fail", kDoc + ".asc");
  EXPECT_NE(requirement(c, 19)["evidence"][0]["found"].get<std::string>().find("404"), std::string::npos);
}

TEST_F(ProviderCheck, FileNameNotFromTrackingIdIsRequirement2) {
  for (const char* ext : {"", ".sha256", ".sha512", ".asc"}) {
    fs::copy_file(csaf_dir() / (kDoc + ext), csaf_dir() / (std::string("white/2022/wrong-name.json") + ext));
  }
  std::ofstream(csaf_dir() / "white/index.txt", std::ios::app) << "2022/wrong-name.json\n";
  std::ofstream(csaf_dir() / "white/changes.csv", std::ios::app) << "\"2022/wrong-name.json\",\"2022-03-17T13:03:42.105Z\"\n";
  const Checked c = check();
  EXPECT_EQ(c.exit_code, 1);
  expect_reported(c, 2, "fail", "white/2022/wrong-name.json");
}

TEST_F(ProviderCheck, InvalidDocumentIsRequirement1) {
  replace(csaf_dir() / kDoc, "\"csaf_version\": \"2.0\"", "\"csaf_version\": \"2.0\", \"extra\": 1");
  replace(csaf_dir() / kDoc, "\"category\": \"csaf_security_advisory\"", "\"category\": \"\"");
  const Checked c = check();
  EXPECT_EQ(c.exit_code, 1);
  expect_reported(c, 1, "fail", kDoc);
}

TEST_F(ProviderCheck, AmberDocumentInWhiteIsRequirement5) {
  replace(csaf_dir() / kDoc, "\"label\": \"WHITE\"", "\"label\": \"AMBER\"");
  const Checked c = check();
  EXPECT_EQ(c.exit_code, 1);
  expect_reported(c, 5, "fail", kDoc);
}

TEST_F(ProviderCheck, RedirectIsRequirement6) {
  replace(csaf_dir() / "white/csaf-feed-tlp-white.json", "\"src\":\"https://" + authority_ + "/.well-known/csaf/" + kDoc,
          "\"src\":\"https://" + authority_ + "/.well-known/csaf/moved/" + kDoc);
  const Checked c = check();
  expect_reported(c, 6, "warning", "/moved/" + kDoc);
}

TEST_F(ProviderCheck, EntryMissingFromIndexTxtIsRequirement12) {
  replace(csaf_dir() / "white/index.txt", "2022/bsi-2022-0001.json\n", "");
  const Checked c = check();
  EXPECT_EQ(c.exit_code, 1);
  expect_reported(c, 12, "fail", "white/index.txt");
}

TEST_F(ProviderCheck, StaleChangesCsvIsRequirement13) {
  replace(csaf_dir() / "white/changes.csv", "\"2022/bsi-2022-0001.json\",\"2022-03-17T13:03:42.105Z\"",
          "\"2022/bsi-2022-0001.json\",\"2022-03-01T00:00:00.000Z\"");
  const Checked c = check();
  EXPECT_EQ(c.exit_code, 1);
  expect_reported(c, 13, "fail", "white/changes.csv");
}

TEST_F(ProviderCheck, FeedEntryPointingToAMissingFileIsRequirement15) {
  fs::remove(csaf_dir() / kDoc);
  const Checked c = check();
  EXPECT_EQ(c.exit_code, 1);
  expect_reported(c, 15, "fail", kDoc);
}

TEST_F(ProviderCheck, SecurityTxtMustNameTheWellKnownUrlFirst) {
  const std::string well_known = "https://" + authority_ + "/.well-known/csaf/provider-metadata.json";
  write(nginx_->root() / ".well-known" / "security.txt",
        "Contact: mailto:psirt@example.com\nCSAF: https://" + authority_ + "/.well-known/csaf/provider-metadata.json?old\nCSAF: " +
            well_known + "\n");
  const Checked c = check();
  EXPECT_EQ(c.exit_code, 0);  // 9 and 10 are met: 8 is not needed, so a warning
  expect_reported(c, 8, "warning", "/.well-known/security.txt");
  EXPECT_NE(requirement(c, 8)["evidence"][0]["found"].get<std::string>().find("first CSAF field"), std::string::npos);
}

TEST_F(ProviderCheck, NothingThereFailsDiscoveryWithoutCrashing) {
  fs::remove_all(nginx_->root() / ".well-known");
  const Checked c = check();
  EXPECT_EQ(c.exit_code, 1);
  EXPECT_EQ(requirement(c, 7)["verdict"], "fail");
  EXPECT_EQ(requirement(c, 9)["verdict"], "fail");
}

}  // namespace
}  // namespace lotse::check
