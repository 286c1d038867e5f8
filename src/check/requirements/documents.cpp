// Requirements about each CSAF document itself: 1, 2, 4, 5, 11.
#include <algorithm>
#include <cctype>

#include "check/inspect.hpp"
#include "check/requirements/requirements.hpp"
#include "csaf/filename.hpp"

namespace lotse::check {

namespace {

std::string file_name(const std::string& url) {
  const std::size_t slash = url.rfind('/');
  return slash == std::string::npos ? url : url.substr(slash + 1);
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::size_t count_fetched(const Observations& o) {
  std::size_t n = 0;
  for (const DocumentFacts& d : o.documents) n += d.fetched.ok();
  return n;
}

RequirementResult none_found(RequirementResult r) {
  r.verdict = Verdict::fail;
  r.summary = "no CSAF document was found (index.txt, ROLIE feeds)";
  return r;
}

}  // namespace

RequirementResult check_valid_csaf(const Observations& o) {
  RequirementResult r = start(1);
  if (o.documents.empty()) return none_found(r);
  std::size_t bad = 0;
  for (const DocumentFacts& d : o.documents) {
    if (!d.fetched.ok()) {
      ++bad;
      r.add(d.url, "a CSAF document (HTTP 200)", d.fetched.describe());
    } else if (!d.valid) {
      ++bad;
      r.add(d.url, "valid against the CSAF schema and every mandatory test (preset basic)", d.validation_problem);
    }
  }
  r.verdict = bad ? Verdict::fail : Verdict::pass;
  r.summary = std::to_string(o.documents.size() - bad) + " of " + std::to_string(o.documents.size()) +
              " documents are valid CSAF";
  return r;
}

RequirementResult check_filename(const Observations& o) {
  RequirementResult r = start(2);
  if (o.documents.empty()) return none_found(r);
  std::size_t bad = 0;
  for (const DocumentFacts& d : o.documents) {
    if (!d.parsed) continue;
    const std::string expected = csaf::csaf_filename(d.tracking_id);
    if (file_name(d.url) != expected) {
      ++bad;
      r.add(d.url, expected + " (from /document/tracking/id \"" + d.tracking_id + "\")", file_name(d.url));
    }
  }
  r.verdict = bad ? Verdict::fail : Verdict::pass;
  r.summary = std::to_string(bad) + " of " + std::to_string(count_fetched(o)) +
              " documents have a file name that does not follow section 5.1";
  return r;
}

RequirementResult check_tlp_white(const Observations& o) {
  RequirementResult r = start(4);
  std::size_t white = 0, bad = 0;
  for (const DocumentFacts& d : o.documents) {
    const bool listed_white = std::find(d.feed_labels.begin(), d.feed_labels.end(), "WHITE") != d.feed_labels.end();
    if (upper(d.tlp_label) != "WHITE" && !listed_white) continue;
    ++white;
    if (!d.fetched.ok()) {
      ++bad;
      r.add(d.url, "TLP:WHITE document freely accessible (HTTP 200 without credentials)", d.fetched.describe());
    }
  }
  if (white == 0) {
    r.verdict = Verdict::not_applicable;
    r.summary = "no TLP:WHITE document found";
    return r;
  }
  r.verdict = bad ? Verdict::fail : Verdict::pass;
  r.summary = std::to_string(white - bad) + " of " + std::to_string(white) + " TLP:WHITE documents are freely accessible";
  return r;
}

RequirementResult check_tlp_amber_red(const Observations& o) {
  RequirementResult r = start(5);
  std::size_t bad = 0;
  for (const DocumentFacts& d : o.documents) {
    const std::string label = upper(d.tlp_label);
    if ((label == "AMBER" || label == "RED") && d.fetched.ok()) {
      ++bad;
      std::string where = "downloadable without any authentication";
      for (const std::string& feed : d.feed_labels) where += "; listed in the TLP:" + feed + " feed";
      r.add(d.url, "TLP:" + label + " documents only behind access control, not in a public folder", where);
    }
  }
  r.verdict = bad ? Verdict::fail : Verdict::pass;
  r.summary = bad ? std::to_string(bad) + " TLP:AMBER/RED documents are publicly downloadable"
                  : "no TLP:AMBER or TLP:RED document is publicly downloadable";
  return r;
}

RequirementResult check_folder_per_year(const Observations& o) {
  RequirementResult r = start(11);
  if (o.directories.empty()) {
    r.verdict = Verdict::not_applicable;
    r.summary = "no directory-based distribution (directory_url) in provider-metadata.json";
    return r;
  }
  std::size_t bad = 0, seen = 0;
  for (const DocumentFacts& d : o.documents) {
    if (!d.parsed) continue;
    ++seen;
    const std::size_t slash = d.url.rfind('/');
    const std::size_t before = slash == std::string::npos ? 0 : d.url.rfind('/', slash - 1);
    const std::string folder = slash == std::string::npos || before == std::string::npos
                                   ? std::string() : d.url.substr(before + 1, slash - before - 1);
    const std::string year = d.initial_release_date.substr(0, 4);
    if (folder != year) {
      ++bad;
      r.add(d.url, "in folder " + year + "/ (initial_release_date " + d.initial_release_date + ")", "in folder " + folder + "/");
    }
  }
  r.verdict = bad ? Verdict::fail : Verdict::pass;
  r.summary = std::to_string(seen - bad) + " of " + std::to_string(seen) + " documents are in the folder of their initial release year";
  return r;
}

}  // namespace lotse::check
