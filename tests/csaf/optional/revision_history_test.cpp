// Tests 6.2.4 Build Metadata in Revision History, 6.2.5 Older Initial Release
// Date than Revision History and 6.2.6 Older Current Release Date than
// Revision History, from the spec examples.
#include <gtest/gtest.h>

#include <string>

#include "support/csaf_findings.hpp"

namespace lotse::csaf {
namespace {

using lotse::testing::describe;
const auto run = &lotse::testing::findings_of;

std::string tracking(const std::string& members) {
  return R"({"document": {"tracking": {)" + members + "}}}";
}

constexpr const char* kHistory = R"("revision_history": [
    {"date": "2021-05-06T10:00:00.000Z", "number": "1", "summary": "Initial version."},
    {"date": "2021-07-21T11:00:00.000Z", "number": "2", "summary": "Second version."}])";

// --- 6.2.4 Build Metadata in Revision History ---

TEST(BuildMetadataInRevisionHistory, NumberWithBuildMetadataFails) {  // spec example 96
  auto findings = run("6.2.4", tracking(R"("revision_history": [
      {"date": "2021-04-23T10:00:00.000Z", "number": "1.0.0+exp.sha.ac00785", "summary": "Initial version."}])"));
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/document/tracking/revision_history/0/number");
  EXPECT_NE(findings[0].message.find("\"+exp.sha.ac00785\""), std::string::npos) << findings[0].message;
  EXPECT_NE(findings[0].message.find("e.g. \"1.0.0\""), std::string::npos) << findings[0].message;
}

TEST(BuildMetadataInRevisionHistory, PreReleaseAndIntegerNumbersPass) {
  auto findings = run("6.2.4", tracking(R"("revision_history": [
      {"number": "1.0.0-rc.1"}, {"number": "2"}, {"number": 3}])"));
  EXPECT_TRUE(findings.empty()) << describe(findings);
}

// --- 6.2.5 Older Initial Release Date than Revision History ---

TEST(OlderInitialReleaseDate, InitialReleaseBeforeOldestRevisionFails) {  // spec example 97
  auto findings = run("6.2.5", tracking(std::string(R"("initial_release_date": "2021-04-22T10:00:00.000Z", )") + kHistory));
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/document/tracking/initial_release_date");
  EXPECT_NE(findings[0].message.find("\"2021-05-06T10:00:00.000Z\""), std::string::npos) << findings[0].message;
  EXPECT_NE(findings[0].message.find("revision_history/0/date"), std::string::npos) << findings[0].message;
}

TEST(OlderInitialReleaseDate, SameInstantInAnotherOffsetPasses) {
  auto findings = run("6.2.5", tracking(std::string(R"("initial_release_date": "2021-05-06T12:00:00+02:00", )") + kHistory));
  EXPECT_TRUE(findings.empty()) << describe(findings);
}

TEST(OlderInitialReleaseDate, OldestRevisionIsFoundWhateverTheOrder) {
  auto findings = run("6.2.5", tracking(R"("initial_release_date": "2021-05-06T09:00:00Z", "revision_history": [
      {"date": "2021-07-21T11:00:00Z"}, {"date": "not a date"}, {"date": "2021-05-06T10:00:00Z"}])"));
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_NE(findings[0].message.find("revision_history/2/date"), std::string::npos) << findings[0].message;
}

// --- 6.2.6 Older Current Release Date than Revision History ---

TEST(OlderCurrentReleaseDate, CurrentReleaseBeforeNewestRevisionFails) {  // spec example 98
  auto findings = run("6.2.6", tracking(std::string(R"("current_release_date": "2021-05-06T10:00:00.000Z", )") + kHistory));
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].pointer, "/document/tracking/current_release_date");
  EXPECT_NE(findings[0].message.find("newest"), std::string::npos) << findings[0].message;
  EXPECT_NE(findings[0].message.find("\"2021-07-21T11:00:00.000Z\""), std::string::npos) << findings[0].message;
}

TEST(OlderCurrentReleaseDate, CurrentReleaseAtNewestRevisionPasses) {
  auto findings = run("6.2.6", tracking(std::string(R"("current_release_date": "2021-07-21T11:00:00.000Z", )") + kHistory));
  EXPECT_TRUE(findings.empty()) << describe(findings);
}

TEST(OlderCurrentReleaseDate, FractionsCountBeyondMilliseconds) {
  auto findings = run("6.2.6", tracking(R"("current_release_date": "2021-07-21T11:00:00.0001Z",
      "revision_history": [{"date": "2021-07-21T11:00:00.00011Z"}])"));
  EXPECT_EQ(findings.size(), 1u) << describe(findings);
}

}  // namespace
}  // namespace lotse::csaf
