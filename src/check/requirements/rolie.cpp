// Requirements of the ROLIE-based distribution: 15 (feeds), 16 (service
// documents), 17 (category documents).
#include <algorithm>
#include <map>

#include "check/requirements/requirements.hpp"

namespace lotse::check {

namespace {

RequirementResult no_rolie(RequirementResult r, std::string_view what) {
  r.verdict = Verdict::not_applicable;
  r.summary = "provider-metadata.json names no ROLIE " + std::string(what);
  return r;
}

// Download and shape problems of ROLIE documents; returns how many.
std::size_t shape_problems(const std::vector<RolieDocument>& list, RequirementResult& r, std::string_view what) {
  std::size_t problems = 0;
  for (const RolieDocument& doc : list) {
    if (!doc.fetched.ok()) {
      ++problems;
      r.add(doc.url, "a ROLIE " + std::string(what) + " (RFC 8322, JSON)", doc.fetched.describe());
      continue;
    }
    for (const std::string& p : doc.problems) {
      ++problems;
      r.add(doc.url, "a ROLIE " + std::string(what) + " (RFC 8322, JSON)", p);
    }
  }
  return problems;
}

}  // namespace

RequirementResult check_rolie_feed(const Observations& o) {
  RequirementResult r = start(15);
  if (o.feeds.empty()) return no_rolie(r, "feed");
  std::size_t problems = shape_problems(o.feeds, r, "feed");
  bool public_feed = false;
  std::map<std::string, int> per_label;
  for (const RolieDocument& feed : o.feeds) {
    if (feed.tlp_label == "WHITE" || feed.tlp_label == "GREEN" || feed.tlp_label == "UNLABELED") public_feed = true;
    if (++per_label[feed.tlp_label] == 2) {
      ++problems;
      r.add(feed.url, "a single ROLIE feed for TLP:" + feed.tlp_label, "a second feed with that label");
    }
  }
  if (!public_feed) {
    ++problems;
    r.add(o.metadata_url, "a feed for TLP:WHITE, TLP:GREEN or unlabeled documents", "none");
  }
  std::map<std::string, const DocumentFacts*> by_url;
  for (const DocumentFacts& d : o.documents) by_url[d.url] = &d;
  std::size_t entries = 0;
  for (const RolieDocument& feed : o.feeds) {
    for (const FeedEntry& e : feed.entries) {
      ++entries;
      auto it = by_url.find(e.content_url);
      if (it == by_url.end()) continue;  // beyond --max-documents
      const DocumentFacts& d = *it->second;
      if (!d.fetched.ok()) {
        ++problems;
        r.add(e.content_url, "the document of feed entry " + e.id + " (in " + feed.url + ")", d.fetched.describe());
      } else if (d.parsed && d.tracking_id != e.id) {
        ++problems;
        r.add(feed.url, "entry id " + d.tracking_id + " (the document's tracking id)", e.id);
      } else if (d.parsed && !d.tlp_label.empty() && feed.tlp_label != "UNLABELED" && d.tlp_label != feed.tlp_label) {
        ++problems;
        r.add(e.content_url, "documents labeled TLP:" + feed.tlp_label + " in the TLP:" + feed.tlp_label + " feed",
              "TLP:" + d.tlp_label);
      }
    }
  }
  r.verdict = problems ? Verdict::fail : Verdict::pass;
  r.summary = std::to_string(o.feeds.size()) + " feeds with " + std::to_string(entries) + " entries, " +
              std::to_string(problems) + " problems";
  return r;
}

RequirementResult check_rolie_service(const Observations& o) {
  RequirementResult r = start(16);
  if (o.services.empty()) return no_rolie(r, "service document (optional)");
  std::size_t problems = shape_problems(o.services, r, "service document");
  for (const RolieDocument& service : o.services) {
    if (!service.fetched.ok()) continue;
    for (const RolieDocument& feed : o.feeds) {
      if (std::find(service.listed_feeds.begin(), service.listed_feeds.end(), feed.url) == service.listed_feeds.end()) {
        ++problems;
        r.add(service.url, "a collection with href " + feed.url, "none");
      }
    }
  }
  r.verdict = problems ? Verdict::fail : Verdict::pass;
  r.summary = problems ? std::to_string(problems) + " problems with the service documents"
                       : "the service documents list every feed";
  return r;
}

RequirementResult check_rolie_category(const Observations& o) {
  RequirementResult r = start(17);
  if (o.categories.empty()) return no_rolie(r, "category document (optional)");
  const std::size_t problems = shape_problems(o.categories, r, "category document");
  r.verdict = problems ? Verdict::fail : Verdict::pass;
  r.summary = std::to_string(o.categories.size()) + " category documents, " + std::to_string(problems) + " problems";
  return r;
}

}  // namespace lotse::check
