#include "util/file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lotse::util {

namespace {
FileError error(FileError::Kind kind, const std::string& path, const std::string& what) {
  return FileError{kind, path + ": " + what};
}
}  // namespace

tl::expected<std::string, FileError> read_file(const std::string& path, std::size_t max_bytes) {
  const bool is_stdin = path == "-";
  int fd = is_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    auto kind = errno == ENOENT ? FileError::Kind::not_found : FileError::Kind::io;
    return tl::unexpected(error(kind, path, std::strerror(errno)));
  }
  struct Closer {
    int fd;
    bool owned;
    ~Closer() {
      if (owned) ::close(fd);
    }
  } closer{fd, !is_stdin};
  struct stat st {};
  std::string data;
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      return tl::unexpected(error(FileError::Kind::is_directory, path, "is a directory"));
    }
    if (S_ISREG(st.st_mode)) {
      if (static_cast<std::size_t>(st.st_size) > max_bytes) {
        return tl::unexpected(error(FileError::Kind::too_large, path,
                                    "file of " + std::to_string(st.st_size) +
                                        " bytes exceeds the limit of " + std::to_string(max_bytes) +
                                        " bytes"));
      }
      data.reserve(static_cast<std::size_t>(st.st_size));
    }
  }
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      return tl::unexpected(error(FileError::Kind::io, path, std::strerror(errno)));
    }
    if (n == 0) break;
    if (data.size() + static_cast<std::size_t>(n) > max_bytes) {
      return tl::unexpected(error(FileError::Kind::too_large, path,
                                  "input exceeds the limit of " + std::to_string(max_bytes) +
                                      " bytes"));
    }
    data.append(buffer, static_cast<std::size_t>(n));
  }
  return data;
}

tl::expected<void, FileError> write_file_atomic(const std::string& path, std::string_view content) {
  std::string temp = path + ".tmp-XXXXXX";
  int fd = ::mkstemp(temp.data());
  if (fd < 0) return tl::unexpected(error(FileError::Kind::io, path, std::strerror(errno)));
  std::size_t written = 0;
  while (written < content.size()) {
    ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      int saved = errno;
      ::close(fd);
      ::unlink(temp.c_str());
      return tl::unexpected(error(FileError::Kind::io, path, std::strerror(saved)));
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0 || ::rename(temp.c_str(), path.c_str()) != 0) {
    int saved = errno;
    ::unlink(temp.c_str());
    return tl::unexpected(error(FileError::Kind::io, path, std::strerror(saved)));
  }
  return {};
}

}  // namespace lotse::util
