// Spec cases for CSAF 2.0 tests 6.1.11 (CWE), 6.1.12 (Language) and the
// profile tests 6.1.27.1-11, plus the CWE catalog and language tag
// loaders they use. Each test gets a failing and a passing case from the
// specification text; documents are small and inline, and only the test
// under examination runs.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "csaf/cwe_catalog.hpp"
#include "csaf/language_tag.hpp"
#include "csaf/validator.hpp"
#include "support/csaf_findings.hpp"

namespace lotse::csaf {
namespace {

// The findings of one test on one document (tests/support/csaf_findings.hpp).
const auto findings = &lotse::testing::findings_of;

// A document of `category` with `rest` (members after "document") appended.
std::string doc(std::string_view category, std::string_view document_extra = "", std::string_view rest = "") {
  return R"({"document": {"category": ")" + std::string(category) + "\"" +
         (document_extra.empty() ? "" : ", " + std::string(document_extra)) + "}" +
         (rest.empty() ? "" : ", " + std::string(rest)) + "}";
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// ---- CWE catalog --------------------------------------------------------

TEST(CweCatalog, EmbedsEveryReleaseFrom1_0To4_17) {
  const CweCatalog& catalog = CweCatalog::embedded();
  ASSERT_EQ(catalog.releases().size(), 53u);
  EXPECT_EQ(catalog.releases().front().version, "1.0");
  EXPECT_EQ(catalog.releases().back().version, "4.17");
  EXPECT_EQ(catalog.releases().back().date, "2025-04-03");
}

TEST(CweCatalog, FindsTheNameOfAWeaknessPerRelease) {
  const CweCatalog& catalog = CweCatalog::embedded();
  const CweCatalog::Record* now = catalog.find("CWE-79", catalog.release_index("4.13"));
  ASSERT_NE(now, nullptr);
  EXPECT_EQ(now->name, "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')");
  EXPECT_EQ(now->status, "Stable");
  EXPECT_EQ(now->usage, "Allowed");
  const CweCatalog::Record* old = catalog.find("CWE-79", catalog.release_index("1.5"));
  ASSERT_NE(old, nullptr);
  EXPECT_EQ(old->name, "Failure to Preserve Web Page Structure ('Cross-site Scripting')");
  EXPECT_EQ(catalog.latest("CWE-79")->name, now->name);
}

TEST(CweCatalog, KnowsNoCategoriesViewsOrUnknownIdsOrReleases) {
  const CweCatalog& catalog = CweCatalog::embedded();
  EXPECT_TRUE(catalog.history("CWE-16").empty());    // category "Configuration"
  EXPECT_TRUE(catalog.history("CWE-1000").empty());  // view "Research Concepts"
  EXPECT_TRUE(catalog.history("CWE-999999").empty());
  EXPECT_EQ(catalog.latest("cwe-79"), nullptr);  // ids are case-sensitive, as the schema's pattern
  EXPECT_EQ(catalog.release_index("9.9"), catalog.releases().size());
  EXPECT_EQ(catalog.find("CWE-1427", catalog.release_index("4.0")), nullptr);  // added in 4.16
}

TEST(CweCatalog, ParsesItsFormatAndNamesTheBadLine) {
  auto ok = CweCatalog::parse("# c\nV\t0\t1.0\t2008-09-09\nV\t1\t1.1\t-\nW\tCWE-1\t0\t1\tDraft\t-\tName\twith tab\n");
  ASSERT_TRUE(ok) << ok.error();
  EXPECT_EQ(ok->history("CWE-1").size(), 1u);
  EXPECT_EQ(ok->history("CWE-1")[0].name, "Name\twith tab");
  auto bad = CweCatalog::parse("V\t0\t1.0\t-\nW\tCWE-1\t0\t5\tDraft\t-\tName\n");
  ASSERT_FALSE(bad);
  EXPECT_TRUE(contains(bad.error(), "line 2")) << bad.error();
  EXPECT_FALSE(CweCatalog::parse("X\n"));
  EXPECT_FALSE(CweCatalog::parse("V\t1\t1.0\t-\n"));  // releases are numbered from 0
}

// ---- 6.1.11 CWE ---------------------------------------------------------

std::string with_cwe(std::string_view cwe) {
  return doc("csaf_base", "", R"("vulnerabilities": [{"cwe": )" + std::string(cwe) + "}]");
}

TEST(Cwe6_1_11, FailsSpecExample59WithTheNameOfAnotherWeakness) {
  auto f = findings("6.1.11", with_cwe(R"({"id": "CWE-79", "name": "Improper Input Validation"})"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities/0/cwe/name");
  EXPECT_EQ(f[0].severity, Severity::error);
  EXPECT_TRUE(contains(f[0].message, "\"Improper Input Validation\" is not the name of CWE-79")) << f[0].message;
  EXPECT_TRUE(contains(f[0].message, "Improper Neutralization of Input During Web Page Generation")) << f[0].message;
}

TEST(Cwe6_1_11, FailsAnIdThatIsNoWeakness) {
  auto f = findings("6.1.11", with_cwe(R"({"id": "CWE-16", "name": "Configuration"})"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities/0/cwe/id");
  EXPECT_TRUE(contains(f[0].message, "\"CWE-16\" is not a weakness")) << f[0].message;
}

TEST(Cwe6_1_11, PassesTheCurrentName) {
  EXPECT_TRUE(findings("6.1.11", with_cwe(R"j({"id": "CWE-79", "name": "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')"})j")).empty());
}

TEST(Cwe6_1_11, PassesTheNameOfAnOlderRelease) {
  // CSAF 2.0 names no CWE release: a name valid in an earlier one is valid.
  EXPECT_TRUE(findings("6.1.11", with_cwe(R"j({"id": "CWE-79", "name": "Failure to Preserve Web Page Structure ('Cross-site Scripting')"})j")).empty());
}

TEST(Cwe6_1_11, IgnoresWrongTypesThatTheSchemaReports) {
  EXPECT_TRUE(findings("6.1.11", with_cwe("7")).empty());
  EXPECT_TRUE(findings("6.1.11", with_cwe(R"({"id": 79, "name": "x"})")).empty());
  EXPECT_TRUE(findings("6.1.11", doc("csaf_base", "", R"("vulnerabilities": {"cwe": 1})")).empty());
}

// ---- Language tags -------------------------------------------------------

TEST(LanguageTag, EmbedsTheSubtagRegistry) {
  const LanguageSubtagRegistry& registry = LanguageSubtagRegistry::embedded();
  EXPECT_GT(registry.size(), 8000u);
  EXPECT_TRUE(registry.contains(SubtagType::region, "EZ"));
  EXPECT_FALSE(registry.contains(SubtagType::language, "ez"));
  EXPECT_TRUE(registry.contains(SubtagType::language, "DE"));  // case-insensitive
  EXPECT_TRUE(registry.contains(SubtagType::language, "qab"));  // private-use range qaa..qtz
  EXPECT_TRUE(registry.contains(SubtagType::script, "QAAB"));    // Qaaa..Qabx
  EXPECT_FALSE(registry.contains(SubtagType::script, "Qaby"));
  EXPECT_EQ(registry.types_of("yue"), static_cast<unsigned>(SubtagType::language) |
                                          static_cast<unsigned>(SubtagType::extlang));
}

TEST(LanguageTag, AcceptsValidTags) {
  for (std::string_view tag : {"en", "de-AT", "EN-us", "zh-Hant-TW", "es-419", "sl-rozaj-biske", "de-CH-1901",
                               "zh-yue", "en-US-u-ca-gregory", "de-t-en", "en-x-private", "x-whatever",
                               "qaa", "en-GB-oed", "i-default", "ZH-MIN-NAN", "art-lojban", "tlh"}) {
    auto ok = check_language_tag(tag);
    EXPECT_TRUE(ok) << tag << ": " << ok.error();
  }
}

TEST(LanguageTag, RejectsIllFormedTagsSayingWhy) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"", "empty"},
      {"en--US", "empty subtag"},
      {"en-", "empty subtag"},
      {"en_US", "'_'"},
      {"englishes-x", "longer than 8"},
      {"e", "not 2 to 8 letters"},
      {"1en", "not 2 to 8 letters"},
      {"i-foo", "not 2 to 8 letters"},
      {"en-a", "has no subtag"},
      {"en-x", "has no subtag"},
      {"en-US-Latn", "does not fit the order"},
      {"en-abc-def-ghi-jkl", "does not fit the order"},
  };
  for (const auto& [tag, why] : cases) {
    auto syntax = check_language_tag_syntax(tag);
    ASSERT_FALSE(syntax) << tag;
    EXPECT_TRUE(contains(syntax.error(), why)) << tag << ": " << syntax.error();
    EXPECT_FALSE(check_language_tag(tag)) << tag;
  }
}

TEST(LanguageTag, RejectsWellFormedTagsOfUnregisteredSubtags) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"EZ", "\"EZ\" is not a registered primary language subtag (it is a region subtag)"},
      {"abcd", "\"abcd\" is not a registered primary language"},
      {"en-YY", "\"YY\" is not a registered region"},
      {"en-Abcd", "\"Abcd\" is not a registered script"},
      {"en-fooba", "\"fooba\" is not a registered variant"},
      {"en-abc", "\"abc\" is not a registered extended language"},
      {"zh-yue-cmn", "at most one"},
      {"de-1901-1901", "appears twice"},
      {"en-a-foo", "not registered"},
      {"en-u-ca-u-nu", "appears twice"},
  };
  for (const auto& [tag, why] : cases) {
    EXPECT_TRUE(check_language_tag_syntax(tag)) << tag;
    auto valid = check_language_tag(tag);
    ASSERT_FALSE(valid) << tag;
    EXPECT_TRUE(contains(valid.error(), why)) << tag << ": " << valid.error();
  }
}

TEST(LanguageTag, RegistryParseNamesWhatIsWrong) {
  EXPECT_FALSE(LanguageSubtagRegistry::parse("[]"));
  EXPECT_FALSE(LanguageSubtagRegistry::parse("{"));
  auto small = LanguageSubtagRegistry::parse(
      R"({"subtags": [{"type": "language", "subtag": "en"}, {"type": "grandfathered", "subtag": ""}]})");
  ASSERT_TRUE(small) << small.error();
  EXPECT_TRUE(check_language_tag("en", *small));
  EXPECT_FALSE(check_language_tag("de", *small));
}

// ---- 6.1.12 Language ----------------------------------------------------

TEST(Language6_1_12, FailsSpecExample60TheRegionEZ) {
  auto f = findings("6.1.12", doc("csaf_base", R"("lang": "EZ")"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/document/lang");
  EXPECT_TRUE(contains(f[0].message, "\"EZ\" is not a valid language tag")) << f[0].message;
  EXPECT_TRUE(contains(f[0].message, "region")) << f[0].message;
}

TEST(Language6_1_12, FailsAnInvalidSourceLanguage) {
  auto f = findings("6.1.12", doc("csaf_base", R"("lang": "en", "source_lang": "de-DE-1901-1901")"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/document/source_lang");
}

TEST(Language6_1_12, PassesRegisteredTagsInAnyCase) {
  EXPECT_TRUE(findings("6.1.12", doc("csaf_base", R"("lang": "en-US", "source_lang": "DE-at")")).empty());
}

TEST(Language6_1_12, IgnoresMissingOrNonStringLanguages) {
  EXPECT_TRUE(findings("6.1.12", doc("csaf_base")).empty());
  EXPECT_TRUE(findings("6.1.12", doc("csaf_base", R"("lang": 5, "source_lang": null)")).empty());
  EXPECT_TRUE(findings("6.1.12", R"({"document": "en"})").empty());
}

// ---- 6.1.27 Profile tests ------------------------------------------------

TEST(ProfileDocumentNotes6_1_27_1, FailsSpecExample76OnlyALegalDisclaimer) {
  auto f = findings("6.1.27.1", doc("csaf_informational_advisory",
                                    R"("notes": [{"category": "legal_disclaimer", "text": "AS IS", "title": "Terms of Use"}])"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/document/notes");
  EXPECT_TRUE(contains(f[0].message, "description, details, general or summary")) << f[0].message;
  EXPECT_TRUE(contains(f[0].message, "csaf_informational_advisory")) << f[0].message;
}

TEST(ProfileDocumentNotes6_1_27_1, FailsAnIncidentResponseWithoutNotes) {
  auto f = findings("6.1.27.1", doc("csaf_security_incident_response"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/document/notes");
  EXPECT_TRUE(contains(f[0].message, "has no notes")) << f[0].message;
}

TEST(ProfileDocumentNotes6_1_27_1, PassesASummaryNote) {
  EXPECT_TRUE(findings("6.1.27.1", doc("csaf_security_incident_response",
                                       R"("notes": [{"category": "legal_disclaimer"}, {"category": "summary"}])")).empty());
}

TEST(ProfileDocumentNotes6_1_27_1, SkipsOtherCategoriesIncludingMisspelledProfiles) {
  // Section 4 rule 5: any other value is CSAF Base (6.1.26 reports near misses).
  EXPECT_TRUE(findings("6.1.27.1", doc("csaf_base")).empty());
  EXPECT_TRUE(findings("6.1.27.1", doc("csaf_security_advisory")).empty());
  EXPECT_TRUE(findings("6.1.27.1", doc("CSAF_Informational_Advisory")).empty());
  EXPECT_TRUE(findings("6.1.27.1", R"({"document": {"category": 3}})").empty());
  EXPECT_TRUE(findings("6.1.27.1", "[]").empty());
}

TEST(ProfileDocumentReferences6_1_27_2, FailsSpecExample77OnlyASelfReference) {
  auto f = findings("6.1.27.2", doc("csaf_informational_advisory",
                                    R"("references": [{"category": "self", "summary": "The canonical URL.", "url": "https://example.com/a.json"}])"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/document/references");
  EXPECT_TRUE(contains(f[0].message, "external")) << f[0].message;
}

TEST(ProfileDocumentReferences6_1_27_2, PassesAnExternalReference) {
  EXPECT_TRUE(findings("6.1.27.2", doc("csaf_security_incident_response",
                                       R"("references": [{"category": "self"}, {"category": "external"}])")).empty());
  EXPECT_TRUE(findings("6.1.27.2", doc("csaf_vex")).empty());
}

TEST(ProfileNoVulnerabilities6_1_27_3, FailsSpecExample78AnInformationalAdvisoryWithVulnerabilities) {
  auto f = findings("6.1.27.3", doc("csaf_informational_advisory", "",
                                    R"("vulnerabilities": [{"title": "A vulnerability item that SHALL NOT exist"}])"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities");
  EXPECT_TRUE(contains(f[0].message, "must not have /vulnerabilities")) << f[0].message;
}

TEST(ProfileNoVulnerabilities6_1_27_3, PassesWithoutVulnerabilitiesOrInOtherProfiles) {
  EXPECT_TRUE(findings("6.1.27.3", doc("csaf_informational_advisory")).empty());
  EXPECT_TRUE(findings("6.1.27.3", doc("csaf_security_advisory", "", R"("vulnerabilities": [{}])")).empty());
}

TEST(ProfileProductTree6_1_27_4, FailsSpecExample79ASecurityAdvisoryWithoutProductTree) {
  auto f = findings("6.1.27.4", doc("csaf_security_advisory", "", R"("vulnerabilities": [{}])"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/product_tree");
  EXPECT_TRUE(contains(f[0].message, "no /product_tree")) << f[0].message;
}

TEST(ProfileProductTree6_1_27_4, PassesWithAProductTreeOrOutsideTheProfiles) {
  EXPECT_TRUE(findings("6.1.27.4", doc("csaf_vex", "", R"("product_tree": {})")).empty());
  EXPECT_TRUE(findings("6.1.27.4", doc("csaf_informational_advisory")).empty());
}

TEST(ProfileVulnerabilityNotes6_1_27_5, FailsSpecExample80AVulnerabilityWithoutNotes) {
  auto f = findings("6.1.27.5", doc("csaf_vex", "",
                                    R"("vulnerabilities": [{"notes": []}, {"title": "A vulnerability item without a note"}])"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities/1/notes");
  EXPECT_TRUE(contains(f[0].message, "no `notes`")) << f[0].message;
}

TEST(ProfileVulnerabilityNotes6_1_27_5, PassesWhenEveryVulnerabilityHasNotes) {
  EXPECT_TRUE(findings("6.1.27.5", doc("csaf_security_advisory", "", R"("vulnerabilities": [{"notes": [{}]}, 3])")).empty());
}

TEST(ProfileProductStatus6_1_27_6, FailsSpecExample81AVulnerabilityWithoutProductStatus) {
  auto f = findings("6.1.27.6", doc("csaf_security_advisory", "",
                                    R"("vulnerabilities": [{"title": "A vulnerability item without a product status"}])"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities/0/product_status");
  EXPECT_TRUE(contains(f[0].message, "no `product_status`")) << f[0].message;
}

TEST(ProfileProductStatus6_1_27_6, PassesWithProductStatusAndSkipsVex) {
  EXPECT_TRUE(findings("6.1.27.6", doc("csaf_security_advisory", "", R"("vulnerabilities": [{"product_status": {}}])")).empty());
  EXPECT_TRUE(findings("6.1.27.6", doc("csaf_vex", "", R"("vulnerabilities": [{}])")).empty());
}

TEST(ProfileVexProductStatus6_1_27_7, FailsSpecExample82OnlyFirstFixedAndRecommended) {
  auto f = findings("6.1.27.7", doc("csaf_vex", "",
                                    R"("vulnerabilities": [{"product_status": {"first_fixed": ["A"], "recommended": ["A"]}}, {}])"));
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities/0/product_status");
  EXPECT_TRUE(contains(f[0].message, "none of fixed, known_affected, known_not_affected or under_investigation"))
      << f[0].message;
  EXPECT_EQ(f[1].pointer, "/vulnerabilities/1/product_status");
  EXPECT_TRUE(contains(f[1].message, "no product status")) << f[1].message;
}

TEST(ProfileVexProductStatus6_1_27_7, PassesWithAnyOfTheFourStatuses) {
  EXPECT_TRUE(findings("6.1.27.7", doc("csaf_vex", "", R"("vulnerabilities": [{"product_status": {"fixed": ["A"]}},
      {"product_status": {"under_investigation": ["A"]}}])")).empty());
  EXPECT_TRUE(findings("6.1.27.7", doc("csaf_security_advisory", "", R"("vulnerabilities": [{}])")).empty());
}

TEST(ProfileVulnerabilityId6_1_27_8, FailsSpecExample83NeitherCveNorIds) {
  auto f = findings("6.1.27.8", doc("csaf_vex", "",
                                    R"("vulnerabilities": [{"cve": "CVE-2021-0001"}, {"title": "A vulnerability item without a CVE or ID"}])"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities/1");
  EXPECT_TRUE(contains(f[0].message, "neither `cve` nor `ids`")) << f[0].message;
}

TEST(ProfileVulnerabilityId6_1_27_8, PassesWithCveOrIds) {
  EXPECT_TRUE(findings("6.1.27.8", doc("csaf_vex", "",
                                       R"("vulnerabilities": [{"cve": "CVE-2021-0001"}, {"ids": [{"system_name": "a", "text": "1"}]}])")).empty());
}

// Spec examples 84 and 85: three products, a group of the first two.
constexpr std::string_view kProductTree = R"("product_tree": {
    "full_product_names": [{"product_id": "CSAFPID-9080700", "name": "Product A"},
                           {"product_id": "CSAFPID-9080701", "name": "Product B"},
                           {"product_id": "CSAFPID-9080702", "name": "Product C"}],
    "product_groups": [{"group_id": "CSAFGID-0001", "product_ids": ["CSAFPID-9080700", "CSAFPID-9080701"]}]})";

std::string vex(std::string_view vulnerability) {
  return doc("csaf_vex", "", std::string(kProductTree) + R"(, "vulnerabilities": [)" + std::string(vulnerability) + "]");
}

constexpr std::string_view kAllNotAffected =
    R"("product_status": {"known_not_affected": ["CSAFPID-9080700", "CSAFPID-9080701", "CSAFPID-9080702"]})";

TEST(ProfileImpactStatement6_1_27_9, FailsSpecExample84NoStatementForTheProductOutsideTheGroup) {
  auto f = findings("6.1.27.9", vex("{" + std::string(kAllNotAffected) + R"(, "threats": [{"category": "impact",
      "details": "The vulnerable code is not present in these products.", "group_ids": ["CSAFGID-0001"]}]})"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities/0/product_status/known_not_affected/2");
  EXPECT_TRUE(contains(f[0].message, "\"CSAFPID-9080702\" is known_not_affected but has no impact statement"))
      << f[0].message;
  EXPECT_TRUE(contains(f[0].message, "/vulnerabilities/0/flags")) << f[0].message;
}

TEST(ProfileImpactStatement6_1_27_9, FailsWhenTheThreatIsNotOfCategoryImpact) {
  auto f = findings("6.1.27.9", vex("{" + std::string(kAllNotAffected) + R"(, "threats": [{"category": "exploit_status",
      "details": "none", "product_ids": ["CSAFPID-9080700", "CSAFPID-9080701", "CSAFPID-9080702"]}]})"));
  EXPECT_EQ(f.size(), 3u);
}

TEST(ProfileImpactStatement6_1_27_9, PassesStatementsThroughGroupsFlagsAndThreats) {
  EXPECT_TRUE(findings("6.1.27.9", vex("{" + std::string(kAllNotAffected) + R"(, "threats": [{"category": "impact",
      "details": "d", "product_ids": ["CSAFPID-9080702"], "group_ids": ["CSAFGID-0001"]}]})")).empty());
  EXPECT_TRUE(findings("6.1.27.9", vex("{" + std::string(kAllNotAffected) + R"(,
      "flags": [{"label": "vulnerable_code_not_present", "product_ids": ["CSAFPID-9080700", "CSAFPID-9080701"]}],
      "threats": [{"category": "impact", "details": "d", "product_ids": ["CSAFPID-9080702"]}]})")).empty());
}

TEST(ProfileImpactStatement6_1_27_9, ExpandsGroupsEitherWayWithTheSameResult) {
  // Many referenced groups and one needed product: the test asks which
  // groups hold the product instead of expanding all groups.
  std::string groups = R"("product_tree": {"product_groups": [)";
  std::string group_ids;
  for (int g = 0; g < 50; ++g) {
    groups += (g ? "," : "") + std::string(R"({"group_id": "G)") + std::to_string(g) +
              R"(", "product_ids": ["P1", "P2", "P3"]})";
    group_ids += (g ? "," : "") + std::string("\"G") + std::to_string(g) + "\"";
  }
  groups += R"(, {"group_id": "G-last", "product_ids": ["P9"]}]})";
  auto check = [&](std::string_view needed, std::string_view named_groups) {
    return findings("6.1.27.9", doc("csaf_vex", "", groups + R"(, "vulnerabilities": [{"product_status":
        {"known_not_affected": [)" + std::string(needed) + R"(]}, "flags": [{"group_ids": [)" +
        std::string(named_groups) + "]}]}]"));
  };
  EXPECT_TRUE(check(R"("P1")", group_ids).empty());
  EXPECT_EQ(check(R"("P9")", group_ids).size(), 1u);
  EXPECT_TRUE(check(R"("P9")", R"("G-last")").empty());
  EXPECT_EQ(check(R"("P1", "P9")", R"("G-last")").size(), 1u);
}

TEST(ProfileActionStatement6_1_27_10, FailsSpecExample85NoStatementForTheProductOutsideTheGroup) {
  auto f = findings("6.1.27.10", vex(R"({"product_status": {"known_affected": ["CSAFPID-9080700", "CSAFPID-9080701", "CSAFPID-9080702"]},
      "remediations": [{"category": "no_fix_planned", "details": "These products are end-of-life.", "group_ids": ["CSAFGID-0001"]}]})"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities/0/product_status/known_affected/2");
  EXPECT_TRUE(contains(f[0].message, "\"CSAFPID-9080702\" is known_affected but has no action statement"))
      << f[0].message;
  EXPECT_TRUE(contains(f[0].message, "a remediation in /vulnerabilities/0/remediations")) << f[0].message;
}

TEST(ProfileActionStatement6_1_27_10, PassesARemediationForEveryAffectedProduct) {
  EXPECT_TRUE(findings("6.1.27.10", vex(R"({"product_status": {"known_affected": ["CSAFPID-9080700", "CSAFPID-9080702"]},
      "remediations": [{"category": "none_available", "details": "d", "group_ids": ["CSAFGID-0001"]},
                       {"category": "vendor_fix", "details": "d", "product_ids": ["CSAFPID-9080702"]}]})")).empty());
  EXPECT_TRUE(findings("6.1.27.10", doc("csaf_security_advisory", "",
                                        R"("vulnerabilities": [{"product_status": {"known_affected": ["A"]}}])")).empty());
}

TEST(ProfileVulnerabilities6_1_27_11, FailsSpecExample86AVexWithoutVulnerabilities) {
  auto f = findings("6.1.27.11", doc("csaf_vex", "", R"("product_tree": {})"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].pointer, "/vulnerabilities");
  EXPECT_TRUE(contains(f[0].message, "no /vulnerabilities")) << f[0].message;
}

TEST(ProfileVulnerabilities6_1_27_11, PassesWithVulnerabilitiesOrOutsideTheProfiles) {
  EXPECT_TRUE(findings("6.1.27.11", doc("csaf_security_advisory", "", R"("vulnerabilities": [])")).empty());
  EXPECT_TRUE(findings("6.1.27.11", doc("csaf_base")).empty());
}

TEST(ProfileTests, SurviveDocumentsOfWrongTypes) {
  const std::string hostile[] = {
      "null", "[]", R"({"document": []})", R"({"document": {"category": "csaf_vex"}, "vulnerabilities": 5})",
      R"({"document": {"category": "csaf_vex"}, "product_tree": {"product_groups": [{"group_id": 1}, 7,
          {"group_id": "G", "product_ids": "P"}]}, "vulnerabilities": [1, "x", null,
          {"product_status": 5, "flags": {}, "threats": [null, {"category": 1}]},
          {"product_status": {"known_not_affected": [1, "P"], "known_affected": "P"}, "flags": [{"group_ids": ["G", 2]}],
           "remediations": [7, {"product_ids": 3, "group_ids": {}}]}]})",
      R"({"document": {"category": "csaf_informational_advisory", "notes": {"category": "summary"},
          "references": [1, {"category": ["external"]}]}, "vulnerabilities": null})",
  };
  for (const std::string& json : hostile) {
    for (std::string id : {"6.1.11", "6.1.12", "6.1.27.1", "6.1.27.2", "6.1.27.3", "6.1.27.4", "6.1.27.5",
                           "6.1.27.6", "6.1.27.7", "6.1.27.8", "6.1.27.9", "6.1.27.10", "6.1.27.11"}) {
      findings(id, json);  // must not crash; what is reported is covered above
    }
  }
}

}  // namespace
}  // namespace lotse::csaf
