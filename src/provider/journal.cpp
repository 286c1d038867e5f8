#include "provider/journal.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <set>

#include "json/parser.hpp"
#include "json/writer.hpp"
#include "provider/state.hpp"
#include "util/file.hpp"
#include "util/staging.hpp"

namespace lotse::provider {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxJournal = std::size_t{1} << 30;
constexpr std::size_t kFewFiles = 64;
constexpr off_t kLargeDirectory = 64 * 1024;  // bytes of directory: some 2,000 entries

std::string sys_error(const std::string& what) { return what + ": " + std::strerror(errno); }

tl::expected<void, std::string> make_private_dir(const std::string& path) {
  if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) return tl::unexpected(sys_error(path));
  return {};
}

std::string parent_of(const std::string& path) { return path.substr(0, path.rfind('/')); }

// fdatasyncs and closes `fd` (the file written in place), if open.
tl::expected<void, std::string> sync_written(int& fd, const std::string& path) {
  if (fd < 0) return {};
  const bool ok = ::fdatasync(fd) == 0;
  const std::string error = ok ? std::string() : sys_error(path);
  ::close(fd);
  fd = -1;
  if (!ok) return tl::unexpected(error);
  return {};
}

// A write step's offset: decimal digits, at most 2^62.
bool parse_offset(std::string_view text, std::uint64_t& out) {
  if (text.empty() || text.size() > 18) return false;
  const char* end = text.data() + text.size();
  const auto parsed = std::from_chars(text.data(), end, out);  // digits only: no sign, space or base prefix
  return parsed.ec == std::errc() && parsed.ptr == end;
}

// Writes `bytes` at `offset` of `path`; a missing file is left missing (a
// later step of the journal removed it). `fd` is the file's descriptor when
// the step before wrote it too (-1: none), kept open for the next step and
// the fdatasync (sync_written) that follows the last write of a run.
tl::expected<void, std::string> write_in_place(const std::string& path, std::uint64_t offset, std::string_view bytes,
                                               int& fd, std::string& fd_path) {
  if (fd >= 0 && fd_path != path) {
    if (auto ok = sync_written(fd, fd_path); !ok) return ok;
  }
  if (fd < 0) {
    fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
      if (errno == ENOENT) return {};
      return tl::unexpected(sys_error(path));
    }
    fd_path = path;
  }
  bool ok = true;
  while (ok && !bytes.empty()) {
    const ssize_t n = ::pwrite(fd, bytes.data(), bytes.size(), static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) {
      bytes.remove_prefix(static_cast<std::size_t>(n));
      offset += static_cast<std::uint64_t>(n);
    }
  }
  if (!ok) {
    const std::string error = sys_error(path);
    ::close(fd);
    fd = -1;
    return tl::unexpected(error);
  }
  return {};
}

// fsyncs each directory in `dirs` that still exists, then forgets them.
tl::expected<void, std::string> sync_directories(std::set<std::string>& dirs) {
  for (const std::string& dir : dirs) {
    if (auto ok = util::sync_directory(dir); !ok && ok.error().kind != util::FileError::Kind::not_found) {
      // A directory that is gone (nothing was renamed into it) needs no sync.
      struct stat st {};
      if (::stat(dir.c_str(), &st) == 0) return tl::unexpected(ok.error().message);
    }
  }
  dirs.clear();
  return {};
}

}  // namespace

tl::expected<TreeLock, std::string> TreeLock::acquire(const std::string& tree) {
  if (auto ok = make_public_dirs(tree); !ok) return tl::unexpected(ok.error());
  if (auto ok = make_private_dir(private_dir(tree)); !ok) return tl::unexpected(ok.error());
  const std::string path = private_dir(tree) + "/lock";
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return tl::unexpected(sys_error(path));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const bool busy = errno == EWOULDBLOCK;
    std::string message = busy ? "another lotse publish is running on " + tree : sys_error(path);
    ::close(fd);
    return tl::unexpected(std::move(message));
  }
  return TreeLock(fd);
}

TreeLock::~TreeLock() {
  if (fd_ >= 0) ::close(fd_);
}

std::string staging_dir(const std::string& tree) { return private_dir(tree) + "/staging"; }

std::string journal_path(const std::string& tree) { return private_dir(tree) + "/journal.json"; }

