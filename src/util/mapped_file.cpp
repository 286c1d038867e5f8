#include "util/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace lotse::util {

namespace {

FileError error_for(const std::string& path) {
  const FileError::Kind kind = errno == ENOENT ? FileError::Kind::not_found : FileError::Kind::io;
  return FileError{kind, path + ": " + std::strerror(errno)};
}

}  // namespace

tl::expected<MappedFile, FileError> MappedFile::open(const std::string& path, std::size_t max_bytes,
                                                     bool missing_is_empty) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT && missing_is_empty) return MappedFile(nullptr, 0, -1);
    return tl::unexpected(error_for(path));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    FileError e = error_for(path);
    ::close(fd);
    return tl::unexpected(std::move(e));
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return tl::unexpected(FileError{FileError::Kind::is_directory, path + ": is a directory"});
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size > max_bytes) {
    ::close(fd);
    return tl::unexpected(FileError{FileError::Kind::too_large, path + ": larger than " + std::to_string(max_bytes) +
                                                                    " bytes"});
  }
  if (size == 0) {
    ::close(fd);
    return MappedFile(nullptr, 0, -1);
  }
  void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (data == MAP_FAILED) {
    FileError e = error_for(path);
    ::close(fd);
    return tl::unexpected(std::move(e));
  }
  return MappedFile(static_cast<const char*>(data), size, fd);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      fd_(std::exchange(other.fd_, -1)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    release();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

MappedFile::~MappedFile() { release(); }

void MappedFile::release() {
  if (data_) ::munmap(const_cast<char*>(data_), size_);
  if (fd_ >= 0) ::close(fd_);
  data_ = nullptr;
  size_ = 0;
  fd_ = -1;
}

}  // namespace lotse::util
