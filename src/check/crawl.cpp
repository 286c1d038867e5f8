// observe(): discovery, then everything the provider metadata names, then
// the documents in batches (download, then inspect on several threads).
#include <algorithm>
#include <atomic>
#include <cctype>
#include <iterator>
#include <map>
#include <set>
#include <thread>

#include "check/checker.hpp"
#include "check/discovery.hpp"
#include "check/inspect.hpp"
#include "check/json_access.hpp"
#include "json/parser.hpp"
#include "openpgp/key.hpp"

namespace lotse::check {

namespace {

constexpr std::size_t kBatch = 256;  // documents downloaded (and judged) at once
constexpr std::size_t kListingPrefix = 64 * 1024;  // enough of a directory listing to recognise it

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) out.emplace_back(line);
    at = end + 1;
  }
  return out;
}

// One changes.csv line: "path","time" (quotes optional).
bool parse_changes_line(const std::string& line, std::pair<std::string, std::string>& entry) {
  const std::size_t comma = line.find(',');
  if (comma == std::string::npos) return false;
  auto unquote = [](std::string s) {
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
    return s;
  };
  entry = {unquote(line.substr(0, comma)), unquote(line.substr(comma + 1))};
  return !entry.first.empty() && !entry.second.empty();
}

// A directory listing page names the entries it lists as links.
bool lists_links(const net::Response& response) {
  return response.ok() &&  // ok() holds for a truncated prefix as well
 response.content_type.starts_with("text/html") &&
         response.body.find("href=") != std::string::npos;
}

void read_feed(const net::Response& response, RolieDocument& feed) {
  auto parsed = json::parse(std::string_view(response.body));
  if (!parsed) {
    feed.problems.push_back("not JSON: " + parsed.error().describe());
    return;
  }
  const json::Value* body = member_at(parsed->root(), {"feed"});
  if (!body || !body->is_object()) {
    feed.problems.push_back("no \"feed\" object (RFC 8322 JSON feed)");
    return;
  }
  for (const char* field : {"id", "title", "updated"}) {
    if (string_at(*body, {field}).empty()) feed.problems.push_back(std::string("feed has no \"") + field + "\"");
  }
  bool self = false;
  if (const json::Value* links = body->find("link"); links && links->is_array()) {
    for (const json::Value& link : links->items()) {
      if (string_at(link, {"rel"}) == "self" && string_at(link, {"href"}) == feed.url) self = true;
    }
  }
  if (!self) feed.problems.push_back("no link rel=self with href " + feed.url);
  bool csaf_category = false;
  if (const json::Value* cats = body->find("category"); cats && cats->is_array()) {
    for (const json::Value& c : cats->items()) {
      if (string_at(c, {"scheme"}) == "urn:ietf:params:rolie:category:information-type" &&
          string_at(c, {"term"}) == "csaf") {
        csaf_category = true;
      }
    }
  }
  if (!csaf_category) feed.problems.push_back("no category urn:ietf:params:rolie:category:information-type = csaf");
  const json::Value* entries = body->find("entry");
  if (!entries || !entries->is_array()) {
    feed.problems.push_back("feed has no \"entry\" array");
    return;
  }
  for (const json::Value& e : entries->items()) {
    FeedEntry entry;
    entry.id = string_at(e, {"id"});
    entry.content_url = string_at(e, {"content", "src"});
    std::string self_link;
    if (const json::Value* links = e.find("link"); links && links->is_array()) {
      for (const json::Value& link : links->items()) {
        const std::string rel = string_at(link, {"rel"}), href = string_at(link, {"href"});
        if (rel == "self") self_link = href;
        if (rel == "hash") entry.hash_urls.push_back(href);
        if (rel == "signature") entry.signature_url = href;
      }
    }
    if (entry.content_url.empty()) entry.content_url = self_link;
    std::string missing;
    for (const char* field : {"id", "title", "published", "updated"}) {
      if (string_at(e, {field}).empty()) missing += std::string(missing.empty() ? "" : ", ") + field;
    }
    if (self_link.empty()) missing += std::string(missing.empty() ? "" : ", ") + "link rel=self";
    if (string_at(e, {"format", "schema"}).empty()) missing += std::string(missing.empty() ? "" : ", ") + "format";
    if (!missing.empty()) feed.problems.push_back("entry " + entry.id + " lacks " + missing);
    if (entry.content_url.empty()) continue;
    if (feed.entries.size() >= 1000000) break;
    feed.entries.push_back(std::move(entry));
  }
}