std::string serialize_journal(const Journal& journal) {
  std::string out = "{\"format\":1,\"steps\":[";
  for (std::size_t i = 0; i < journal.steps.size(); ++i) {
    const Step& s = journal.steps[i];
    out += i ? ",\n[" : "\n[";
    if (s.kind == Step::Kind::rename) {
      out += "\"rename\",";
      json::write_string(out, s.from);
      out += ',';
    } else if (s.kind == Step::Kind::remove) {
      out += "\"remove\",";
    } else {
      out += "\"write\",";
    }
    json::write_string(out, s.to);
    if (s.kind == Step::Kind::write) {
      out += ',' + std::to_string(s.offset) + ',';
      json::write_string(out, s.bytes);
    }
    out += ']';
  }
  out += "]}\n";
  return out;
}

tl::expected<Journal, std::string> parse_journal(std::string_view text) {
  json::ParseLimits limits;
  limits.max_size = kMaxJournal;
  auto doc = json::parse(text, limits);
  if (!doc) return tl::unexpected(doc.error().describe());
  const json::Value* format = doc->root().find("format");
  const json::Value* steps = doc->root().find("steps");
  if (!format || !format->is_number() || format->text() != "1" || !steps || !steps->is_array()) {
    return tl::unexpected(std::string("not a Lotse publish journal (format 1)"));
  }
  Journal journal;
  for (const json::Value& item : steps->items()) {
    auto string_at = [&](std::size_t i) -> const json::Value* {
      if (!item.is_array() || item.items().size() <= i || !item.items()[i].is_string()) return nullptr;
      return &item.items()[i];
    };
    const json::Value* kind = string_at(0);
    Step step;
    if (kind && kind->as_string() == "rename" && string_at(1) && string_at(2) && item.items().size() == 3) {
      step.from = std::string(string_at(1)->as_string());
      step.to = std::string(string_at(2)->as_string());
    } else if (kind && kind->as_string() == "remove" && string_at(1) && item.items().size() == 2) {
      step.kind = Step::Kind::remove;
      step.to = std::string(string_at(1)->as_string());
    } else if (kind && kind->as_string() == "write" && string_at(1) && item.items().size() == 4 &&
               item.items()[2].is_number() && parse_offset(item.items()[2].text(), step.offset) && string_at(3)) {
      step.kind = Step::Kind::write;
      step.to = std::string(string_at(1)->as_string());
      step.bytes = std::string(string_at(3)->as_string());
    } else {
      return tl::unexpected(
          std::string("a step is not [\"rename\",from,to], [\"remove\",path] or [\"write\",path,offset,bytes]"));
    }
    // Paths stay inside the tree.
    for (const std::string* p : {&step.from, &step.to}) {
      if (p->find("..") != std::string::npos || (!p->empty() && p->front() == '/')) {
        return tl::unexpected("a step names the path \"" + *p + "\" outside the tree");
      }
    }
    journal.steps.push_back(std::move(step));
  }
  return journal;
}

tl::expected<void, std::string> clear_staging(const std::string& tree) {
  const std::string dir = staging_dir(tree);
  std::error_code ec;
  // A directory keeps the size of its largest listing: reading one that
  // held the 400,000 files of a first publication costs every later run
  // ~60 ms, so a large one is removed and made again.
  struct stat st {};
  if (::stat(dir.c_str(), &st) == 0 && st.st_size > kLargeDirectory) {
    fs::remove_all(dir, ec);
    if (ec) return tl::unexpected(dir + ": " + ec.message());
  }
  if (auto ok = make_private_dir(dir); !ok) return ok;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    fs::remove_all(it->path(), ec);
    if (ec) break;
  }
  if (ec) return tl::unexpected(dir + ": " + ec.message());
  return {};
}

