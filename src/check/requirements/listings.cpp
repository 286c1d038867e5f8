// Requirements of the directory-based distribution: 12 (index.txt),
// 13 (changes.csv), 14 (directory listings). Requirement 11 (year folders)
// is judged per document in documents.cpp.
#include <map>
#include <set>

#include "check/requirements/requirements.hpp"
#include "csaf/date_time.hpp"

namespace lotse::check {

namespace {

RequirementResult no_directories(RequirementResult r) {
  r.verdict = Verdict::not_applicable;
  r.summary = "no directory-based distribution (directory_url) in provider-metadata.json";
  return r;
}

std::map<std::string, const DocumentFacts*> documents_by_url(const Observations& o) {
  std::map<std::string, const DocumentFacts*> out;
  for (const DocumentFacts& d : o.documents) out[d.url] = &d;
  return out;
}

}  // namespace

RequirementResult check_index_txt(const Observations& o) {
  RequirementResult r = start(12);
  if (o.directories.empty()) return no_directories(r);
  std::size_t problems = 0;
  const auto by_url = documents_by_url(o);
  for (const DirectoryDistribution& d : o.directories) {
    if (!d.index.ok()) {
      ++problems;
      r.add(d.index.url, "index.txt listing every document of " + d.url, d.index.describe());
      continue;
    }
    std::set<std::string> listed(d.index_entries.begin(), d.index_entries.end());
    for (const std::string& entry : d.index_entries) {
      auto it = by_url.find(d.url + entry);
      if (it != by_url.end() && !it->second->fetched.ok()) {
        ++problems;
        r.add(d.url + entry, "a document listed in index.txt exists", it->second->fetched.describe());
      }
    }
    for (const DocumentFacts& doc : o.documents) {
      if (!doc.url.starts_with(d.url) || listed.count(doc.url.substr(d.url.size()))) continue;
      ++problems;
      r.add(d.index.url, "a line " + doc.url.substr(d.url.size()) + " (the document is listed in a ROLIE feed)",
            "no such line");
    }
  }
  r.verdict = problems ? Verdict::fail : Verdict::pass;
  r.summary = problems ? std::to_string(problems) + " problems with index.txt" : "index.txt lists every document";
  return r;
}

RequirementResult check_changes_csv(const Observations& o) {
  RequirementResult r = start(13);
  if (o.directories.empty()) return no_directories(r);
  std::size_t problems = 0;
  const auto by_url = documents_by_url(o);
  for (const DirectoryDistribution& d : o.directories) {
    if (!d.changes.ok()) {
      ++problems;
      r.add(d.changes.url, "changes.csv of " + d.url, d.changes.describe());
      continue;
    }
    for (const std::string& line : d.changes_syntax_problems) {
      ++problems;
      r.add(d.changes.url, "lines \"path\",\"current_release_date\" without a heading", line);
    }
    std::set<std::string> in_changes;
    std::optional<csaf::DateTime> previous;
    std::string previous_text;
    for (const auto& [path, time] : d.changes_entries) {
      in_changes.insert(path);
      auto instant = csaf::parse_date_time(time);
      if (!instant) {
        ++problems;
        r.add(d.changes.url, "an RFC 3339 date-time for " + path, time);
      } else {
        if (previous && *instant > *previous) {
          ++problems;
          r.add(d.changes.url, "newest first: " + path + " (" + time + ") before " + previous_text, "after it");
        }
        previous = instant;
        previous_text = time;
      }
      auto it = by_url.find(d.url + path);
      if (it == by_url.end() || !it->second->fetched.ok()) {
        ++problems;
        r.add(d.url + path, "a document listed in changes.csv exists (and in index.txt)",
              it == by_url.end() ? "not in index.txt or any feed" : it->second->fetched.describe());
      } else if (it->second->parsed) {
        auto stated = csaf::parse_date_time(time);
        auto actual = csaf::parse_date_time(it->second->current_release_date);
        if (!stated || !actual || *stated != *actual) {
          ++problems;
          r.add(d.changes.url, path + " with the document's current_release_date " + it->second->current_release_date,
                time);
        }
      }
    }
    for (const std::string& entry : d.index_entries) {
      if (in_changes.count(entry)) continue;
      ++problems;
      r.add(d.changes.url, "a line for " + entry + " (listed in index.txt)", "no such line");
    }
  }
  r.verdict = problems ? Verdict::fail : Verdict::pass;
  r.summary = problems ? std::to_string(problems) + " problems with changes.csv"
                       : "changes.csv lists every document with its current_release_date, newest first";
  return r;
}

RequirementResult check_directory_listings(const Observations& o) {
  RequirementResult r = start(14);
  if (o.directories.empty()) return no_directories(r);
  std::size_t pages = 0, missing = 0;
  for (const DirectoryDistribution& d : o.directories) {
    ++pages;
    if (!d.listing_is_index_page) {
      ++missing;
      r.add(d.url, "an HTML directory listing", d.listing.ok() ? "a page without links" : d.listing.describe());
    }
    for (const auto& [fetched, lists] : d.year_listings) {
      ++pages;
      if (!lists) {
        ++missing;
        r.add(fetched.url, "an HTML directory listing", fetched.ok() ? "a page without links" : fetched.describe());
      }
    }
  }
  r.verdict = missing ? Verdict::fail : Verdict::pass;
  r.summary = std::to_string(pages - missing) + " of " + std::to_string(pages) + " folders have a directory listing";
  return r;
}

}  // namespace lotse::check
