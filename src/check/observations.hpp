// What `lotse check` saw of a provider: every download (status, redirects,
// errors; bodies are dropped once judged), the provider metadata, the
// directory and ROLIE distributions it names, the public keys, and per CSAF
// document the facts the requirements need (tracking id, dates, TLP label,
// validity, hashes, signature). Gathered by discover() and crawl(), judged
// by the requirement functions (requirements/requirements.hpp), which never
// download anything themselves.
//
// Plain values; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lotse::check {

// One HTTP(S) request as seen on the wire, without its body.
struct Fetched {
  std::string url;
  long status = 0;
  std::vector<std::string> redirects;
  std::string error;  // no answer, too large, ...
  bool ok() const { return error.empty() && status >= 200 && status < 300; }
  // "HTTP 404", "redirected to X", or the error: what was found.
  std::string describe() const;
};

// One way of finding provider-metadata.json (requirements 8, 9, 10).
struct DiscoveryAttempt {
  int requirement = 0;
  std::string url;       // security.txt, the well-known or the DNS-path URL
  Fetched fetched;
  std::string metadata_url;  // what it pointed to (security.txt) or itself
  std::string problem;       // empty when it serves the provider metadata
};

struct DirectoryDistribution {
  std::string url;  // directory_url, ending in '/'
  Fetched listing;
  bool listing_is_index_page = false;
  Fetched index;
  std::vector<std::string> index_entries;  // lines of index.txt
  Fetched changes;
  std::vector<std::pair<std::string, std::string>> changes_entries;  // path, current_release_date
  std::vector<std::string> changes_syntax_problems;
  // Year folders (from index.txt) and whether each serves a listing.
  std::vector<std::pair<Fetched, bool>> year_listings;
};

struct FeedEntry {
  std::string id;
  std::string content_url;  // content.src, else the self link
  std::vector<std::string> hash_urls;
  std::string signature_url;
};

// A ROLIE feed, service or category document named in the metadata.
struct RolieDocument {
  std::string url;
  std::string tlp_label;  // feeds only
  Fetched fetched;
  std::vector<std::string> problems;  // shape against RFC 8322 / section 7.1.15-17
  std::vector<FeedEntry> entries;     // feeds only
  std::vector<std::string> listed_feeds;  // services only: collection hrefs
};

struct PublicKey {
  std::string url;
  std::string fingerprint;  // as the metadata lists it
  Fetched fetched;
  std::string armored;      // the key when it was fetched and imports
  std::string problem;
};

struct HashFile {
  std::string url;
  std::string algorithm;  // "sha256", "sha512"
  bool in_feed = false;
  bool unsupported = false;  // an algorithm Lotse does not compute (md5, sha1, ...)
  Fetched fetched;
  std::string problem;  // empty when it matches the document
};

struct DocumentFacts {
  std::string url;
  std::vector<std::string> feed_labels;  // tlp_label of every feed listing it
  std::vector<std::string> directories;  // directory_url of every index.txt listing it
  Fetched fetched;
  bool parsed = false;
  std::string tracking_id;
  std::string initial_release_date;
  std::string current_release_date;
  std::string tlp_label;  // /document/distribution/tlp/label, empty when none
  bool valid = false;
  std::string validation_problem;  // first error finding
  std::vector<HashFile> hashes;
  std::string signature_url;
  bool signature_in_feed = false;
  Fetched signature_fetched;
  std::string signature_problem;  // empty when it verifies
};

struct Observations {
  std::string input;   // DOMAIN or URL as given
  std::string domain;  // host the discovery starts from
  std::vector<DiscoveryAttempt> discovery;
  std::string metadata_url;  // the one checked; empty when none was found
  Fetched metadata_fetched;
  bool metadata_parsed = false;
  std::vector<std::string> metadata_problems;  // schema violations ...
  std::string role;  // as the metadata claims it
  std::vector<DirectoryDistribution> directories;
  std::vector<RolieDocument> feeds;
  std::vector<RolieDocument> services;
  std::vector<RolieDocument> categories;
  std::vector<PublicKey> keys;
  std::vector<DocumentFacts> documents;
  std::vector<Fetched> fetches;  // every request made, for requirements 3 and 6
  std::vector<std::string> limits_hit;  // "only the first N documents were checked" ...
};

}  // namespace lotse::check
