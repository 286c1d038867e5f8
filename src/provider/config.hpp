// The provider configuration: who publishes, where the tree is served, and
// what provider-metadata.json says about the provider (CSAF 2.0 section
// 7.1.7). `lotse publish --config provider.json` reads it; it is the one
// input of a publish run besides the advisories and the signing key.
//
// The file is a JSON object; unknown members are refused (a typo must not
// silently drop a setting):
//
//   {
//     "canonical_url": "https://psirt.example.com/.well-known/csaf/provider-metadata.json",
//     "publisher": {
//       "category": "vendor",               // coordinator|discoverer|other|translator|user|vendor
//       "name": "Example Company PSIRT",
//       "namespace": "https://psirt.example.com",
//       "contact_details": "psirt@example.com",        // optional
//       "issuing_authority": "Example's PSIRT ..."     // optional
//     },
//     "role": "csaf_trusted_provider",      // or "csaf_provider"
//     "list_on_CSAF_aggregators": true,     // optional, default true
//     "mirror_on_CSAF_aggregators": true    // optional, default true
//   }
//
// canonical_url must be an https URL whose path is exactly
// /.well-known/csaf/provider-metadata.json (requirement 9): the tree Lotse
// writes mirrors that path, and every URL in the tree (feeds, documents,
// keys) is built from it. The role csaf_publisher is refused: a publisher
// does not run this tree. Values are checked again, as the schema demands,
// when provider-metadata.json is generated (metadata.hpp).
//
// Stateless and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace lotse::provider {

struct Publisher {
  std::string category;
  std::string name;
  std::string name_space;  // "namespace" in JSON
  std::optional<std::string> contact_details;
  std::optional<std::string> issuing_authority;
};

struct ProviderConfig {
  std::string canonical_url;  // .../.well-known/csaf/provider-metadata.json
  Publisher publisher;
  std::string role;  // "csaf_provider" or "csaf_trusted_provider"
  bool list_on_csaf_aggregators = true;
  bool mirror_on_csaf_aggregators = true;

  // The URL of the folder holding provider-metadata.json, with a trailing
  // '/': "https://host/.well-known/csaf/". Every published URL starts with it.
  std::string base_url() const;
};

// The path, relative to the tree's root, where provider-metadata.json and
// everything it lists live (the path of the canonical URL).
inline constexpr std::string_view kWellKnownDir = ".well-known/csaf";

// Parses a configuration. Errors name the member and what is wrong.
tl::expected<ProviderConfig, std::string> parse_config(std::string_view text);

// Reads and parses the configuration file at `path` (at most 1 MiB).
tl::expected<ProviderConfig, std::string> load_config(const std::string& path);

}  // namespace lotse::provider
