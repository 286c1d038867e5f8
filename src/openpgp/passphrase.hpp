// A passphrase that protects a secret key, and the only two places Lotse
// reads one from: an environment variable or a file. Never a command-line
// argument: those are visible to every user in `ps` and end up in shell
// histories.
//
// A Passphrase wipes its bytes when it is destroyed (best effort: the
// bytes it was built from are wiped too), is movable but not copyable (so
// no stray copy outlives it), and has no way to be printed.
// Thread safety: a Passphrase is a value; distinct objects are independent.
#pragma once

#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace lotse::openpgp {

class Passphrase {
 public:
  Passphrase() = default;
  // Takes the text and wipes what `text` kept of it.
  explicit Passphrase(std::string&& text);
  Passphrase(Passphrase&& other) noexcept;
  Passphrase& operator=(Passphrase&& other) noexcept;
  Passphrase(const Passphrase&) = delete;
  Passphrase& operator=(const Passphrase&) = delete;
  ~Passphrase();

  bool empty() const { return text_.empty(); }
  // NUL-terminated, for librnp.
  const char* c_str() const { return text_.c_str(); }
  std::string_view view() const { return text_; }

 private:
  void wipe();
  std::string text_;
};

// The value of environment variable `name`; an error when it is unset or
// empty (an empty passphrase protects nothing).
tl::expected<Passphrase, std::string> passphrase_from_env(const std::string& name);

// The first line of the file at `path` without its line ending (as
// `gpg --passphrase-file` reads it); an error when the file cannot be read
// or the line is empty.
tl::expected<Passphrase, std::string> passphrase_from_file(const std::string& path);

}  // namespace lotse::openpgp
