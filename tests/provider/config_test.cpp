// The provider configuration: what is accepted, and that every mistake is
// refused with a message naming the member.
#include <gtest/gtest.h>

#include "provider/config.hpp"

namespace lotse::provider {
namespace {

constexpr const char* kValid = R"({
  "canonical_url": "https://psirt.example.com/.well-known/csaf/provider-metadata.json",
  "publisher": {"category": "vendor", "name": "Example PSIRT", "namespace": "https://psirt.example.com",
                "contact_details": "psirt@example.com"},
  "role": "csaf_trusted_provider",
  "mirror_on_CSAF_aggregators": false
})";

TEST(ProviderConfig, ReadsEveryMemberAndDefaultsTheAggregatorFlagsToTrue) {
  auto config = parse_config(kValid);
  ASSERT_TRUE(config) << config.error();
  EXPECT_EQ(config->canonical_url, "https://psirt.example.com/.well-known/csaf/provider-metadata.json");
  EXPECT_EQ(config->base_url(), "https://psirt.example.com/.well-known/csaf/");
  EXPECT_EQ(config->publisher.category, "vendor");
  EXPECT_EQ(config->publisher.name, "Example PSIRT");
  EXPECT_EQ(config->publisher.name_space, "https://psirt.example.com");
  EXPECT_EQ(config->publisher.contact_details.value_or(""), "psirt@example.com");
  EXPECT_FALSE(config->publisher.issuing_authority);
  EXPECT_EQ(config->role, "csaf_trusted_provider");
  EXPECT_TRUE(config->list_on_csaf_aggregators);
  EXPECT_FALSE(config->mirror_on_csaf_aggregators);
}

void expect_refused(std::string text, const std::string& fragment) {
  auto config = parse_config(text);
  ASSERT_FALSE(config) << text;
  EXPECT_NE(config.error().find(fragment), std::string::npos) << config.error();
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST(ProviderConfig, RefusesUrlsThatAreNotHttpsWellKnown) {
  expect_refused(replace(kValid, "https://psirt", "http://psirt"), "https://");
  expect_refused(replace(kValid, "/.well-known/csaf/provider-metadata.json", "/csaf/provider-metadata.json"),
                 "requirement 9");
  expect_refused(replace(kValid, "psirt.example.com/.well", "/.well"), "requirement 9");
  expect_refused(replace(kValid, "provider-metadata.json\"", "provider-metadata.json?x=1\""), "requirement 9");
}

TEST(ProviderConfig, RefusesUnknownMembersWrongTypesAndRoles) {
  expect_refused(replace(kValid, "\"role\"", "\"rolle\": 1, \"role\""), "unknown member rolle");
  expect_refused(replace(kValid, "\"contact_details\"", "\"contact\": \"x\", \"contact_details\""),
                 "unknown member publisher/contact");
  expect_refused(replace(kValid, "csaf_trusted_provider", "csaf_publisher"), "role must be");
  expect_refused(replace(kValid, "\"vendor\"", "\"seller\""), "publisher/category");
  expect_refused(replace(kValid, "\"name\": \"Example PSIRT\",", ""), "publisher/name is missing");
  expect_refused(replace(kValid, "false", "\"no\""), "mirror_on_CSAF_aggregators must be");
  expect_refused("[]", "must be a JSON object");
  expect_refused("{", "provider configuration");
}

}  // namespace
}  // namespace lotse::provider
