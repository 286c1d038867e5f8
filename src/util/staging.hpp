// Durable writes for multi-file updates: files written whole from parts
// (slices of a mapped old file copied in the kernel), with an explicit
// mode, made durable together by one filesystem sync (thousands of files
// per run: one fsync each would dominate the run) or, for a few files, an
// fdatasync each, before a journal (src/provider/journal.hpp) renames them
// into place, and directory syncs that make renames durable.
//
// Unlike write_file_atomic (file.hpp) the file is written at its final
// staging path directly: the caller owns a private staging directory, so
// no temporary name is needed and nothing is left in served folders.
//
// Stateless and thread-safe.
#pragma once

#include <sys/types.h>

#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "util/file.hpp"

namespace lotse::util {

// A file whose bytes are in memory at [data, data + size) (a mapping of it,
// mapped_file.hpp) and readable through `fd`.
struct CopySource {
  const char* data = nullptr;
  std::size_t size = 0;
  int fd = -1;
};

// Writes the concatenation of `parts` to `path` (created or truncated) and
// sets its mode to `mode` whatever the umask. A part lying inside one of
// `sources` is copied from that file by copy_file_range(), in the kernel,
// the others written with writev(). Not yet durable: call sync_files() or
// sync_filesystem() before anything refers to it.
tl::expected<void, FileError> write_file_whole(const std::string& path, const std::vector<std::string_view>& parts,
                                                mode_t mode, const std::vector<CopySource>& sources = {});

// syncfs() of the filesystem holding `path`: every file written so far
// (write_file_whole) survives a crash once this returns.
tl::expected<void, FileError> sync_filesystem(const std::string& path);

// Makes `paths` (files just written) durable: writeback of all started
// first, then an fdatasync each. Cheaper than sync_filesystem() for a few
// files on a filesystem others write to (syncfs flushes their data too).
tl::expected<void, FileError> sync_files(const std::vector<std::string>& paths);

// fsyncs the directory `path`, so that renames and unlinks in it survive a
// crash (needed before a journal that lists them is deleted).
tl::expected<void, FileError> sync_directory(const std::string& path);

}  // namespace lotse::util
