// Judging one downloaded CSAF document and its companions (hash files,
// signature) into DocumentFacts: the CPU part of `lotse check` (parse,
// validate with the basic preset, hash, verify), run on many threads.
//
// Thread safety: inspect_document() is reentrant given one Verifier per
// thread.
#pragma once

#include <string>
#include <vector>

#include "check/observations.hpp"
#include "openpgp/verify.hpp"

namespace lotse::check {

// Fills the content facts of `facts` (tracking id, dates, TLP label,
// validity) from `body`, checks each hash file body against it (bodies
// aligned with facts.hashes; empty when not fetched) and the signature
// `signature` (empty when not fetched) with `verifier` (nullptr: no
// trusted key, reported as such).
void inspect_document(std::string body, const std::vector<std::string>& hash_bodies, const std::string& signature,
                      openpgp::Verifier* verifier, DocumentFacts& facts);

}  // namespace lotse::check
