// Requirements 18 (hash files) and 19 (signatures) for every document.
#include "check/requirements/requirements.hpp"

namespace lotse::check {

RequirementResult check_hashes(const Observations& o) {
  RequirementResult r = start(18);
  std::size_t bad = 0, checked = 0;
  for (const DocumentFacts& d : o.documents) {
    if (!d.fetched.ok()) continue;
    ++checked;
    std::size_t matching = 0;
    bool wrong = false;
    for (const HashFile& h : d.hashes) {
      if (h.unsupported) {
        if (h.algorithm == "md5" || h.algorithm == "sha1") {
          r.add(h.url, "a secure hash algorithm (MD5 and SHA1 SHOULD NOT be used)", h.algorithm);
        }
        continue;
      }
      if (h.problem.empty()) {
        ++matching;
        continue;
      }
      // A hash file guessed by name may be absent; one listed in a feed must not.
      if (!h.fetched.ok() && !h.in_feed) continue;
      wrong = true;
      r.add(h.url, h.algorithm + " of " + d.url, h.problem);
    }
    if (!wrong && matching == 0) {
      wrong = true;
      r.add(d.url + ".sha512", "at least one hash file (.sha256, .sha512)", "none");
    }
    bad += wrong;
  }
  if (checked == 0) {
    r.verdict = Verdict::fail;
    r.summary = "no document could be downloaded";
    return r;
  }
  r.verdict = bad ? Verdict::fail : Verdict::pass;
  r.summary = std::to_string(checked - bad) + " of " + std::to_string(checked) + " documents have matching hash files";
  return r;
}

RequirementResult check_signatures(const Observations& o) {
  RequirementResult r = start(19);
  std::size_t bad = 0, checked = 0;
  for (const DocumentFacts& d : o.documents) {
    if (!d.fetched.ok()) continue;
    ++checked;
    if (!d.signature_problem.empty()) {
      ++bad;
      r.add(d.signature_url, "a detached OpenPGP signature of " + d.url + " by a key in provider-metadata.json",
            d.signature_problem);
    }
  }
  if (checked == 0) {
    r.verdict = Verdict::fail;
    r.summary = "no document could be downloaded";
    return r;
  }
  r.verdict = bad ? Verdict::fail : Verdict::pass;
  r.summary = std::to_string(checked - bad) + " of " + std::to_string(checked) + " signatures verify";
  return r;
}

}  // namespace lotse::check
