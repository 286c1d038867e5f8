// provider-metadata.json (CSAF requirement 7), generated from the
// configuration, the state and the signing key, and checked against the
// OASIS provider schema (embedded in the binary) before it is written: a
// configuration the schema rejects (e.g. a publisher namespace that is not
// a URI) stops the run instead of publishing invalid metadata.
//
// It lists: canonical_url; one distribution per TLP folder with its
// directory_url (index.txt, changes.csv: requirements 11-14) and one ROLIE
// distribution with every feed, the category documents and the service
// document (requirements 15-17); last_updated; the aggregator flags;
// metadata_version 2.0; public_openpgp_keys with the key's fingerprint and
// its URL openpgp/<FINGERPRINT>.asc beside the metadata (requirement 20);
// publisher; role.
//
// Thread-safe (the compiled schema is shared read-only).
#pragma once

#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "provider/config.hpp"
#include "provider/state.hpp"

namespace lotse::provider {

// The metadata text listing the TLP folders `folders` (those holding
// documents), or the schema's complaint about it.
tl::expected<std::string, std::string> render_provider_metadata(const ProviderConfig& config,
                                                                const std::vector<std::string>& folders,
                                                                const std::string& fingerprint,
                                                                const std::string& last_updated);

// "openpgp/<FINGERPRINT>.asc": where the public key is published, relative
// to the metadata.
std::string public_key_path(const std::string& fingerprint);

// The line a provider adds to its security.txt (requirement 8).
std::string security_txt_line(const ProviderConfig& config);

}  // namespace lotse::provider
