// A read-only view of a whole file through mmap: a run that splices an
// 80 MB listing looks at a few pages of it and copies the rest without
// reading it into a string first.
//
// The view is valid while the object lives; the file must not be truncated
// meanwhile (the publisher holds its tree's lock). The file stays open. An empty or missing file
// is an empty view.
//
// Thread safety: a value; reading the view from several threads is fine.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "util/file.hpp"

namespace lotse::util {

class MappedFile {
 public:
  // Maps `path` (at most `max_bytes`). A missing file gives an empty view
  // when `missing_is_empty`, else a not_found error.
  static tl::expected<MappedFile, FileError> open(const std::string& path, std::size_t max_bytes,
                                                  bool missing_is_empty);
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view view() const { return {data_, size_}; }
  // The open file (-1 for an empty view): copy_file_range() copies slices
  // of the view without them passing through user space.
  int fd() const { return fd_; }

 private:
  MappedFile(const char* data, std::size_t size, int fd) : data_(data), size_(size), fd_(fd) {}
  void release();
  const char* data_ = nullptr;
  std::size_t size_ = 0;
  int fd_ = -1;
};

}  // namespace lotse::util
