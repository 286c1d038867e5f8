// A provider tree published from the 19 OASIS CSAF 2.0 examples, judged by
// tools other than Lotse: gpg verifies every signature against the exported
// key, sha256sum/sha512sum check every hash file in its folder, the
// metadata validates against the OASIS provider schema, the ROLIE documents
// are compared with the OASIS ROLIE examples field by field, and the file
// list equals a literal list. Then updates: a new version of one document
// changes its entry and nothing else; a refused document changes nothing;
// the newest additions edit the feed in place.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "openpgp/gpg.hpp"
#include "openpgp/key.hpp"
#include "json/parser.hpp"
#include "openpgp/signer.hpp"
#include "provider/publisher.hpp"
#include "provider/state.hpp"
#include "schema/registry.hpp"
#include "schema/schema.hpp"
#include "support/testsuites.hpp"

namespace lotse::provider {
namespace {

namespace fs = std::filesystem;
using lotse::testing::Gpg;
using lotse::testing::run_program;
using lotse::testing::TempDir;
using nlohmann::json;

const fs::path kExamples = lotse::testing::testsuites_dir() / "csaf" / "csaf_2.0" / "examples";

ProviderConfig test_config() {
  auto config = parse_config(R"({
    "canonical_url": "https://psirt.example.com/.well-known/csaf/provider-metadata.json",
    "publisher": {"category": "vendor", "name": "Example PSIRT", "namespace": "https://psirt.example.com",
                  "contact_details": "psirt@example.com", "issuing_authority": "Example's product CERT"},
    "role": "csaf_trusted_provider"})");
  if (!config) ADD_FAILURE() << config.error();
  return *config;
}

std::vector<Input> example_inputs() {
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(kExamples / "csaf")) {
    if (e.path().extension() == ".json") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<Input> inputs;
  for (const std::string& f : files) inputs.push_back({lotse::testing::read_text(f), f});
  return inputs;
}

// path (relative to the tree) -> content, for every regular file.
std::map<std::string, std::string> snapshot(const fs::path& tree) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(tree)) {
    if (e.is_regular_file()) files[fs::relative(e.path(), tree).string()] = lotse::testing::read_text(e.path());
  }
  return files;
}

ino_t inode(const fs::path& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? st.st_ino : 0;
}

class PublishedTree : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    openpgp::GenerateOptions options;
    options.name = "Example PSIRT";
    options.email = "psirt@example.com";
    auto key = openpgp::Key::generate(options);
    ASSERT_TRUE(key) << key.error();
    public_key_ = new std::string(*key->export_public_armored());
    fingerprint_ = new std::string(key->fingerprint());
    auto signer = openpgp::Signer::create(*key);
    ASSERT_TRUE(signer) << signer.error();
    signer_ = new openpgp::Signer(std::move(*signer));
    PublishOptions publish_options;
    publish_options.tree = tree().string();
    publish_options.now = "2024-05-06T07:08:09.000Z";
    auto report = publish(test_config(), *signer_, *public_key_, example_inputs(), publish_options);
    ASSERT_TRUE(report) << report.error();
    for (const Refusal& r : report->refused) ADD_FAILURE() << r.file << ": " << r.message;
    published_ = report->published.size();
  }
  static void TearDownTestSuite() {
    delete signer_;
    delete public_key_;
    delete fingerprint_;
    delete dir_;
  }
  static fs::path tree() { return dir_->path() / "tree"; }
  static fs::path csaf() { return tree() / ".well-known" / "csaf"; }

  static TempDir* dir_;
  static openpgp::Signer* signer_;
  static std::string* public_key_;
  static std::string* fingerprint_;
  static std::size_t published_;
};

TempDir* PublishedTree::dir_ = nullptr;
openpgp::Signer* PublishedTree::signer_ = nullptr;
std::string* PublishedTree::public_key_ = nullptr;
std::string* PublishedTree::fingerprint_ = nullptr;
std::size_t PublishedTree::published_ = 0;

