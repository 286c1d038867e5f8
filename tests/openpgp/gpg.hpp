// GnuPG as the independent judge of Lotse's OpenPGP output: a throw-away
// GNUPGHOME per test (never the user's), and the few gpg invocations the
// tests need, run in batch mode as child processes.
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace lotse::testing {

namespace fs = std::filesystem;

// A fresh directory (mode 0700), removed with everything in it at the end.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "lotse-pgp-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data()) ? pattern : "";
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

inline std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline void write_bytes(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

struct ProgramResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `argv` (found on PATH) with stdin from /dev/null, capturing output.
inline ProgramResult run_program(const std::vector<std::string>& argv, const fs::path& scratch) {
  static int counter = 0;
  const std::string tag = std::to_string(counter++);
  const std::string out_path = (scratch / ("out" + tag)).string();
  const std::string err_path = (scratch / ("err" + tag)).string();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<std::string> copy = argv;
  std::vector<char*> args;
  for (std::string& a : copy) args.push_back(a.data());
  args.push_back(nullptr);
  ProgramResult result;
  pid_t pid = 0;
  if (posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ) == 0) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  posix_spawn_file_actions_destroy(&actions);
  result.out = slurp(out_path);
  result.err = slurp(err_path);
  fs::remove(out_path);
  fs::remove(err_path);
  return result;
}

// A GNUPGHOME of its own; its gpg-agent (if one was started) is stopped at
// the end.
class Gpg {
 public:
  Gpg() { fs::create_directories(dir_ / "home"); fs::permissions(dir_ / "home", fs::perms::owner_all); }
  ~Gpg() { run_program({"gpgconf", "--homedir", home(), "--kill", "all"}, dir_.path()); }

  std::string home() const { return (dir_ / "home").string(); }

  ProgramResult run(std::vector<std::string> args) {
    args.insert(args.begin(), {"gpg", "--homedir", home(), "--batch", "--no-tty", "--status-fd", "1"});
    return run_program(args, dir_.path());
  }

  // Imports an armored or binary key.
  ProgramResult import(const std::string& key_bytes) {
    const fs::path file = dir_ / ("import" + std::to_string(files_++));
    write_bytes(file, key_bytes);
    return run({"--import", file.string()});
  }

  // `gpg --verify` of a detached signature over `document`; gpg's exit code
  // is 0 only for a good signature.
  ProgramResult verify(const std::string& document, const std::string& signature) {
    const fs::path doc = dir_ / ("doc" + std::to_string(files_));
    const fs::path sig = dir_ / ("doc" + std::to_string(files_++) + ".asc");
    write_bytes(doc, document);
    write_bytes(sig, signature);
    return run({"--verify", sig.string(), doc.string()});
  }

  // The fingerprints gpg lists for its primary keys (--with-colons).
  std::vector<std::string> primary_fingerprints() {
    ProgramResult r = run({"--with-colons", "--fingerprint"});
    std::vector<std::string> fprs;
    std::istringstream lines(r.out);
    std::string line;
    bool after_primary = false;
    while (std::getline(lines, line)) {
      if (line.rfind("pub:", 0) == 0 || line.rfind("sec:", 0) == 0) {
        after_primary = true;
      } else if (line.rfind("sub:", 0) == 0 || line.rfind("ssb:", 0) == 0) {
        after_primary = false;
      } else if (after_primary && line.rfind("fpr:", 0) == 0) {
        // fpr:::::::::FINGERPRINT:
        std::size_t start = line.find_first_not_of(':', 3);
        fprs.push_back(line.substr(start, line.find(':', start) - start));
        after_primary = false;
      }
    }
    return fprs;
  }

  // A key made by gpg itself, without passphrase: Ed25519 primary for
  // certification and an Ed25519 signing subkey, as gpg users often hold.
  // Returns the armored secret key.
  std::string generate_key_with_signing_subkey(const std::string& user_id) {
    run({"--pinentry-mode", "loopback", "--passphrase", "", "--quick-generate-key", user_id, "ed25519", "cert",
         "never"});
    std::vector<std::string> fprs = primary_fingerprints();
    if (fprs.empty()) return {};
    run({"--pinentry-mode", "loopback", "--passphrase", "", "--quick-add-key", fprs.back(), "ed25519", "sign",
         "never"});
    // To a file: standard output carries the status lines.
    const fs::path file = dir_ / ("secret" + std::to_string(files_++) + ".asc");
    run({"--pinentry-mode", "loopback", "--passphrase", "", "--armor", "--output", file.string(),
         "--export-secret-keys", fprs.back()});
    return slurp(file);
  }

  // `plaintext` encrypted by gpg to the imported key `fingerprint`
  // (ASCII-armored), as a reporter would send it.
  std::string encrypt(const std::string& plaintext, const std::string& fingerprint) {
    const fs::path in = dir_ / ("plain" + std::to_string(files_++));
    write_bytes(in, plaintext);
    const fs::path out = in.string() + ".asc";
    run({"--trust-model", "always", "--armor", "--recipient", fingerprint, "--output", out.string(), "--encrypt",
         in.string()});
    return slurp(out);
  }

  // A detached armored signature made by gpg with its (only) key.
  std::string sign(const std::string& document) {
    const fs::path doc = dir_ / ("tosign" + std::to_string(files_++));
    write_bytes(doc, document);
    run({"--pinentry-mode", "loopback", "--passphrase", "", "--armor", "--detach-sign", doc.string()});
    return slurp(doc.string() + ".asc");
  }

 private:
  TempDir dir_;
  int files_ = 0;
};

// gpg's status line "[GNUPG:] VALIDSIG <fpr> <date> <time> <expire> <ver>
// <reserved> <pubkey-algo> <hash-algo> <class> <primary-fpr>": the field
// at `index` (0 = the signing key's fingerprint), empty without VALIDSIG.
inline std::string validsig_field(const std::string& status, std::size_t index) {
  std::size_t at = status.find("[GNUPG:] VALIDSIG ");
  if (at == std::string::npos) return {};
  std::istringstream fields(status.substr(at + 18, status.find('\n', at) - at - 18));
  std::string field;
  for (std::size_t i = 0; i <= index && fields >> field; ++i) {
    if (i == index) return field;
  }
  return {};
}

}  // namespace lotse::testing
