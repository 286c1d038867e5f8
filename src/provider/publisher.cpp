#include "provider/publisher.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "csaf/date_time.hpp"
#include "provider/digest.hpp"
#include "provider/feed.hpp"
#include "provider/journal.hpp"
#include "provider/listings.hpp"
#include "provider/metadata.hpp"
#include "provider/rolie.hpp"
#include "provider/state.hpp"
#include "util/file.hpp"
#include "util/mapped_file.hpp"
#include "util/staging.hpp"

namespace lotse::provider {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxListing = std::size_t{4} << 30;
constexpr const char* kDocumentFiles[] = {"", ".sha256", ".sha512", ".asc"};
const std::string kServed = std::string(kWellKnownDir);  // ".well-known/csaf", relative to the tree

// Writes the run's files under .lotse/staging/ with run-unique names.
class Stager {
 public:
  explicit Stager(std::string tree) : tree_(std::move(tree)) {}
  // Stages `parts` with `mode`; returns the staged file's path relative to
  // the tree, for a rename step.
  // Parts inside one of `sources` are copied from that file in the kernel.
  tl::expected<std::string, std::string> stage(const std::vector<std::string_view>& parts, mode_t mode,
                                               const std::vector<util::CopySource>& sources = {}) {
    const std::string relative = ".lotse/staging/" + std::to_string(next_++);
    if (auto ok = util::write_file_whole(tree_ + "/" + relative, parts, mode, sources); !ok) {
      return tl::unexpected(ok.error().message);
    }
    return relative;
  }
  const std::string& tree() const { return tree_; }

 private:
  std::string tree_;
  std::size_t next_ = 0;
};

// Whether `path` holds exactly `content` with `mode` already.
bool holds(const std::string& path, std::string_view content, mode_t mode) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || (st.st_mode & 07777) != mode ||
      static_cast<std::size_t>(st.st_size) != content.size()) {
    return false;
  }
  auto text = util::read_file(path, content.size());
  return text && *text == content;
}

// Stages `content` and appends the step renaming it to `to` (relative).
// With `unless_same`, a file that would not change is left alone (the
// public key, service.json and category documents usually do not): one
// file fewer to sync and rename.
tl::expected<void, std::string> stage_to(Stager& stager, std::vector<Step>& steps, std::string_view content,
                                         const std::string& to, mode_t mode, bool unless_same = false) {
  if (unless_same && holds(stager.tree() + "/" + to, content, mode)) return {};
  auto staged = stager.stage({content}, mode);
  if (!staged) return tl::unexpected(staged.error());
  steps.push_back({Step::Kind::rename, std::move(*staged), to});
  return {};
}

// A listing file, mapped; empty when the folder has none yet.
tl::expected<util::MappedFile, std::string> map_listing(const std::string& path) {
  auto mapped = util::MappedFile::open(path, kMaxListing, true);
  if (!mapped) return tl::unexpected(mapped.error().message);
  return std::move(*mapped);
}

// Removes what util::write_file_atomic left in served folders when an
// earlier Lotse (before staging) was killed mid-write: "<name>.tmp-XXXXXX".
void remove_stale_temps(const std::string& root) {
  std::error_code ec;
  std::vector<fs::path> dirs = {root};
  for (auto it = fs::directory_iterator(root, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    if (it->is_directory(ec)) dirs.push_back(it->path());
  }
  for (const fs::path& dir : dirs) {
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
      const std::string name = it->path().filename().string();
      const std::size_t at = name.rfind(".tmp-");
      if (at != std::string::npos && name.size() == at + 11 && it->is_regular_file(ec)) fs::remove(it->path(), ec);
    }
  }
}