tl::expected<void, std::string> commit_journal(const std::string& tree, const Journal& journal) {
  // The journal is written into staging too and synced with the staged
  // files; renaming it to .lotse/journal.json commits it.
  const std::string staged_journal = staging_dir(tree) + "/journal.json";
  if (auto ok = util::write_file_whole(staged_journal, {serialize_journal(journal)}, 0600); !ok) {
    return tl::unexpected(ok.error().message);
  }
  // A few staged files (adding an advisory stages about ten): each synced,
  // so the run does not wait for what other programs wrote to the
  // filesystem. Thousands (a first publication): one syncfs.
  std::vector<std::string> staged = {staged_journal};
  for (const Step& step : journal.steps) {
    if (step.kind == Step::Kind::rename) staged.push_back(tree + "/" + step.from);
  }
  if (staged.size() <= kFewFiles) {
    if (auto ok = util::sync_files(staged); !ok) return tl::unexpected(ok.error().message);
    if (auto ok = util::sync_directory(staging_dir(tree)); !ok) return tl::unexpected(ok.error().message);
  } else if (auto ok = util::sync_filesystem(staging_dir(tree)); !ok) {
    return tl::unexpected(ok.error().message);
  }
  if (::rename(staged_journal.c_str(), journal_path(tree).c_str()) != 0) {
    return tl::unexpected(sys_error(staged_journal + " -> " + journal_path(tree)));
  }
  if (auto ok = util::sync_directory(private_dir(tree)); !ok) return tl::unexpected(ok.error().message);
  return {};
}

tl::expected<void, std::string> apply_journal(const std::string& tree, const Journal& journal) {
  std::set<std::string> changed_dirs;
  int written = -1;  // the file of the write steps just done, synced before any other step
  std::string written_path;
  auto steps = [&]() -> tl::expected<void, std::string> {
    for (const Step& step : journal.steps) {
      const std::string to = tree + "/" + step.to;
      if (step.kind == Step::Kind::write) {
        // The renames before it reach the disk first.
        if (auto ok = sync_directories(changed_dirs); !ok) return ok;
        if (auto ok = write_in_place(to, step.offset, step.bytes, written, written_path); !ok) return ok;
        continue;
      }
      if (auto ok = sync_written(written, written_path); !ok) return ok;
      if (step.kind == Step::Kind::remove) {
        if (::unlink(to.c_str()) != 0 && errno != ENOENT) return tl::unexpected(sys_error(to));
        changed_dirs.insert(parent_of(to));
        continue;
      }
      const std::string from = tree + "/" + step.from;
      if (::rename(from.c_str(), to.c_str()) != 0) {
        if (errno != ENOENT) return tl::unexpected(sys_error(from + " -> " + to));
        struct stat st {};
        if (::lstat(from.c_str(), &st) != 0) continue;  // renamed before the kill
        if (auto ok = make_public_dirs(parent_of(to)); !ok) return ok;
        if (::rename(from.c_str(), to.c_str()) != 0) return tl::unexpected(sys_error(from + " -> " + to));
      }
      changed_dirs.insert(parent_of(to));
    }
    return sync_written(written, written_path);
  };
  auto done = steps();
  if (written >= 0) ::close(written);
  if (!done) return done;
  if (auto ok = sync_directories(changed_dirs); !ok) return ok;
  if (::unlink(journal_path(tree).c_str()) != 0 && errno != ENOENT) {
    return tl::unexpected(sys_error(journal_path(tree)));
  }
  // Synced: a journal that came back after a crash would rename files the
  // next run staged under the same names.
  if (auto ok = util::sync_directory(private_dir(tree)); !ok) return tl::unexpected(ok.error().message);
  return {};
}

tl::expected<bool, std::string> roll_forward(const std::string& tree) {
  auto text = util::read_file(journal_path(tree), kMaxJournal);
  if (!text) {
    if (text.error().kind == util::FileError::Kind::not_found) return false;
    return tl::unexpected(text.error().message);
  }
  auto journal = parse_journal(*text);
  if (!journal) return tl::unexpected(journal_path(tree) + ": " + journal.error());
  if (auto ok = apply_journal(tree, *journal); !ok) return tl::unexpected(ok.error());
  return true;
}

tl::expected<void, std::string> make_public_dirs(const std::string& path) {
  for (std::size_t at = path.find('/', 1);; at = path.find('/', at + 1)) {
    const std::string prefix = path.substr(0, at);
    if (!prefix.empty() && ::mkdir(prefix.c_str(), 0755) == 0) {
      if (::chmod(prefix.c_str(), 0755) != 0) return tl::unexpected(sys_error(prefix));
    } else if (!prefix.empty() && errno != EEXIST) {
      return tl::unexpected(sys_error(prefix));
    }
    if (at == std::string::npos) return {};
  }
}

}  // namespace lotse::provider
