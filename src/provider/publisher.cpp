#include "provider/publisher.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <set>

#include "csaf/date_time.hpp"
#include "provider/digest.hpp"
#include "provider/listings.hpp"
#include "provider/metadata.hpp"
#include "provider/rolie.hpp"
#include "provider/state.hpp"
#include "util/file.hpp"

namespace lotse::provider {

namespace {

namespace fs = std::filesystem;

// mkdir -p; the directories it makes are 0755 whatever the umask (the web
// server must list and read them, requirement 14).
tl::expected<void, std::string> make_dirs(const std::string& path) {
  for (std::size_t at = path.find('/', 1);; at = path.find('/', at + 1)) {
    const std::string prefix = path.substr(0, at);
    if (::mkdir(prefix.c_str(), 0755) == 0) {
      if (::chmod(prefix.c_str(), 0755) != 0) return tl::unexpected(prefix + ": " + std::strerror(errno));
    } else if (errno != EEXIST) {
      return tl::unexpected(prefix + ": " + std::strerror(errno));
    }
    if (at == std::string::npos) return {};
  }
}

// Atomically replaces `path` and makes it world-readable (write_file_atomic
// creates its temporary file 0600).
tl::expected<void, std::string> write_public(const std::string& path, std::string_view content) {
  if (auto ok = util::write_file_atomic(path, content); !ok) return tl::unexpected(ok.error().message);
  if (::chmod(path.c_str(), 0644) != 0) return tl::unexpected(path + ": " + std::strerror(errno));
  return {};
}

// Checks accepted advisories against the published state and each other;
// refusals go to `report`.
void check_against_state(const State& state, const std::vector<Advisory>& accepted,
                         const std::vector<std::string>& files, PublishReport& report) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < accepted.size(); ++i) {
    const Advisory& a = accepted[i];
    if (!seen.insert(a.file_name).second) {
      report.refused.push_back({files[i], "not published: another input of this run has the file name " +
                                              a.file_name + " (give one version of a document per run)"});
      continue;
    }
    const std::string* folder = state.folder_of(a.file_name);
    if (!folder) continue;
    const Entry& old = state.folders.at(*folder).at(a.file_name);
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
  PublishReport report;
  auto loaded = load_state(options.tree);
  if (!loaded) return tl::unexpected(loaded.error());
  State state = std::move(*loaded);

  // 1. Check everything before writing anything.
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
  check_against_state(state, accepted, files, report);
  if (!report.refused.empty()) return report;

  const std::string root = options.tree + "/" + std::string(kWellKnownDir);
  const std::string now = options.now.empty() ? utc_now() : options.now;

  // 2. Each document with its hashes and signature.
  std::set<std::string> touched;    // folders whose indexes change
  std::vector<std::string> stale;   // files of replaced versions at another place
  for (const Advisory& a : accepted) {
    const std::string dir = root + "/" + a.folder + "/" + a.path.substr(0, a.path.rfind('/'));
    if (auto ok = make_dirs(dir); !ok) return tl::unexpected(ok.error());
    auto signature = signer.sign_detached_armored(a.text);
    if (!signature) return tl::unexpected(a.file_name + ": " + signature.error());
    const std::string doc = root + "/" + a.folder + "/" + a.path;
    for (auto [path, content] : {std::pair<std::string, std::string>{doc, a.text},
                                 {doc + ".sha256", hash_file_line(sha256_hex(a.text), a.file_name)},
                                 {doc + ".sha512", hash_file_line(sha512_hex(a.text), a.file_name)},
                                 {doc + ".asc", *signature}}) {
      if (auto ok = write_public(path, content); !ok) return tl::unexpected(ok.error());
    }
    if (const std::string* old_folder = state.folder_of(a.file_name)) {
      const std::string folder = *old_folder;
      const Entry& old = state.folders[folder].at(a.file_name);
      if (folder != a.folder || old.path != a.path) {
        const std::string old_doc = root + "/" + folder + "/" + old.path;
        for (const char* ext : {"", ".sha256", ".sha512", ".asc"}) stale.push_back(old_doc + ext);
      }
      state.folders[folder].erase(a.file_name);
      touched.insert(folder);
    }
    state.folders[a.folder][a.file_name] = entry_for(a);
    touched.insert(a.folder);
    report.published.push_back(tree_url(config, a.folder + "/" + a.path));
  }

  // 3. The state, then everything made from it.
  if (auto ok = save_state(options.tree, state); !ok) return tl::unexpected(ok.error());
  for (const std::string& folder : touched) {
    const auto& entries = state.folders[folder];
    const std::string dir = root + "/" + folder;
    if (auto ok = make_dirs(dir); !ok) return tl::unexpected(ok.error());
    if (entries.empty()) {
      // Every document left this folder (its TLP label changed): its
      // indexes and feed go, and the metadata no longer lists it.
      for (const std::string& name : {std::string("index.txt"), std::string("changes.csv"), feed_file_name(folder),
                                      category_file_name(folder)}) {
        std::error_code ec;
        fs::remove(dir + "/" + name, ec);
      }
      continue;
    }
    for (auto [name, content] : {std::pair<std::string, std::string>{"index.txt", render_index_txt(entries)},
                                 {"changes.csv", render_changes_csv(entries)},
                                 {feed_file_name(folder), render_feed(config, folder, entries, now)},
                                 {category_file_name(folder), render_category(entries)}}) {
      if (auto ok = write_public(dir + "/" + name, content); !ok) return tl::unexpected(ok.error());
    }
  }
  auto metadata = render_provider_metadata(config, state, signer.fingerprint(), now);
  if (!metadata) return tl::unexpected(metadata.error());
  if (auto ok = make_dirs(root + "/openpgp"); !ok) return tl::unexpected(ok.error());
  if (auto ok = write_public(root + "/" + public_key_path(signer.fingerprint()), public_key_armored); !ok) {
    return tl::unexpected(ok.error());
  }
  if (auto ok = write_public(root + "/service.json", render_service(config, state)); !ok) {
    return tl::unexpected(ok.error());
  }
  if (auto ok = write_public(root + "/provider-metadata.json", *metadata); !ok) return tl::unexpected(ok.error());

  // 4. Files of replaced versions that moved (nothing lists them any more).
  for (const std::string& path : stale) {
    std::error_code ec;
    fs::remove(path, ec);
  }
  return report;
}

}  // namespace lotse::provider
