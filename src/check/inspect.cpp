#include "check/inspect.hpp"

#include <openssl/evp.h>

#include <cctype>

#include "check/json_access.hpp"
#include "csaf/validator.hpp"
#include "json/parser.hpp"

namespace lotse::check {

namespace {

std::string digest_hex(std::string_view bytes, const EVP_MD* md) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), out, &length, md, nullptr) != 1) return {};
  static const char* kHex = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[out[i] >> 4];
    hex += kHex[out[i] & 15];
  }
  return hex;
}

// The hex digest a hash file states: its text up to the first whitespace.
std::string stated_hash(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) break;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (out.size() > 256) break;
  }
  return out;
}

// What `lotse validate` says of a text that is not JSON.
std::string parse_problem(const json::ParseError& e) {
  std::string message = e.message;
  if (e.first) {
    message += " (first at line " + std::to_string(e.first->line) + ", column " + std::to_string(e.first->column) + ")";
  }
  return message;
}

}  // namespace

void inspect_document(std::string body, const std::vector<std::string>& hash_bodies, const std::string& signature,
                      openpgp::Verifier* verifier, DocumentFacts& facts) {
  for (std::size_t i = 0; i < facts.hashes.size() && i < hash_bodies.size(); ++i) {
    HashFile& hash = facts.hashes[i];
    if (!hash.fetched.ok()) {
      hash.problem = "not downloadable: " + hash.fetched.describe();
      continue;
    }
    if (hash.algorithm != "sha256" && hash.algorithm != "sha512") {
      hash.unsupported = true;  // md5, sha1, sha3-...: not judged, and not counted as a match
      continue;
    }
    const std::string expected =
        digest_hex(body, hash.algorithm == "sha256" ? EVP_sha256() : EVP_sha512());
    const std::string found = stated_hash(hash_bodies[i]);
    if (found != expected) hash.problem = "states " + (found.empty() ? std::string("nothing") : found) + ", the document hashes to " + expected;
  }
  if (!facts.signature_fetched.ok()) {
    facts.signature_problem = "not downloadable: " + facts.signature_fetched.describe();
  } else if (!verifier) {
    facts.signature_problem = "no usable public key in provider-metadata.json to verify it with";
  } else if (auto verified = verifier->verify_detached(body, signature); !verified) {
    facts.signature_problem = verified.error();
  }

  // One parse for the facts and the validation.
  csaf::ValidateOptions options;
  options.preset = csaf::Preset::basic;
  csaf::DocumentResult result;
  if (auto parsed = json::parse(std::move(body), options.limits); parsed) {
    const json::Value& root = parsed->root();
    facts.parsed = true;
    facts.tracking_id = string_at(root, {"document", "tracking", "id"});
    facts.initial_release_date = string_at(root, {"document", "tracking", "initial_release_date"});
    facts.current_release_date = string_at(root, {"document", "tracking", "current_release_date"});
    facts.tlp_label = string_at(root, {"document", "distribution", "tlp", "label"});
    result.file = facts.url;
    csaf::validate_parsed(*parsed, options, result);
  } else {
    result = csaf::refused_document(facts.url, parse_problem(parsed.error()));
  }
  facts.valid = result.valid;
  for (const csaf::Finding& finding : result.findings) {
    if (finding.severity != csaf::Severity::error) continue;
    facts.validation_problem = "[" + finding.test + "] " + (finding.pointer.empty() ? "/" : finding.pointer) + ": " +
                               finding.message;
    break;
  }
}

}  // namespace lotse::check
