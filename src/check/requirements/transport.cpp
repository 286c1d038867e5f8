// Requirements about how files are served: 3 (TLS) and 6 (no redirects).
#include "check/requirements/requirements.hpp"

namespace lotse::check {

RequirementResult check_tls(const Observations& o) {
  RequirementResult r = start(3);
  std::size_t plain = 0, tls_errors = 0;
  for (const Fetched& f : o.fetches) {
    if (!f.url.starts_with("https://")) {
      ++plain;
      r.add(f.url, "an https:// URL", "unencrypted http");
    }
    for (const std::string& hop : f.redirects) {
      if (!hop.starts_with("https://")) {
        ++plain;
        r.add(f.url, "redirects stay on https", "redirected to " + hop);
      }
    }
    if (f.error.find("SSL") != std::string::npos || f.error.find("certificate") != std::string::npos) {
      ++tls_errors;
      r.add(f.url, "a TLS connection with a trusted certificate for the host", f.error);
    }
  }
  if (o.fetches.empty()) {
    r.verdict = Verdict::fail;
    r.summary = "nothing was downloaded";
    return r;
  }
  r.verdict = plain || tls_errors ? Verdict::fail : Verdict::pass;
  r.summary = std::to_string(o.fetches.size()) + " requests, " + std::to_string(plain) + " without TLS, " +
              std::to_string(tls_errors) + " with TLS errors";
  return r;
}

RequirementResult check_no_redirects(const Observations& o) {
  RequirementResult r = start(6);
  std::size_t redirected = 0;
  for (const Fetched& f : o.fetches) {
    if (f.redirects.empty()) continue;
    ++redirected;
    r.add(f.url, "served directly (no redirect)", "HTTP redirect to " + f.redirects.front() +
                                                      (f.redirects.size() > 1 ? " (and further)" : ""));
  }
  // SHOULD NOT: header redirects are allowed when inevitable.
  r.verdict = redirected ? Verdict::warning : Verdict::pass;
  r.summary = redirected ? std::to_string(redirected) + " URLs answered with an HTTP redirect"
                         : "no redirect in " + std::to_string(o.fetches.size()) + " requests";
  return r;
}

}  // namespace lotse::check
