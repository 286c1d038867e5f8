#include "openpgp/passphrase.hpp"

#include <cstdlib>
#include <cstring>
#include <string.h>  // explicit_bzero

#include "util/file.hpp"

namespace lotse::openpgp {

namespace {

// Zeroes every byte `s` may hold, its whole capacity (a moved-from or
// shrunk string keeps bytes beyond its size), with a store the compiler may
// not drop as dead although the string dies right after.
void wipe_string(std::string& s) {
  s.resize(s.capacity());
  if (!s.empty()) explicit_bzero(s.data(), s.size());
  s.clear();
}

}  // namespace

Passphrase::Passphrase(std::string&& text) : text_(std::move(text)) { wipe_string(text); }

Passphrase::Passphrase(Passphrase&& other) noexcept : text_(std::move(other.text_)) { other.wipe(); }

Passphrase& Passphrase::operator=(Passphrase&& other) noexcept {
  if (this != &other) {
    wipe();
    text_ = std::move(other.text_);
    other.wipe();
  }
  return *this;
}

Passphrase::~Passphrase() { wipe(); }

void Passphrase::wipe() { wipe_string(text_); }

tl::expected<Passphrase, std::string> passphrase_from_env(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  if (value == nullptr) return tl::unexpected("environment variable " + name + " is not set");
  if (*value == '\0') return tl::unexpected("environment variable " + name + " is empty");
  return Passphrase(std::string(value));
}

tl::expected<Passphrase, std::string> passphrase_from_file(const std::string& path) {
  // A passphrase file is a line, not a document: 64 KiB is generous.
  auto text = util::read_file(path, 64u << 10);
  if (!text) return tl::unexpected("cannot read passphrase file " + text.error().message);
  std::string line = std::move(*text);
  wipe_string(*text);
  std::size_t end = line.find('\n');
  if (end != std::string::npos && end > 0 && line[end - 1] == '\r') --end;
  // Bytes after the first line stay in the capacity, which Passphrase wipes.
  if (end != std::string::npos) line.resize(end);
  Passphrase passphrase(std::move(line));
  if (passphrase.empty()) return tl::unexpected("passphrase file " + path + " has an empty first line");
  return passphrase;
}

}  // namespace lotse::openpgp