// Tests run in declaration order; the update tests come last and change the
// tree.
TEST_F(PublishedTree, AllNineteenExamplesPassBasicAndArePublished) { EXPECT_EQ(published_, 19u); }

TEST_F(PublishedTree, FileListEqualsTheExpectedTree) {
  std::set<std::string> expected = {
      ".lotse/lock",
      ".lotse/folders.json",
      ".well-known/csaf/provider-metadata.json",
      ".well-known/csaf/service.json",
      ".well-known/csaf/openpgp/FPR.asc",
      ".well-known/csaf/white/index.txt",
      ".well-known/csaf/white/changes.csv",
      ".well-known/csaf/white/csaf-feed-tlp-white.json",
      ".well-known/csaf/white/category-white.json",
      ".well-known/csaf/unlabeled/index.txt",
      ".well-known/csaf/unlabeled/changes.csv",
      ".well-known/csaf/unlabeled/csaf-feed-tlp-unlabeled.json",
      ".well-known/csaf/unlabeled/category-unlabeled.json",
  };
  const std::vector<std::string> documents = {
      "white/2022/bsi-2022-0001.json",
      "white/2019/rhsa-2019_1862.json",
      "white/2021/rhsa-2021_5186.json",
      "white/2021/rhsa-2021_5217.json",
      "white/2022/rhsa-2022_0011.json",
      "white/2022/sec-vex-2022-0001.json",
      "unlabeled/2018/cisco-sa-20180328-smi2.json",
      "unlabeled/2022/2022-evd-uc-01-a-001.json",
      "unlabeled/2022/2022-evd-uc-01-f-001.json",
      "unlabeled/2022/2022-evd-uc-01-na-001.json",
      "unlabeled/2022/2022-evd-uc-01-ui-001.json",
      "unlabeled/2022/2022-evd-uc-02-na-001.json",
      "unlabeled/2022/2022-evd-uc-03-ms-001.json",
      "unlabeled/2022/2022-evd-uc-04-001.json",
      "unlabeled/2022/2022-evd-uc-05-001.json",
      "unlabeled/2022/2022-evd-uc-06-001.json",
      "unlabeled/2022/2022-evd-uc-07-001.json",
      "unlabeled/2022/2022-evd-uc-08-001.json",
      "unlabeled/2022/2022-evd-uc-09-001.json",
  };
  for (const std::string& d : documents) {
    for (const char* ext : {"", ".sha256", ".sha512", ".asc"}) expected.insert(".well-known/csaf/" + d + ext);
    expected.insert(".lotse/entries/" + d.substr(d.rfind('/') + 1));
  }
  std::set<std::string> actual;
  for (const auto& [path, content] : snapshot(tree())) {
    std::string p = path;
    if (auto at = p.find(*fingerprint_); at != std::string::npos) p.replace(at, fingerprint_->size(), "FPR");
    actual.insert(p);
  }
  EXPECT_EQ(actual, expected);
}

