// Finding a provider's provider-metadata.json (CSAF 2.0 requirements 8-10)
// and reading it (requirement 7): the first step of `lotse check`.
//
// Stateless; uses the caller's client.
#pragma once

#include <string>

#include "check/checker.hpp"
#include "check/observations.hpp"
#include "json/value.hpp"
#include "net/http_client.hpp"

namespace lotse::check {

// Records the outcome of one request in `observations.fetches` and returns it.
Fetched record(Observations& observations, const net::Response& response);

// The host (with ":port" when given) of an http(s) URL; empty when none.
std::string url_authority(const std::string& url);

// Tries the three ways of discovery, picks the metadata to check (the URL
// given, else the first that serves one: 9, 8, 10), validates it against
// the provider schema and sets observations.metadata_*, role. Returns the
// metadata text (empty when none was found).
std::string discover(const std::string& input, net::Client& client, const CheckOptions& options,
                     Observations& observations);

}  // namespace lotse::check
