// Requirements about the provider metadata and how it is found (7-10) and
// the public key it lists (20).
#include "check/requirements/requirements.hpp"

namespace lotse::check {

namespace {

RequirementResult discovery_result(const Observations& o, int number, std::string_view what) {
  RequirementResult r = start(number);
  for (const DiscoveryAttempt& a : o.discovery) {
    if (a.requirement != number) continue;
    if (a.problem.empty()) {
      r.summary = std::string(what) + " serves provider-metadata.json: " + a.metadata_url;
    } else {
      r.verdict = Verdict::fail;
      r.summary = std::string(what) + " does not lead to a provider-metadata.json";
      r.add(a.url, "provider-metadata.json served directly over https", a.problem);
    }
  }
  return r;
}

}  // namespace

RequirementResult check_provider_metadata(const Observations& o) {
  RequirementResult r = start(7);
  if (o.metadata_url.empty()) {
    r.verdict = Verdict::fail;
    r.summary = "no provider-metadata.json was found";
    for (const DiscoveryAttempt& a : o.discovery) r.add(a.url, "provider-metadata.json", a.problem);
    return r;
  }
  for (const std::string& problem : o.metadata_problems) r.add(o.metadata_url, "valid against the provider metadata schema", problem);
  r.verdict = o.metadata_problems.empty() ? Verdict::pass : Verdict::fail;
  r.summary = o.metadata_problems.empty() ? o.metadata_url + " is valid against the provider metadata schema"
                                          : o.metadata_url + " is not valid provider metadata";
  return r;
}

RequirementResult check_security_txt(const Observations& o) { return discovery_result(o, 8, "security.txt"); }

RequirementResult check_well_known(const Observations& o) { return discovery_result(o, 9, "the well-known URL"); }

RequirementResult check_dns_path(const Observations& o) { return discovery_result(o, 10, "the DNS path"); }

RequirementResult check_public_key(const Observations& o) {
  RequirementResult r = start(20);
  if (o.metadata_url.empty()) {
    r.verdict = Verdict::fail;
    r.summary = "no provider-metadata.json to list the keys";
    return r;
  }
  if (o.keys.empty()) {
    r.verdict = Verdict::fail;
    r.summary = "provider-metadata.json lists no public_openpgp_keys";
    r.add(o.metadata_url, "public_openpgp_keys with the key that signs the documents", "none");
    return r;
  }
  std::size_t good = 0;
  for (const PublicKey& k : o.keys) {
    if (k.problem.empty()) {
      ++good;
    } else {
      r.add(k.url, "the OpenPGP public key with fingerprint " + k.fingerprint, k.problem);
    }
  }
  r.verdict = good == o.keys.size() ? Verdict::pass : good ? Verdict::warning : Verdict::fail;
  r.summary = std::to_string(good) + " of " + std::to_string(o.keys.size()) + " listed public keys are available and match their fingerprint";
  return r;
}

}  // namespace lotse::check
