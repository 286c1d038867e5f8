// Crash safety of a publish run: a lock, a staging directory and a
// journal, all in TREE/.lotse (private, not served).
//
//   .lotse/lock          flock()ed for the whole run: two runs on one tree
//                        cannot interleave (the second fails at once; the
//                        kernel drops the lock of a killed run).
//   .lotse/staging/      every file the run writes, whole, under a
//                        run-unique name, made durable (an fdatasync each
//                        when they are few, one syncfs when they are many)
//                        before anything served changes. Emptied at the
//                        start and the end of a run.
//   .lotse/journal.json  the steps that move the staged files into place
//                        and remove the files of replaced versions, staged
//                        and synced with the other files, then renamed
//                        here: the commit.
//
// The steps are idempotent: "rename staging/N to P" is done when
// staging/N no longer exists (each staged file is renamed once), "remove P"
// is done when P is gone, "write B at offset O of P" (an in-place edit of a
// feed, feed.hpp) writes the same bytes again, or nothing when P is gone (a
// later step removed it). So a journal can be replayed from its first step
// however far a killed run got, and the next run does that (roll_forward)
// before anything else; the journal is deleted last, after the directories
// of the renames are synced, and its deletion is synced too.
//
// Durability across a power failure: the journal is on disk before any
// step runs. A write step is preceded by a sync of the directories of the
// renames before it (an in-place write is not ordered with renames by the
// filesystem), and its file is fdatasynced before any step that is not a
// write of the same file and before the journal is deleted, so what the disk
// holds after a crash is the state after some prefix of the steps (plus,
// at worst, the one write in flight torn: redone by the next run). A
// publisher never writes a file in place and then renames over it in the
// same journal (a replay would write into the new file). The order of the steps, chosen by the
// publisher (publisher.hpp), keeps every listing consistent at every step.
//
// Thread safety: one Journal per run; the lock excludes other processes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace lotse::provider {

// An exclusive lock on a tree, held while the object lives.
class TreeLock {
 public:
  // Creates TREE/.lotse (0700) when missing and takes the lock. Errors:
  // another run holds it, or I/O.
  static tl::expected<TreeLock, std::string> acquire(const std::string& tree);
  TreeLock(TreeLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  TreeLock& operator=(TreeLock&&) = delete;
  TreeLock(const TreeLock&) = delete;
  ~TreeLock();

 private:
  explicit TreeLock(int fd) : fd_(fd) {}
  int fd_;
};

// One step; paths are relative to the tree.
struct Step {
  enum class Kind { rename, remove, write };
  Step() = default;
  Step(Kind k, std::string f, std::string t, std::uint64_t o = 0, std::string b = {})
      : kind(k), from(std::move(f)), to(std::move(t)), offset(o), bytes(std::move(b)) {}
  Kind kind = Kind::rename;
  std::string from;  // rename: the staged file ("/.lotse/staging/..." relative)
  std::string to;    // rename: the destination; remove: the file removed; write: the file written
  std::uint64_t offset = 0;  // write: where `bytes` go
  std::string bytes;         // write: what is written
};

// The steps of a run, in order.
struct Journal {
  std::vector<Step> steps;
};

// TREE/.lotse/staging: where a run stages its files.
std::string staging_dir(const std::string& tree);

// TREE/.lotse/journal.json.
std::string journal_path(const std::string& tree);

// The journal's text, and back.
std::string serialize_journal(const Journal& journal);
tl::expected<Journal, std::string> parse_journal(std::string_view text);

// Empties the staging directory (creating it 0700; one grown large is made
// new): what a run killed before its journal was written left there is
// never used. A run calls it at its start and its end (so that a large run
// leaves no large directory behind).
tl::expected<void, std::string> clear_staging(const std::string& tree);

// Makes the staged files durable and writes the journal atomically: from
// here on the run's outcome is decided, a kill only delays it.
tl::expected<void, std::string> commit_journal(const std::string& tree, const Journal& journal);

// Carries out the steps of `journal` in order (each idempotent), syncs the
// directories they changed and deletes the journal file. Directories a
// rename needs are made 0755.
tl::expected<void, std::string> apply_journal(const std::string& tree, const Journal& journal);

// Replays the journal a killed run left, if any. Returns whether there was
// one. REQUIRES: the tree's lock is held.
tl::expected<bool, std::string> roll_forward(const std::string& tree);

// mkdir -p whose new directories are 0755 whatever the umask (the web
// server must list and read them, requirement 14).
tl::expected<void, std::string> make_public_dirs(const std::string& path);

}  // namespace lotse::provider
