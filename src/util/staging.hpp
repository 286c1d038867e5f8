// Durable writes for multi-file updates: a file written whole from parts,
// with an explicit mode, and synced before it is renamed into place by a
// journal (src/provider/journal.hpp), and directory syncs that make renames
// durable.
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

// Writes the concatenation of `parts` to `path` (created or truncated), sets
// its mode to `mode` whatever the umask, and fsyncs it: once this returns,
// the content survives a crash and may be renamed into place.
tl::expected<void, FileError> write_file_synced(const std::string& path, const std::vector<std::string_view>& parts,
                                                mode_t mode);

// fsyncs the directory `path`, so that renames and unlinks in it survive a
// crash (needed before a journal that lists them is deleted).
tl::expected<void, FileError> sync_directory(const std::string& path);

}  // namespace lotse::util