void read_service(const net::Response& response, RolieDocument& service) {
  auto parsed = json::parse(std::string_view(response.body));
  if (!parsed) return service.problems.push_back("not JSON: " + parsed.error().describe());
  const json::Value* workspaces = member_at(parsed->root(), {"service", "workspace"});
  if (!workspaces || !workspaces->is_array()) return service.problems.push_back("no service.workspace array");
  for (const json::Value& w : workspaces->items()) {
    if (const json::Value* collections = w.find("collection"); collections && collections->is_array()) {
      for (const json::Value& c : collections->items()) service.listed_feeds.push_back(string_at(c, {"href"}));
    }
  }
}

void read_category(const net::Response& response, RolieDocument& category) {
  auto parsed = json::parse(std::string_view(response.body));
  if (!parsed) return category.problems.push_back("not JSON: " + parsed.error().describe());
  const json::Value* list = member_at(parsed->root(), {"categories", "category"});
  if (!list || !list->is_array()) return category.problems.push_back("no categories.category array");
  for (const json::Value& c : list->items()) {
    if (string_at(c, {"term"}).empty()) category.problems.push_back("a category without \"term\"");
  }
}

HashFile hash_file(std::string url, std::string algorithm, bool in_feed) {
  HashFile file;
  file.url = std::move(url);
  file.algorithm = std::move(algorithm);
  file.in_feed = in_feed;
  return file;
}

std::string year_folder(const std::string& entry) {
  const std::size_t slash = entry.find('/');
  return slash == std::string::npos ? std::string() : entry.substr(0, slash + 1);
}

}  // namespace

