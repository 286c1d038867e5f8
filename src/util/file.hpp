// Reading whole files and streams with a size cap, and writing files
// atomically.
//
// Inputs come from strangers: a read never allocates more than the cap
// (plus one byte to detect "too large") however big the file or stream is.
// Writes go to a temporary file in the same directory and are renamed into
// place, so a crash leaves either the old or the new content, never half.
// Stateless and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace lotse::util {

struct FileError {
  enum class Kind { not_found, io, too_large, is_directory };
  Kind kind = Kind::io;
  std::string message;  // names the file and the cause
};

// Reads `path` ("-" for standard input) completely, refusing more than
// `max_bytes` with a too_large error (checked before reading when the size
// is known, and while reading otherwise).
tl::expected<std::string, FileError> read_file(const std::string& path, std::size_t max_bytes);

// Replaces `path` with `content` atomically (temp file, fsync, rename).
tl::expected<void, FileError> write_file_atomic(const std::string& path, std::string_view content);

}  // namespace lotse::util
