#include "openpgp/keyring.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string.h>  // explicit_bzero

#include <sys/stat.h>

#include "util/file.hpp"

namespace lotse::openpgp {

namespace fs = std::filesystem;

namespace {

// Key files are small; a cap keeps a wrong path (a disk image) from being
// read whole.
constexpr std::size_t kMaxKeyFile = 1u << 20;

tl::expected<void, std::string> make_directory(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_directory(dir, ec)) return {};
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    // A missing parent: create the parents the usual way, the leaf 0700.
    if (errno != ENOENT) return tl::unexpected(dir.string() + ": " + std::strerror(errno));
    fs::create_directories(dir.parent_path(), ec);
    if (ec) return tl::unexpected(dir.parent_path().string() + ": " + ec.message());
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
      return tl::unexpected(dir.string() + ": " + std::strerror(errno));
    }
  }
  return {};
}

tl::expected<void, std::string> write(const fs::path& path, std::string_view content, mode_t mode) {
  // write_file_atomic creates its temporary file with mkstemp: mode 0600
  // until the chmod below, so a secret is never exposed.
  if (auto ok = util::write_file_atomic(path.string(), content); !ok) return tl::unexpected(ok.error().message);
  if (::chmod(path.c_str(), mode) != 0) return tl::unexpected(path.string() + ": " + std::strerror(errno));
  return {};
}

tl::expected<Key, std::string> load(const fs::path& path) {
  auto text = util::read_file(path.string(), kMaxKeyFile);
  if (!text) return tl::unexpected(text.error().message);
  auto key = Key::import(*text);
  if (!text->empty()) explicit_bzero(text->data(), text->size());
  if (!key) return tl::unexpected(path.string() + ": " + key.error());
  return key;
}

}  // namespace

tl::expected<void, std::string> save_key(const std::string& dir, const Key& key, bool overwrite) {
  const fs::path secret = fs::path(dir) / kSecretKeyFile;
  const fs::path pub = fs::path(dir) / kPublicKeyFile;
  std::error_code ec;
  if (!overwrite) {
    for (const fs::path& existing : {secret, pub}) {
      if (fs::exists(existing, ec)) {
        return tl::unexpected(existing.string() + " exists; refusing to replace a stored key (--force replaces it)");
      }
    }
  }
  if (auto ok = make_directory(dir); !ok) return ok;
  auto public_armored = key.export_public_armored();
  if (!public_armored) return tl::unexpected(public_armored.error());
  if (key.has_secret()) {
    auto secret_armored = key.export_secret_armored();
    if (!secret_armored) return tl::unexpected(secret_armored.error());
    auto ok = write(secret, *secret_armored, 0600);
    explicit_bzero(secret_armored->data(), secret_armored->size());
    if (!ok) return ok;
  } else if (fs::exists(secret, ec)) {
    if (!fs::remove(secret, ec) || ec) return tl::unexpected(secret.string() + ": " + ec.message());
  }
  return write(pub, *public_armored, 0644);
}

tl::expected<Key, std::string> load_secret_key(const std::string& dir) {
  const fs::path secret = fs::path(dir) / kSecretKeyFile;
  std::error_code ec;
  if (!fs::exists(secret, ec)) {
    return tl::unexpected("no secret key in " + dir + " (make one with `lotse keys generate` or `lotse keys import`)");
  }
  return load(secret);
}

tl::expected<Key, std::string> load_key(const std::string& dir) {
  const fs::path secret = fs::path(dir) / kSecretKeyFile;
  const fs::path pub = fs::path(dir) / kPublicKeyFile;
  std::error_code ec;
  if (fs::exists(secret, ec)) return load(secret);
  if (fs::exists(pub, ec)) return load(pub);
  return tl::unexpected("no key in " + dir + " (make one with `lotse keys generate` or `lotse keys import`)");
}

}  // namespace lotse::openpgp