// Checks accepted advisories against the published entries (`published[i]`
// is the entry of accepted[i]'s file name, if any) and each other;
// refusals go to `report`.
void check_against_published(const std::vector<std::optional<StoredEntry>>& published,
                             const std::vector<Advisory>& accepted, const std::vector<std::string>& files,
                             PublishReport& report) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < accepted.size(); ++i) {
    const Advisory& a = accepted[i];
    if (!seen.insert(a.file_name).second) {
      report.refused.push_back({files[i], "not published: another input of this run has the file name " +
                                              a.file_name + " (give one version of a document per run)"});
      continue;
    }
    if (!published[i]) continue;
    const Entry& old = published[i]->entry;
    if (old.tracking_id != a.tracking_id) {
      report.refused.push_back({files[i], "not published: tracking id \"" + a.tracking_id +
                                              "\" has the same file name " + a.file_name +
                                              " as the published \"" + old.tracking_id + "\""});
      continue;
    }
    auto old_time = csaf::parse_date_time(old.current_release_date);
    auto new_time = csaf::parse_date_time(a.current_release_date);
    if (old_time && new_time && *new_time < *old_time) {
      report.refused.push_back({files[i], "not published: current_release_date " + a.current_release_date +
                                              " is older than the published version's " +
                                              old.current_release_date});
    }
  }
}

// What a run changes in one TLP folder.
struct FolderChange {
  std::set<std::string> remove;       // paths of replaced versions
  std::vector<std::size_t> additions;  // indexes into the accepted advisories
};

}  // namespace

std::string utc_now() {
  using namespace std::chrono;
  const auto now = system_clock::now();
  const std::time_t t = system_clock::to_time_t(now);
  const auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[40];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[48];
  std::snprintf(out, sizeof out, "%s.%03dZ", text, static_cast<int>(ms));
  return out;
}

