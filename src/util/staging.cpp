#include "util/staging.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace lotse::util {

namespace {

FileError io_error(const std::string& path) { return FileError{FileError::Kind::io, path + ": " + std::strerror(errno)}; }

// Writes `parts` in order with writev, up to 1,024 parts a call (a spliced
// listing is many small new lines between large slices of the old one).
bool write_all(int fd, const std::vector<std::string_view>& parts) {
  std::vector<iovec> iov;
  for (std::size_t next = 0; next < parts.size() || !iov.empty();) {
    while (iov.size() < 1024 && next < parts.size()) {
      const std::string_view p = parts[next++];
      if (!p.empty()) iov.push_back({const_cast<char*>(p.data()), p.size()});
    }
    if (iov.empty()) break;
    const ssize_t n = ::writev(fd, iov.data(), static_cast<int>(iov.size()));
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    // Drop what was written; a short write leaves a partial iovec first.
    auto left = static_cast<std::size_t>(n);
    std::size_t done = 0;
    while (done < iov.size() && left >= iov[done].iov_len) left -= iov[done++].iov_len;
    iov.erase(iov.begin(), iov.begin() + static_cast<std::ptrdiff_t>(done));
    if (left > 0) {
      iov.front().iov_base = static_cast<char*>(iov.front().iov_base) + left;
      iov.front().iov_len -= left;
    }
  }
  return true;
}

// Copies `part`, which lies inside `source`, to `fd` at its offset; falls
// back to writing from the mapping where the kernel cannot copy.
bool copy_from(int fd, const CopySource& source, std::string_view part) {
  auto from = static_cast<loff_t>(part.data() - source.data);
  std::size_t left = part.size();
  while (left > 0) {
    const ssize_t n = ::copy_file_range(source.fd, &from, fd, nullptr, left, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return write_all(fd, {part.substr(part.size() - left)});
    left -= static_cast<std::size_t>(n);
  }
  return true;
}

const CopySource* source_of(const std::vector<CopySource>& sources, std::string_view part) {
  for (const CopySource& s : sources) {
    if (s.fd >= 0 && !part.empty() && part.data() >= s.data && part.data() + part.size() <= s.data + s.size) return &s;
  }
  return nullptr;
}

}  // namespace

tl::expected<void, FileError> write_file_whole(const std::string& path, const std::vector<std::string_view>& parts,
                                                mode_t mode, const std::vector<CopySource>& sources) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) return tl::unexpected(io_error(path));
  bool ok = ::fchmod(fd, mode) == 0;
  std::vector<std::string_view> pending;  // written together, before the next copied part
  for (std::size_t i = 0; ok && i <= parts.size(); ++i) {
    const CopySource* source = i < parts.size() ? source_of(sources, parts[i]) : nullptr;
    if (i < parts.size() && !source) {
      pending.push_back(parts[i]);
      continue;
    }
    ok = write_all(fd, pending);
    pending.clear();
    if (ok && source) ok = copy_from(fd, *source, parts[i]);
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

tl::expected<void, FileError> sync_files(const std::vector<std::string>& paths) {
  std::vector<int> fds;
  tl::expected<void, FileError> result;
  for (const std::string& path : paths) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      result = tl::unexpected(io_error(path));
      break;
    }
    fds.push_back(fd);
    ::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);  // a hint: errors show in fdatasync
  }
  for (std::size_t i = 0; i < fds.size(); ++i) {
    if (result && ::fdatasync(fds[i]) != 0) result = tl::unexpected(io_error(paths[i]));
    ::close(fds[i]);
  }
  return result;
}

tl::expected<void, FileError> sync_directory(const std::string& path) {
  return sync_directory_with(path, &::fsync);
}

}  // namespace lotse::util