TEST_F(PublishedTree, PublishedFilesAreWorldReadableAndTheStateIsPrivate) {
  struct stat st {};
  ASSERT_EQ(::stat((csaf() / "white" / "2022" / "bsi-2022-0001.json").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
  ASSERT_EQ(::stat((csaf() / "provider-metadata.json").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
  ASSERT_EQ(::stat((csaf() / "white" / "2022").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0755u);
  ASSERT_EQ(::stat((tree() / ".lotse").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
}

TEST_F(PublishedTree, DocumentsAreCopiedByteForByte) {
  EXPECT_EQ(lotse::testing::read_text(csaf() / "white" / "2021" / "rhsa-2021_5186.json"),
            lotse::testing::read_text(kExamples / "csaf" / "rhsa-2021_5186.json"));
}

TEST_F(PublishedTree, GpgVerifiesEverySignatureWithTheExportedKey) {
  Gpg gpg;
  auto imported = gpg.import(lotse::testing::read_text(csaf() / "openpgp" / (*fingerprint_ + ".asc")));
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  ASSERT_EQ(gpg.primary_fingerprints(), std::vector<std::string>{*fingerprint_});
  int checked = 0;
  for (const auto& e : fs::recursive_directory_iterator(csaf())) {
    if (e.path().extension() != ".asc" || e.path().parent_path().filename() == "openpgp") continue;
    std::string doc = e.path().string();
    doc.erase(doc.size() - 4);
    auto r = gpg.run({"--verify", e.path().string(), doc});
    EXPECT_EQ(r.exit_code, 0) << doc << "\n" << r.out << r.err;
    EXPECT_EQ(lotse::testing::validsig_field(r.out, 9), *fingerprint_) << r.out;
    ++checked;
  }
  EXPECT_EQ(checked, 19);
  // And a changed document fails: the check can fail.
  const fs::path doc = csaf() / "white" / "2022" / "bsi-2022-0001.json";
  std::string tampered = lotse::testing::read_text(doc) + " ";
  EXPECT_NE(gpg.verify(tampered, lotse::testing::read_text(doc.string() + ".asc")).exit_code, 0);
}

TEST_F(PublishedTree, Sha256sumAndSha512sumAcceptEveryHashFileInItsFolder) {
  int checked = 0;
  for (const auto& e : fs::recursive_directory_iterator(csaf())) {
    const std::string ext = e.path().extension().string();
    if (ext != ".sha256" && ext != ".sha512") continue;
    const std::string tool = ext == ".sha256" ? "sha256sum" : "sha512sum";
    // sha*sum -c reads names relative to the current directory: run it in
    // the document's folder, as a consumer who downloaded the folder would.
    auto r = run_program({"sh", "-c", "cd \"$1\" && " + tool + " -c --strict \"$2\"", "sh",
                          e.path().parent_path().string(), e.path().filename().string()},
                         dir_->path());
    EXPECT_EQ(r.exit_code, 0) << e.path() << "\n" << r.out << r.err;
    EXPECT_NE(r.out.find(": OK"), std::string::npos) << r.out;
    ++checked;
  }
  EXPECT_EQ(checked, 38);
}

TEST_F(PublishedTree, ProviderMetadataIsValidAgainstTheOasisSchemaAndListsKeyAndFeeds) {
  schema::CompileOptions options;
  options.assert_formats = true;
  auto schema = schema::Schema::compile(schema::embedded_registry(),
                                        "https://docs.oasis-open.org/csaf/csaf/v2.0/provider_json_schema.json", options);
  ASSERT_TRUE(schema) << schema.error();
  const std::string text = lotse::testing::read_text(csaf() / "provider-metadata.json");
  auto doc = json::parse(text);
  auto parsed = lotse::json::parse(text);
  ASSERT_TRUE(parsed);
  std::vector<schema::Violation> violations;
  EXPECT_TRUE(schema->validate(parsed->root(), &violations));
  for (const auto& v : violations) ADD_FAILURE() << v.instance_pointer << ": " << v.message;

  const std::string base = "https://psirt.example.com/.well-known/csaf/";
  EXPECT_EQ(doc["canonical_url"], base + "provider-metadata.json");
  EXPECT_EQ(doc["role"], "csaf_trusted_provider");
  EXPECT_EQ(doc["metadata_version"], "2.0");
  EXPECT_EQ(doc["last_updated"], "2024-05-06T07:08:09.000Z");
  EXPECT_EQ(doc["public_openpgp_keys"],
            json::parse(R"([{"fingerprint":")" + *fingerprint_ + R"(","url":")" + base + "openpgp/" +
                        *fingerprint_ + R"(.asc"}])"));
  EXPECT_EQ(doc["publisher"]["namespace"], "https://psirt.example.com");
  const json& rolie = doc["distributions"].back()["rolie"];
  ASSERT_EQ(rolie["feeds"].size(), 2u);
  EXPECT_EQ(rolie["feeds"][0]["tlp_label"], "UNLABELED");
  EXPECT_EQ(rolie["feeds"][0]["url"], base + "unlabeled/csaf-feed-tlp-unlabeled.json");
  EXPECT_EQ(rolie["feeds"][1]["tlp_label"], "WHITE");
  EXPECT_EQ(rolie["feeds"][1]["url"], base + "white/csaf-feed-tlp-white.json");
  EXPECT_EQ(rolie["services"], json::array({base + "service.json"}));
  EXPECT_EQ(doc["distributions"][1]["directory_url"], base + "white/");
  // Every URL in it names a file of the tree.
  for (const json& feed : rolie["feeds"]) {
    EXPECT_TRUE(fs::exists(csaf() / feed["url"].get<std::string>().substr(base.size())));
  }
  for (const json& category : rolie["categories"]) {
    EXPECT_TRUE(fs::exists(csaf() / category.get<std::string>().substr(base.size())));
  }
}

// The keys of an object, for comparing shapes with the OASIS examples.
std::set<std::string> keys(const json& object) {
  std::set<std::string> out;
  for (auto it = object.begin(); it != object.end(); ++it) out.insert(it.key());
  return out;
}

TEST_F(PublishedTree, RolieFeedHasTheFieldsOfTheOasisExample) {
  const json oasis = json::parse(lotse::testing::read_text(kExamples / "ROLIE" / "example-01-feed-tlp-white.json"));
  const json ours = json::parse(lotse::testing::read_text(csaf() / "white" / "csaf-feed-tlp-white.json"));
  EXPECT_EQ(keys(ours), keys(oasis));
  EXPECT_EQ(keys(ours["feed"]), keys(oasis["feed"]));
  EXPECT_EQ(ours["feed"]["category"], oasis["feed"]["category"]);
  EXPECT_EQ(ours["feed"]["id"], "csaf-feed-tlp-white");
  EXPECT_EQ(ours["feed"]["title"], "Example PSIRT CSAF feed (TLP:WHITE)");
  EXPECT_EQ(ours["feed"]["link"],
            json::parse(R"([{"rel":"self","href":"https://psirt.example.com/.well-known/csaf/white/csaf-feed-tlp-white.json"}])"));
  EXPECT_EQ(ours["feed"]["updated"], "2024-05-06T07:08:09.000Z");
  ASSERT_EQ(ours["feed"]["entry"].size(), 6u);

  const json& oasis_entry = oasis["feed"]["entry"][0];
  const json* entry = nullptr;
  for (const json& e : ours["feed"]["entry"]) {
    if (e["id"] == "RHSA-2021:5186") entry = &e;
  }
  ASSERT_TRUE(entry);
  EXPECT_EQ(keys(*entry), keys(oasis_entry));
  EXPECT_EQ(keys((*entry)["content"]), keys(oasis_entry["content"]));
  EXPECT_EQ((*entry)["content"]["type"], oasis_entry["content"]["type"]);
  EXPECT_EQ((*entry)["format"], oasis_entry["format"]);
  EXPECT_EQ(keys((*entry)["summary"]), keys(oasis_entry["summary"]));
  const std::string url = "https://psirt.example.com/.well-known/csaf/white/2021/rhsa-2021_5186.json";
  EXPECT_EQ((*entry)["content"]["src"], url);
  EXPECT_EQ((*entry)["published"], "2021-12-16T22:34:00Z");
  EXPECT_EQ((*entry)["updated"], "2021-12-16T22:34:00Z");
  // Links: the OASIS rels (self, hash, signature), and every hash file.
  std::set<std::string> oasis_rels, our_rels;
  for (const json& l : oasis_entry["link"]) oasis_rels.insert(l["rel"]);
  for (const json& l : (*entry)["link"]) our_rels.insert(l["rel"]);
  EXPECT_EQ(our_rels, oasis_rels);
  EXPECT_EQ((*entry)["link"], json::parse(R"([{"rel":"self","href":")" + url + R"("},{"rel":"hash","href":")" + url +
                                          R"(.sha256"},{"rel":"hash","href":")" + url +
                                          R"(.sha512"},{"rel":"signature","href":")" + url + R"(.asc"}])"));
  // Newest first, as changes.csv.
  std::vector<std::string> ids;
  for (const json& e : ours["feed"]["entry"]) ids.push_back(e["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"SEC-VEX-2022-0001", "BSI-2022-0001", "RHSA-2022:0011", "RHSA-2021:5217",
                                           "RHSA-2021:5186", "RHSA-2019:1862"}));
}

TEST_F(PublishedTree, ServiceAndCategoryDocumentsHaveTheShapeOfTheOasisExamples) {
  const json oasis = json::parse(lotse::testing::read_text(kExamples / "ROLIE" / "example-01-service.json"));
  const json ours = json::parse(lotse::testing::read_text(csaf() / "service.json"));
  EXPECT_EQ(keys(ours["service"]), keys(oasis["service"]));
  ASSERT_EQ(ours["service"]["workspace"].size(), 1u);
  const json& collections = ours["service"]["workspace"][0]["collection"];
  ASSERT_EQ(collections.size(), 2u);
  const json& oasis_collection = oasis["service"]["workspace"][0]["collection"][0];
  EXPECT_EQ(keys(collections[1]), keys(oasis_collection));
  EXPECT_EQ(collections[1]["categories"], oasis_collection["categories"]);
  EXPECT_EQ(collections[1]["title"], "Example PSIRT CSAF feed (TLP:WHITE)");
  EXPECT_EQ(collections[1]["href"], "https://psirt.example.com/.well-known/csaf/white/csaf-feed-tlp-white.json");

  const json oasis_category = json::parse(lotse::testing::read_text(kExamples / "ROLIE" / "example-01-category.json"));
  const json category = json::parse(lotse::testing::read_text(csaf() / "white" / "category-white.json"));
  EXPECT_EQ(keys(category["categories"]), keys(oasis_category["categories"]));
  EXPECT_EQ(category["categories"]["category"],
            json::parse(R"([{"term":"csaf_informational_advisory"},{"term":"csaf_security_advisory"},{"term":"csaf_vex"}])"));
}

TEST_F(PublishedTree, IndexTxtAndChangesCsvListEveryDocumentOfTheirFolder) {
  EXPECT_EQ(lotse::testing::read_text(csaf() / "white" / "index.txt"),
            "2019/rhsa-2019_1862.json\n2021/rhsa-2021_5186.json\n2021/rhsa-2021_5217.json\n"
            "2022/bsi-2022-0001.json\n2022/rhsa-2022_0011.json\n2022/sec-vex-2022-0001.json\n");
  EXPECT_EQ(lotse::testing::read_text(csaf() / "white" / "changes.csv"),
            "\"2022/sec-vex-2022-0001.json\",\"2022-05-27T10:00:00.000Z\"\n"
            "\"2022/bsi-2022-0001.json\",\"2022-03-17T13:03:42.105Z\"\n"
            "\"2022/rhsa-2022_0011.json\",\"2022-01-04T08:38:00Z\"\n"
            "\"2021/rhsa-2021_5217.json\",\"2021-12-20T16:16:00Z\"\n"
            "\"2021/rhsa-2021_5186.json\",\"2021-12-16T22:34:00Z\"\n"
            "\"2019/rhsa-2019_1862.json\",\"2019-07-26T06:38:00Z\"\n");
  const std::string unlabeled = lotse::testing::read_text(csaf() / "unlabeled" / "index.txt");
  EXPECT_EQ(std::count(unlabeled.begin(), unlabeled.end(), '\n'), 13);
  EXPECT_EQ(unlabeled.substr(0, 33), "2018/cisco-sa-20180328-smi2.json\n");
}

TEST_F(PublishedTree, ADocumentFailingBasicIsRefusedAndLeavesTheTreeUnchanged) {
  const auto before = snapshot(tree());
  const fs::path bad = lotse::testing::testsuites_dir() / "csaf" / "csaf_2.0" / "test" / "validator" / "data" /
                       "mandatory" / "oasis_csaf_tc-csaf_2_0-2021-6-1-08-01.json";
  std::vector<Input> inputs = {{lotse::testing::read_text(kExamples / "csaf" / "bsi-2022-0001.json"), "good.json"},
                               {lotse::testing::read_text(bad), "bad.json"}};
  PublishOptions options;
  options.tree = tree().string();
  options.now = "2025-01-01T00:00:00.000Z";
  auto report = publish(test_config(), *signer_, *public_key_, std::move(inputs), options);
  ASSERT_TRUE(report) << report.error();
  ASSERT_EQ(report->refused.size(), 1u);
  EXPECT_EQ(report->refused[0].file, "bad.json");
  EXPECT_NE(report->refused[0].message.find("error [schema]"), std::string::npos) << report->refused[0].message;
  EXPECT_TRUE(report->published.empty());
  EXPECT_EQ(snapshot(tree()), before);
}

TEST_F(PublishedTree, AnOlderVersionThanThePublishedOneIsRefused) {
  const auto before = snapshot(tree());
  json doc = json::parse(lotse::testing::read_text(kExamples / "csaf" / "rhsa-2021_5186.json"));
  // Same document, claimed one day older: still valid, but not newer.
  doc["document"]["tracking"]["current_release_date"] = "2021-12-15T22:34:00Z";
  doc["document"]["tracking"]["initial_release_date"] = "2021-12-15T22:34:00Z";
  doc["document"]["tracking"]["revision_history"][0]["date"] = "2021-12-15T22:34:00Z";
  PublishOptions options;
  options.tree = tree().string();
  auto report = publish(test_config(), *signer_, *public_key_, {{doc.dump(2), "older.json"}}, options);
  ASSERT_TRUE(report) << report.error();
  ASSERT_EQ(report->refused.size(), 1u);
  EXPECT_NE(report->refused[0].message.find("older than the published"), std::string::npos)
      << report->refused[0].message;
  EXPECT_EQ(snapshot(tree()), before);
}

// Kept last: it changes the tree.
TEST_F(PublishedTree, ZzNewVersionUpdatesItsEntryAndNothingElse) {
  const auto before = snapshot(tree());
  const fs::path other_doc = csaf() / "white" / "2021" / "rhsa-2021_5217.json";
  const ino_t other_inodes[] = {inode(other_doc), inode(other_doc.string() + ".asc"),
                                inode(other_doc.string() + ".sha512")};

  json doc = json::parse(lotse::testing::read_text(kExamples / "csaf" / "rhsa-2019_1862.json"));
  json& tracking = doc["document"]["tracking"];
  tracking["version"] = "2";
  tracking["current_release_date"] = "2023-02-03T04:05:06Z";
  tracking["revision_history"].push_back(
      {{"date", "2023-02-03T04:05:06Z"}, {"number", "2"}, {"summary", "Updated fix information"}});
  const std::string text = doc.dump(2);
  PublishOptions options;
  options.tree = tree().string();
  options.now = "2025-01-01T00:00:00.000Z";
  auto report = publish(test_config(), *signer_, *public_key_, {{text, "rhsa-v2.json"}}, options);
  ASSERT_TRUE(report) << report.error();
  for (const Refusal& r : report->refused) ADD_FAILURE() << r.file << ": " << r.message;
  ASSERT_EQ(report->published,
            std::vector<std::string>{"https://psirt.example.com/.well-known/csaf/white/2019/rhsa-2019_1862.json"});

  const auto after = snapshot(tree());
  // The same files exist; the document's four files, its folder's
  // changes.csv, feed, the metadata and its entry changed; index.txt did not
  // (same path); no file of another document was rewritten.
  std::set<std::string> changed, before_names, after_names;
  for (const auto& [path, content] : before) before_names.insert(path);
  for (const auto& [path, content] : after) {
    after_names.insert(path);
    auto it = before.find(path);
    if (it == before.end() || it->second != content) changed.insert(path);
  }
  EXPECT_EQ(after_names, before_names);
  const std::string w = ".well-known/csaf/white/";
  std::set<std::string> expected_changed = {
      w + "2019/rhsa-2019_1862.json", w + "2019/rhsa-2019_1862.json.sha256", w + "2019/rhsa-2019_1862.json.sha512",
      w + "2019/rhsa-2019_1862.json.asc", w + "changes.csv", w + "csaf-feed-tlp-white.json",
      ".well-known/csaf/provider-metadata.json", ".lotse/entries/rhsa-2019_1862.json"};
  EXPECT_EQ(changed, expected_changed);
  EXPECT_EQ(after.at(w + "2019/rhsa-2019_1862.json"), text);
  EXPECT_EQ(inode(other_doc), other_inodes[0]);
  EXPECT_EQ(inode(other_doc.string() + ".asc"), other_inodes[1]);
  EXPECT_EQ(inode(other_doc.string() + ".sha512"), other_inodes[2]);

  // changes.csv: that line moved to the top with its new date, the others as before.
  const std::string changes = after.at(w + "changes.csv");
  EXPECT_EQ(changes.substr(0, changes.find('\n') + 1), "\"2019/rhsa-2019_1862.json\",\"2023-02-03T04:05:06Z\"\n");
  std::string old_rest = before.at(w + "changes.csv");
  old_rest.erase(old_rest.find("\"2019/rhsa-2019_1862.json\""));
  EXPECT_EQ(changes.substr(changes.find('\n') + 1), old_rest);

  // The feed: one entry per document; only this entry and `updated` differ.
  const json old_feed = json::parse(before.at(w + "csaf-feed-tlp-white.json"));
  const json new_feed = json::parse(after.at(w + "csaf-feed-tlp-white.json"));
  ASSERT_EQ(new_feed["feed"]["entry"].size(), old_feed["feed"]["entry"].size());
  EXPECT_EQ(new_feed["feed"]["updated"], "2025-01-01T00:00:00.000Z");
  std::map<std::string, json> old_entries, new_entries;
  for (const json& e : old_feed["feed"]["entry"]) old_entries[e["id"]] = e;
  for (const json& e : new_feed["feed"]["entry"]) new_entries[e["id"]] = e;
  ASSERT_EQ(new_entries.size(), 6u);
  for (const auto& [id, e] : new_entries) {
    if (id == "RHSA-2019:1862") {
      EXPECT_EQ(e["updated"], "2023-02-03T04:05:06Z");
      EXPECT_EQ(e["published"], "2019-07-26T06:38:00Z");
      json same = e;
      same["updated"] = old_entries[id]["updated"];
      EXPECT_EQ(same, old_entries[id]);
    } else {
      EXPECT_EQ(e, old_entries[id]) << id;
    }
  }
  EXPECT_EQ(new_feed["feed"]["entry"][0]["id"], "RHSA-2019:1862");

  // The new files verify.
  auto r = run_program({"sh", "-c", "cd \"$1\" && sha512sum -c rhsa-2019_1862.json.sha512", "sh",
                        (csaf() / "white" / "2019").string()},
                       dir_->path());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  Gpg gpg;
  ASSERT_EQ(gpg.import(*public_key_).exit_code, 0);
  EXPECT_EQ(gpg.verify(text, after.at(w + "2019/rhsa-2019_1862.json.asc")).exit_code, 0);

  // The state counts 19 documents; the entry has the new date; no journal
  // or staged file is left.
  auto summary = load_summary(tree().string());
  ASSERT_TRUE(summary) << summary.error();
  EXPECT_EQ((*summary)["white"].documents + (*summary)["unlabeled"].documents, 19u);
  auto entry = load_entry(tree().string(), "rhsa-2019_1862.json");
  ASSERT_TRUE(entry && *entry);
  EXPECT_EQ((*entry)->entry.current_release_date, "2023-02-03T04:05:06Z");
  EXPECT_FALSE(fs::exists(tree() / ".lotse" / "journal.json"));
  EXPECT_TRUE(fs::is_empty(tree() / ".lotse" / "staging"));
}

// Kept after the previous one: the newest additions (a new advisory and a
// new version of an entry in the middle of the feed) edit the feed in
// place (feed.hpp): same file, one byte longer, entries as a reader parses
// them.
TEST_F(PublishedTree, ZzzNewestAdditionsEditTheFeedInPlace) {
  const fs::path feed_path = csaf() / "white" / "csaf-feed-tlp-white.json";
  const ino_t feed_inode = inode(feed_path);
  const auto feed_size = fs::file_size(feed_path);
  const json old_feed = json::parse(lotse::testing::read_text(feed_path));

  auto dated = [](json doc, const std::string& id, const std::string& version, const std::string& date) {
    json& tracking = doc["document"]["tracking"];
    if (!id.empty()) tracking["id"] = id;
    tracking["version"] = version;
    tracking["current_release_date"] = date;
    if (!id.empty()) {
      tracking["initial_release_date"] = date;
      tracking["revision_history"] = json::array({{{"date", date}, {"number", "1"}, {"summary", "Initial"}}});
    } else {
      tracking["revision_history"].push_back({{"date", date}, {"number", version}, {"summary", "Update"}});
    }
    return doc.dump(2);
  };
  const std::string added = dated(json::parse(lotse::testing::read_text(kExamples / "csaf" / "bsi-2022-0001.json")),
                                  "LOTSE-NEW-0001", "1", "2024-02-01T00:00:00Z");
  const std::string updated = dated(json::parse(lotse::testing::read_text(kExamples / "csaf" / "rhsa-2021_5217.json")),
                                    "", "2", "2024-01-01T00:00:00Z");
  PublishOptions options;
  options.tree = tree().string();
  options.now = "2025-02-02T00:00:00.000Z";
  auto report = publish(test_config(), *signer_, *public_key_, {{added, "new.json"}, {updated, "v2.json"}}, options);
  ASSERT_TRUE(report) << report.error();
  for (const Refusal& r : report->refused) ADD_FAILURE() << r.file << ": " << r.message;

  EXPECT_EQ(inode(feed_path), feed_inode);  // not replaced: written in place
  EXPECT_EQ(fs::file_size(feed_path), feed_size + 1);
  const json new_feed = json::parse(lotse::testing::read_text(feed_path));
  EXPECT_EQ(new_feed["feed"]["updated"], "2025-02-02T00:00:00.000Z");
  std::vector<std::string> old_ids, new_ids;
  for (const json& e : old_feed["feed"]["entry"]) {
    if (e["id"] != "RHSA-2021:5217") old_ids.push_back(e["id"]);
  }
  for (const json& e : new_feed["feed"]["entry"]) new_ids.push_back(e["id"]);
  old_ids.insert(old_ids.begin(), {"LOTSE-NEW-0001", "RHSA-2021:5217"});
  EXPECT_EQ(new_ids, old_ids);
  EXPECT_EQ(new_feed["feed"]["entry"][1]["updated"], "2024-01-01T00:00:00Z");
  const std::string changes = lotse::testing::read_text(csaf() / "white" / "changes.csv");
  EXPECT_EQ(changes.substr(0, changes.find('\n')), "\"2024/lotse-new-0001.json\",\"2024-02-01T00:00:00Z\"");
  EXPECT_FALSE(fs::exists(tree() / ".lotse" / "journal.json"));
}

}  // namespace
}  // namespace lotse::provider