tl::expected<PublishReport, std::string> publish(const ProviderConfig& config, openpgp::Signer& signer,
                                                 const std::string& public_key_armored, std::vector<Input> inputs,
                                                 const PublishOptions& options) {
  const std::string& tree = options.tree;
  PublishReport report;

  // 1. Check every input before writing anything (a refused input leaves
  //    the tree as it was).
  std::vector<Advisory> accepted;
  std::vector<std::string> files;
  for (Input& input : inputs) {
    auto advisory = prepare_advisory(std::move(input.text), input.file);
    if (!advisory) {
      report.refused.push_back(std::move(advisory.error()));
      continue;
    }
    files.push_back(input.file);
    accepted.push_back(std::move(*advisory));
  }
  if (!report.refused.empty()) return report;

  // 2. The lock, then whatever a killed run left: its journal is carried
  //    out, its staged files without a journal dropped.
  auto lock = TreeLock::acquire(tree);
  if (!lock) return tl::unexpected(lock.error());
  if (auto rolled = roll_forward(tree); !rolled) return tl::unexpected(rolled.error());
  if (auto ok = clear_staging(tree); !ok) return tl::unexpected(ok.error());
  const std::string root = tree + "/" + kServed;
  remove_stale_temps(root);

  // 3. The published versions of the inputs, from their entries alone.
  auto loaded = load_summary(tree);
  if (!loaded) return tl::unexpected(loaded.error());
  Summary summary = std::move(*loaded);
  std::vector<std::optional<StoredEntry>> published;
  for (const Advisory& a : accepted) {
    auto entry = load_entry(tree, a.file_name);
    if (!entry) return tl::unexpected(entry.error());
    published.push_back(std::move(*entry));
  }
  check_against_published(published, accepted, files, report);
  if (!report.refused.empty()) return report;

  const std::string now = options.now.empty() ? utc_now() : options.now;
  Stager stager(tree);
  // Phase A: listings without the replaced versions. Phase B: the documents'
  // files. Phase C: listings with the new versions, state, metadata, and
  // last the feeds' in-place writes (one sync of the renamed directories
  // before them, journal.hpp). Then the listings of folders left empty go. At every step each listing names
  // only documents whose four files are complete and agree.
  std::vector<Step> phase_a, phase_b, phase_c, phase_c_writes, phase_end;
  if (::mkdir((private_dir(tree) + "/entries").c_str(), 0700) != 0 && errno != EEXIST) {
    return tl::unexpected(private_dir(tree) + "/entries: " + std::strerror(errno));
  }

  // 4. Each document with its hashes and signature, and its entry.
  std::map<std::string, FolderChange> changes;
  std::vector<Entry> entries;
  entries.reserve(accepted.size());
  for (std::size_t i = 0; i < accepted.size(); ++i) {
    const Advisory& a = accepted[i];
    if (auto ok = make_public_dirs(root + "/" + a.folder + "/" + a.path.substr(0, a.path.rfind('/'))); !ok) {
      return tl::unexpected(ok.error());
    }
    auto signature = signer.sign_detached_armored(a.text);
    if (!signature) return tl::unexpected(a.file_name + ": " + signature.error());
    const std::string doc = kServed + "/" + a.folder + "/" + a.path;
    const std::string contents[] = {a.text, hash_file_line(sha256_hex(a.text), a.file_name),
                                    hash_file_line(sha512_hex(a.text), a.file_name), *signature};
    for (std::size_t f = 0; f < 4; ++f) {
      if (auto ok = stage_to(stager, phase_b, contents[f], doc + kDocumentFiles[f], 0644); !ok) {
        return tl::unexpected(ok.error());
      }
    }
    if (const auto& old = published[i]) {
      changes[old->folder].remove.insert(old->entry.path);
      summary[old->folder].remove(old->entry);
      if (old->folder != a.folder || old->entry.path != a.path) {
        for (const char* ext : kDocumentFiles) {
          phase_b.push_back({Step::Kind::remove, "", kServed + "/" + old->folder + "/" + old->entry.path + ext});
        }
      }
    }
    entries.push_back(entry_for(a));
    summary[a.folder].add(entries.back());
    changes[a.folder].additions.push_back(i);
    const std::string stored = serialize_entry({a.folder, entries.back()});
    if (auto ok = stage_to(stager, phase_c, stored, ".lotse/entries/" + a.file_name, 0600); !ok) {
      return tl::unexpected(ok.error());
    }
    report.published.push_back(tree_url(config, a.folder + "/" + a.path));
  }

  // 5. The listings of each folder that changed: index.txt and changes.csv
  //    spliced and staged, the feed edited in place or staged whole.
  for (const auto& folder_change : changes) {
    // Not a structured binding: clang 14 cannot capture those in lambdas.
    const std::string& folder = folder_change.first;
    const auto& change = folder_change.second;
    const std::string dir = root + "/" + folder;
    const std::string rel = kServed + "/" + folder + "/";
    if (auto ok = make_public_dirs(dir); !ok) return tl::unexpected(ok.error());
    auto index_file = map_listing(dir + "/index.txt");
    auto changes_file = map_listing(dir + "/changes.csv");
    auto feed_file = map_listing(dir + "/" + feed_file_name(folder));
    for (auto* mapped : {&index_file, &changes_file, &feed_file}) {
      if (!*mapped) return tl::unexpected(mapped->error());
    }
    const std::string_view index_txt = index_file->view(), changes_csv = changes_file->view(),
                           feed = feed_file->view();
    const std::vector<util::CopySource> sources = {{index_txt.data(), index_txt.size(), index_file->fd()},
                                                   {changes_csv.data(), changes_csv.size(), changes_file->fd()}};
    const std::string header = render_feed_header(config, folder, now);
    const bool emptied = summary[folder].documents == 0;
    std::vector<Addition> additions;
    for (std::size_t i : change.additions) {
      additions.push_back({&entries[i], render_feed_entry(config, folder, entries[i])});
    }
    sort_newest_first(additions);
    std::vector<std::string_view> add_paths;
    std::vector<std::string> add_entries;
    for (const Addition& a : additions) {
      add_paths.push_back(a.entry->path);
      add_entries.push_back(a.feed_entry);
    }
    auto fail = [&](const std::string& message) { return tl::unexpected(dir + ": " + message); };
    auto stage_spliced = [&](const Spliced& text, const std::string& name,
                             std::vector<Step>& steps) -> tl::expected<void, std::string> {
      auto staged = stager.stage(text.parts, 0644, sources);
      if (!staged) return tl::unexpected(staged.error());
      steps.push_back({Step::Kind::rename, std::move(*staged), rel + name});
      return {};
    };

    // index.txt and changes.csv: without the replaced versions (phase A),
    // then with the new ones (phase C), both spliced from the old texts.
    auto changes_with = splice_changes(changes_csv, change.remove, additions);
    if (!changes_with) return fail(changes_with.error());
    if (!change.remove.empty()) {
      auto index_without = splice_index(index_txt, change.remove, {});
      auto changes_without = splice_changes(changes_csv, change.remove, {});
      if (!index_without) return fail(index_without.error());
      if (!changes_without) return fail(changes_without.error());
      if (auto ok = stage_spliced(*index_without, "index.txt", phase_a); !ok) return tl::unexpected(ok.error());
      if (auto ok = stage_spliced(changes_without->text, "changes.csv", phase_a); !ok) {
        return tl::unexpected(ok.error());
      }
    }
    if (!emptied) {
      auto index_with = splice_index(index_txt, change.remove, add_paths);
      if (!index_with) return fail(index_with.error());
      if (auto ok = stage_spliced(*index_with, "index.txt", phase_c); !ok) return tl::unexpected(ok.error());
      if (auto ok = stage_spliced(changes_with->text, "changes.csv", phase_c); !ok) return tl::unexpected(ok.error());
    }

    // The feed: in place when it can be (feed.hpp), else whole.
    std::optional<FeedEdit> edit;
    if (!feed.empty() && changes_with->additions_first) {
      std::vector<std::string> remove_urls;
      for (const std::string& path : change.remove) remove_urls.push_back(tree_url(config, folder + "/" + path));
      const std::string first_kept =
          changes_with->first_kept.empty() ? std::string() : tree_url(config, folder + "/" + changes_with->first_kept);
      edit = plan_in_place(feed, header, remove_urls, add_entries, first_kept);
    }
    const std::string feed_rel = rel + feed_file_name(folder);
    if (edit) {
      for (auto [writes, steps] : {std::pair{&edit->removals, &phase_a}, {&edit->additions, &phase_c_writes}}) {
        for (FeedWrite& w : *writes) steps->push_back({Step::Kind::write, "", feed_rel, w.offset, std::move(w.bytes)});
      }
    } else {
      if (!change.remove.empty()) {
        auto without = splice_feed(feed, changes_csv, change.remove, {}, header);
        if (!without) return fail(without.error());
        if (auto ok = stage_to(stager, phase_a, *without, feed_rel, 0644); !ok) return tl::unexpected(ok.error());
      }
      if (!emptied) {
        auto with = splice_feed(feed, changes_csv, change.remove, additions, header);
        if (!with) return fail(with.error());
        if (auto ok = stage_to(stager, phase_c, *with, feed_rel, 0644); !ok) return tl::unexpected(ok.error());
      }
    }
    if (emptied) {
      // Every document left this folder (its TLP label changed): its
      // listings go once the metadata no longer lists it.
      for (const std::string& name : {std::string("index.txt"), std::string("changes.csv"), feed_file_name(folder),
                                      category_file_name(folder)}) {
        phase_end.push_back({Step::Kind::remove, "", rel + name});
      }
      continue;
    }
    if (auto ok = stage_to(stager, phase_c, render_category(summary[folder].categories),
                           rel + category_file_name(folder), 0644, true);
        !ok) {
      return tl::unexpected(ok.error());
    }
  }

  // 6. The state's summary, the key, the service document, the metadata.
  const std::vector<std::string> folders = published_folders(summary);
  auto metadata = render_provider_metadata(config, folders, signer.fingerprint(), now);
  if (!metadata) return tl::unexpected(metadata.error());
  if (auto ok = make_public_dirs(root + "/openpgp"); !ok) return tl::unexpected(ok.error());
  for (auto [content, to, mode] :
       {std::tuple<std::string, std::string, mode_t>{serialize_summary(summary), ".lotse/folders.json", 0600},
        {public_key_armored, kServed + "/" + public_key_path(signer.fingerprint()), 0644},
        {render_service(config, folders), kServed + "/service.json", 0644},
        {*metadata, kServed + "/provider-metadata.json", 0644}}) {
    if (auto ok = stage_to(stager, phase_c, content, to, mode, true); !ok) return tl::unexpected(ok.error());
  }

  // 7. Commit, then carry out.
  Journal journal;
  for (auto* phase : {&phase_a, &phase_b, &phase_c, &phase_c_writes, &phase_end}) {
    journal.steps.insert(journal.steps.end(), phase->begin(), phase->end());
  }
  if (auto ok = commit_journal(tree, journal); !ok) return tl::unexpected(ok.error());
  if (auto ok = apply_journal(tree, journal); !ok) return tl::unexpected(ok.error());
  if (auto ok = clear_staging(tree); !ok) return tl::unexpected(ok.error());
  return report;
}

}  // namespace lotse::provider
