#include "util/staging.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace lotse::util {

namespace {

FileError io_error(const std::string& path) { return FileError{FileError::Kind::io, path + ": " + std::strerror(errno)}; }

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

tl::expected<void, FileError> write_file_whole(const std::string& path, const std::vector<std::string_view>& parts,
                                                mode_t mode) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) return tl::unexpected(io_error(path));
  bool ok = ::fchmod(fd, mode) == 0;
  for (std::string_view part : parts) {
    if (!ok) break;
    ok = write_all(fd, part);
  }
  const int saved = errno;
  if (::close(fd) != 0 && ok) return tl::unexpected(io_error(path));
  if (!ok) {
    errno = saved;
    return tl::unexpected(io_error(path));
  }
  return {};
}

namespace {

// Opens the directory `path` and applies `sync` (syncfs or fsync) to it.
tl::expected<void, FileError> sync_directory_with(const std::string& path, int (*sync)(int)) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return tl::unexpected(io_error(path));
  const bool ok = sync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  if (!ok) {
    errno = saved;
    return tl::unexpected(io_error(path));
  }
  return {};
}

}  // namespace

tl::expected<void, FileError> sync_filesystem(const std::string& path) {
  return sync_directory_with(path, &::syncfs);
}

tl::expected<void, FileError> sync_directory(const std::string& path) {
  return sync_directory_with(path, &::fsync);
}

}  // namespace lotse::util
