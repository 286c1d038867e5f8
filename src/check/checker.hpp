// `lotse check`: judging any CSAF provider against the distribution
// requirements of CSAF 2.0 section 7.1, as they apply to the role its
// provider-metadata.json claims (section 7.2).
//
// check() discovers the provider metadata from a domain (well-known URL,
// security.txt, DNS path: requirements 8-10) or takes it from a URL, then
// downloads what the metadata names (directory and ROLIE distributions,
// public keys, every CSAF document with its hashes and signature) and
// judges each requirement with evidence. The provider is a stranger: every
// download is capped in size and time, documents are judged in batches so
// that memory does not grow with the provider, and no answer crashes it.
//
// Thread safety: check() is reentrant; it uses its own client and threads.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "check/observations.hpp"
#include "check/result.hpp"
#include "net/http_client.hpp"

namespace lotse::check {

struct CheckOptions {
  net::ClientOptions client;
  std::size_t threads = 4;            // documents judged at once (parse, validate, verify)
  std::size_t max_documents = 200000;
  std::size_t max_document_bytes = 64u << 20;
  std::size_t max_index_bytes = 64u << 20;  // index.txt, changes.csv, feeds
  std::size_t max_small_bytes = 1u << 20;   // metadata, security.txt, keys, listings
};

struct Report {
  std::string input;
  std::string metadata_url;  // empty: none found
  std::string role;          // as claimed; empty when unknown
  std::vector<RequirementResult> requirements;  // 1..23 in order
  bool role_satisfied = false;
  std::vector<std::string> notes;  // limits hit, group decisions (8-10, 11-14/15-17)
};

// Checks the provider at `input`: "example.com", "example.com:8443", or the
// https URL of a provider-metadata.json.
Report check(const std::string& input, const CheckOptions& options);

// Downloads and inspects everything check() judges (exposed for tests).
Observations observe(const std::string& input, const CheckOptions& options);

}  // namespace lotse::check