Observations observe(const std::string& input, const CheckOptions& options) {
  Observations obs;
  net::Client client(options.client);
  const std::string metadata = discover(input, client, options, obs);
  if (metadata.empty()) return obs;
  auto parsed = json::parse(std::string_view(metadata));
  if (!parsed) return obs;
  const json::Value& root = parsed->root();

  // What the metadata names.
  if (const json::Value* distributions = root.find("distributions"); distributions && distributions->is_array()) {
    for (const json::Value& d : distributions->items()) {
      if (std::string url = string_at(d, {"directory_url"}); !url.empty()) {
        if (!url.ends_with('/')) url += '/';
        DirectoryDistribution directory;
        directory.url = url;
        obs.directories.push_back(std::move(directory));
      }
      auto collect = [&](const char* name, std::vector<RolieDocument>& into) {
        if (const json::Value* list = member_at(d, {"rolie", name}); list && list->is_array()) {
          for (const json::Value& item : list->items()) {
            RolieDocument doc;
            doc.url = item.is_string() ? std::string(item.as_string()) : string_at(item, {"url"});
            doc.tlp_label = string_at(item, {"tlp_label"});
            if (!doc.url.empty()) into.push_back(std::move(doc));
          }
        }
      };
      collect("feeds", obs.feeds);
      collect("services", obs.services);
      collect("categories", obs.categories);
    }
  }
  if (const json::Value* keys = root.find("public_openpgp_keys"); keys && keys->is_array()) {
    for (const json::Value& k : keys->items()) {
      PublicKey key;
      key.url = string_at(k, {"url"});
      key.fingerprint = string_at(k, {"fingerprint"});
      obs.keys.push_back(std::move(key));
    }
  }

  // Second round: listings, indexes, ROLIE documents, keys.
  std::vector<net::Request> requests;
  for (const DirectoryDistribution& d : obs.directories) {
    requests.push_back({d.url, kListingPrefix, true});
    requests.push_back({d.url + "index.txt", options.max_index_bytes});
    requests.push_back({d.url + "changes.csv", options.max_index_bytes});
  }
  for (auto* list : {&obs.feeds, &obs.services, &obs.categories}) {
    for (const RolieDocument& r : *list) requests.push_back({r.url, options.max_index_bytes});
  }
  for (const PublicKey& k : obs.keys) requests.push_back({k.url, options.max_small_bytes});
  std::vector<net::Response> responses = client.fetch(requests);
  std::size_t at = 0;
  for (DirectoryDistribution& d : obs.directories) {
    d.listing = record(obs, responses[at]);
    d.listing_is_index_page = lists_links(responses[at++]);
    d.index = record(obs, responses[at]);
    if (d.index.ok()) d.index_entries = lines_of(responses[at].body);
    ++at;
    d.changes = record(obs, responses[at]);
    if (d.changes.ok()) {
      for (const std::string& line : lines_of(responses[at].body)) {
        std::pair<std::string, std::string> entry;
        if (parse_changes_line(line, entry)) {
          d.changes_entries.push_back(std::move(entry));
        } else if (d.changes_syntax_problems.size() < kMaxEvidence) {
          d.changes_syntax_problems.push_back(line.substr(0, 200));
        }
      }
    }
    ++at;
  }
  auto read_rolie = [&](std::vector<RolieDocument>& list, void (*reader)(const net::Response&, RolieDocument&)) {
    for (RolieDocument& r : list) {
      r.fetched = record(obs, responses[at]);
      if (r.fetched.ok()) reader(responses[at], r);
      ++at;
    }
  };
  read_rolie(obs.feeds, &read_feed);
  read_rolie(obs.services, &read_service);
  read_rolie(obs.categories, &read_category);
  std::vector<openpgp::Key> trusted;
  for (PublicKey& k : obs.keys) {
    k.fetched = record(obs, responses[at]);
    if (!k.fetched.ok()) {
      k.problem = "not downloadable: " + k.fetched.describe();
    } else if (auto key = openpgp::Key::import(responses[at].body); !key) {
      k.problem = "not an OpenPGP key: " + key.error();
    } else if (key->fingerprint() != [&] { std::string f = k.fingerprint; for (char& c : f) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c))); return f; }()) {
      k.problem = "the key's fingerprint is " + key->fingerprint();
    } else {
      k.armored = responses[at].body;
      trusted.push_back(std::move(*key));
    }
    ++at;
  }
  responses.clear();

  // The documents: union of every index.txt and every feed, in first-seen order.
  std::map<std::string, std::size_t> by_url;
  auto document = [&](const std::string& url) -> DocumentFacts* {
    auto [it, added] = by_url.emplace(url, obs.documents.size());
    if (added) {
      if (obs.documents.size() >= options.max_documents) {
        by_url.erase(it);
        if (obs.limits_hit.empty()) obs.limits_hit.push_back("only the first " + std::to_string(options.max_documents) + " documents were checked");
        return nullptr;
      }
      DocumentFacts facts;
      facts.url = url;
      obs.documents.push_back(std::move(facts));
    }
    return &obs.documents[it->second];
  };
  std::vector<net::Request> year_requests;
  for (DirectoryDistribution& d : obs.directories) {
    std::set<std::string> years;
    for (const std::string& entry : d.index_entries) {
      if (DocumentFacts* doc = document(d.url + entry)) doc->directories.push_back(d.url);
      if (std::string year = year_folder(entry); !year.empty() && years.size() < 1000) years.insert(year);
    }
    for (const std::string& year : years) year_requests.push_back({d.url + year, kListingPrefix, true});
  }
  for (const RolieDocument& feed : obs.feeds) {
    for (const FeedEntry& entry : feed.entries) {
      DocumentFacts* doc = document(entry.content_url);
      if (!doc) continue;
      doc->feed_labels.push_back(feed.tlp_label);
      for (const std::string& hash : entry.hash_urls) {
        const std::size_t dot = hash.rfind('.');
        HashFile file = hash_file(hash, dot == std::string::npos ? "" : hash.substr(dot + 1), true);
        if (std::none_of(doc->hashes.begin(), doc->hashes.end(), [&](const HashFile& h) { return h.url == hash; })) {
          doc->hashes.push_back(file);
        }
      }
      if (!entry.signature_url.empty()) {
        doc->signature_url = entry.signature_url;
        doc->signature_in_feed = true;
      }
    }
  }
  // The year listings are fetched with the first batch of documents: a
  // server writes the listing of a folder of thousands of files for a while.
  auto record_years = [&](const std::vector<net::Response>& year_responses) {
    std::size_t y = 0;
    for (DirectoryDistribution& d : obs.directories) {
      while (y < year_responses.size() && year_responses[y].url.starts_with(d.url)) {
        d.year_listings.emplace_back(record(obs, year_responses[y]), lists_links(year_responses[y]));
        ++y;
      }
    }
  };
  if (obs.documents.empty()) record_years(client.fetch(year_requests));
  // Companions not named by a feed are looked for by name (requirements 18, 19).
  for (DocumentFacts& doc : obs.documents) {
    if (doc.hashes.empty()) {
      doc.hashes.push_back(hash_file(doc.url + ".sha256", "sha256", false));
      doc.hashes.push_back(hash_file(doc.url + ".sha512", "sha512", false));
    }
    if (doc.signature_url.empty()) doc.signature_url = doc.url + ".asc";
  }

  // Download and inspect in batches, so memory does not grow with the provider.
  const std::size_t threads = std::max<std::size_t>(1, options.threads);
  std::vector<std::optional<openpgp::Verifier>> verifiers(threads);
  for (auto& v : verifiers) {
    if (trusted.empty()) break;
    if (auto made = openpgp::Verifier::create()) {
      v.emplace(std::move(*made));
      for (const openpgp::Key& key : trusted) (void)v->trust(key);
    }
  }
  // Batch k is inspected on `threads` threads while this thread downloads
  // batch k + 1: the network waits and the CPU work overlap, and at most
  // two batches are in memory.
  struct Work {
    std::string body;
    std::vector<std::string> hash_bodies;
    std::string signature;
  };
  struct Batch {
    std::size_t begin = 0, end = 0;
    std::vector<Work> work;
  };
  // `extra` go first, so that they start at once; their responses are
  // moved to `extra_responses`.
  auto download = [&](std::size_t begin, const std::vector<net::Request>& extra,
                      std::vector<net::Response>& extra_responses) {
    Batch b;
    b.begin = begin;
    b.end = std::min(obs.documents.size(), begin + kBatch);
    std::vector<net::Request> requests = extra;
    for (std::size_t i = b.begin; i < b.end; ++i) {
      const DocumentFacts& doc = obs.documents[i];
      requests.push_back({doc.url, options.max_document_bytes});
      for (const HashFile& h : doc.hashes) requests.push_back({h.url, 4096});
      requests.push_back({doc.signature_url, 65536});
    }
    std::vector<net::Response> got = client.fetch(requests);
    extra_responses.assign(std::make_move_iterator(got.begin()),
                           std::make_move_iterator(got.begin() + static_cast<std::ptrdiff_t>(extra.size())));
    b.work.resize(b.end - b.begin);
    std::size_t r = extra.size();
    for (std::size_t i = b.begin; i < b.end; ++i) {
      DocumentFacts& doc = obs.documents[i];
      Work& w = b.work[i - b.begin];
      doc.fetched = record(obs, got[r]);
      w.body = std::move(got[r++].body);
      for (HashFile& h : doc.hashes) {
        h.fetched = record(obs, got[r]);
        w.hash_bodies.push_back(std::move(got[r++].body));
      }
      doc.signature_fetched = record(obs, got[r]);
      w.signature = std::move(got[r++].body);
    }
    return b;
  };
  // Touches only obs.documents[b.begin, b.end) and the verifiers.
  auto inspect = [&](Batch& b) {
    std::atomic<std::size_t> next{b.begin};
    auto worker = [&](std::size_t t) {
      for (std::size_t i; (i = next++) < b.end;) {
        DocumentFacts& doc = obs.documents[i];
        if (!doc.fetched.ok()) continue;
        Work& w = b.work[i - b.begin];
        inspect_document(std::move(w.body), w.hash_bodies, w.signature,
                         verifiers[t] ? &*verifiers[t] : nullptr, doc);
      }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker, t);
    worker(0);
    for (std::thread& t : pool) t.join();
    b.work.clear();
  };
  Batch inspected;
  std::thread inspecting;
  struct Join {  // also when download() throws
    std::thread& thread;
    ~Join() {
      if (thread.joinable()) thread.join();
    }
  } join{inspecting};
  for (std::size_t begin = 0; begin < obs.documents.size(); begin += kBatch) {
    std::vector<net::Response> extra_responses;
    Batch downloaded = download(begin, begin == 0 ? year_requests : std::vector<net::Request>(), extra_responses);
    if (begin == 0) record_years(extra_responses);
    if (inspecting.joinable()) inspecting.join();
    inspected = std::move(downloaded);
    inspecting = std::thread([&] { inspect(inspected); });
  }
  if (inspecting.joinable()) inspecting.join();  // before obs is returned
  return obs;
}

}  // namespace lotse::check
