// `lotse keys`: the provider's OpenPGP signing key, kept in a keyring
// directory (openpgp/keyring.hpp: secret.asc 0600, public.asc):
//   generate  a new key (Ed25519 by default, or RSA-4096)
//   import    an existing key, public or secret, ASCII-armored or binary
//   export    the public key, ASCII-armored (what a provider publishes)
//   show      fingerprint, user id, algorithm, creation
// Passphrases come from an environment variable or a file, never from the
// command line (visible in `ps` and shell histories).
// Exit code: 0 done, 1 the operation failed (bad key file, stored key in the
// way), 2 usage or I/O error.
#include <ctime>
#include <iostream>
#include <memory>

#include <sys/stat.h>

#include "cli/command.hpp"
#include "openpgp/key.hpp"
#include "openpgp/keyring.hpp"
#include "openpgp/passphrase.hpp"
#include "util/file.hpp"

namespace lotse::cli {

namespace {

struct KeysArgs {
  std::string keyring = "keys";
  // generate
  std::string name;
  std::string email;
  std::string algorithm = "ed25519";
  std::string passphrase_env;
  std::string passphrase_file;
  bool no_passphrase = false;
  unsigned expire_days = 0;
  bool encryption_subkey = false;
  bool force = false;
  // import
  std::string file;
  // export
  std::string output;
};

constexpr std::size_t kMaxImport = 1u << 20;

int fail(int code, const std::string& message) {
  std::cerr << "lotse keys: " << message << "\n";
  return code;
}

std::string utc(std::int64_t seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

void print_info(const openpgp::KeyInfo& info) {
  std::cout << "fingerprint: " << info.fingerprint << "\n"
            << "user id:     " << info.user_id << "\n"
            << "algorithm:   " << info.algorithm << "\n"
            << "created:     " << utc(info.created) << "\n"
            << "expires:     " << (info.expires ? utc(info.expires) : "never") << "\n"
            << "secret key:  "
            << (!info.has_secret ? "absent (public key only)"
                : info.is_protected ? "present, protected by a passphrase"
                                    : "present, not protected")
            << "\n";
  if (!info.can_sign) std::cout << "warning:     no valid key for signing (expired, revoked or encryption only)\n";
}

int run_generate(const KeysArgs& args) {
  auto algorithm = openpgp::parse_key_algorithm(args.algorithm);
  if (!algorithm) return fail(2, algorithm.error());
  const int sources = !args.passphrase_env.empty() + !args.passphrase_file.empty() + args.no_passphrase;
  if (sources != 1) {
    return fail(2, "give exactly one of --passphrase-env VAR, --passphrase-file FILE, --no-passphrase");
  }
  openpgp::Passphrase passphrase;
  if (!args.no_passphrase) {
    auto read = args.passphrase_env.empty() ? openpgp::passphrase_from_file(args.passphrase_file)
                                            : openpgp::passphrase_from_env(args.passphrase_env);
    if (!read) return fail(2, read.error());
    passphrase = std::move(*read);
  }
  openpgp::GenerateOptions options;
  options.name = args.name;
  options.email = args.email;
  options.algorithm = *algorithm;
  options.expiration_seconds = args.expire_days * 86400u;
  options.encryption_subkey = args.encryption_subkey;
  auto key = openpgp::Key::generate(options);
  if (!key) return fail(1, key.error());
  if (!passphrase.empty()) {
    if (auto ok = key->protect(passphrase); !ok) return fail(1, ok.error());
  }
  if (auto ok = openpgp::save_key(args.keyring, *key, args.force); !ok) return fail(1, ok.error());
  print_info(key->info());
  return 0;
}

int run_import(const KeysArgs& args) {
  auto bytes = util::read_file(args.file, kMaxImport);
  if (!bytes) return fail(2, bytes.error().message);
  auto key = openpgp::Key::import(*bytes);
  if (!key) return fail(1, args.file + ": " + key.error());
  if (auto ok = openpgp::save_key(args.keyring, *key, args.force); !ok) return fail(1, ok.error());
  print_info(key->info());
  return 0;
}

int run_export(const KeysArgs& args) {
  auto key = openpgp::load_key(args.keyring);
  if (!key) return fail(1, key.error());
  auto armored = key->export_public_armored();
  if (!armored) return fail(1, armored.error());
  if (args.output.empty() || args.output == "-") {
    std::cout << *armored;
    return std::cout.flush() ? 0 : fail(2, "cannot write to standard output");
  }
  if (auto ok = util::write_file_atomic(args.output, *armored); !ok) return fail(2, ok.error().message);
  // A public key is meant to be read: not the 0600 of a fresh temp file.
  ::chmod(args.output.c_str(), 0644);
  return 0;
}

int run_show(const KeysArgs& args) {
  auto key = openpgp::load_key(args.keyring);
  if (!key) return fail(1, key.error());
  print_info(key->info());
  return 0;
}

void add_keyring(CLI::App& app, KeysArgs& args) {
  app.add_option("--keyring", args.keyring,
                 "Key store directory: secret.asc (mode 0600) and public.asc")
      ->capture_default_str();
}

}  // namespace

Action configure_keys(CLI::App& app) {
  auto args = std::make_shared<KeysArgs>();
  app.require_subcommand(1, 1);

  CLI::App* generate = app.add_subcommand("generate", "Generate a signing key into the keyring");
  generate->add_option("--name", args->name, "Name of the user id \"Name <email>\"")->required();
  generate->add_option("--email", args->email, "Email address of the user id")->required();
  generate->add_option("--algorithm", args->algorithm, "Key algorithm")
      ->check(CLI::IsMember({"ed25519", "rsa4096"}))
      ->capture_default_str();
  generate->add_option("--expire-days", args->expire_days, "Days until the key expires (0: never)")
      ->check(CLI::Range(0u, 36500u))  // OpenPGP stores seconds in 32 bits
      ->capture_default_str();
  auto* env = generate->add_option("--passphrase-env", args->passphrase_env,
                                   "Protect the key with the passphrase in this environment variable");
  auto* file = generate->add_option("--passphrase-file", args->passphrase_file,
                                    "Protect the key with the first line of this file");
  auto* none = generate->add_flag("--no-passphrase", args->no_passphrase,
                                  "Store the secret key unprotected (file mode 0600 only)");
  env->excludes(file)->excludes(none);
  file->excludes(none);
  generate->add_flag("--encryption-subkey", args->encryption_subkey,
                     "Also an encryption subkey (for a report intake key: `lotse serve --intake-keyring`)");
  generate->add_flag("--force", args->force, "Replace a key already in the keyring");
  add_keyring(*generate, *args);

  CLI::App* import = app.add_subcommand("import", "Import a key (public or secret, armored or binary)");
  import->add_option("file", args->file, "Key file, or - for standard input")->required();
  import->add_flag("--force", args->force, "Replace a key already in the keyring");
  add_keyring(*import, *args);

  CLI::App* exporter = app.add_subcommand("export", "Print the public key, ASCII-armored");
  exporter->add_option("--output,-o", args->output, "Write to this file instead of standard output");
  add_keyring(*exporter, *args);

  CLI::App* show = app.add_subcommand("show", "Show the key: fingerprint, user id, algorithm, created");
  add_keyring(*show, *args);

  return [args, generate, import, exporter, show]() -> int {
    if (generate->parsed()) return run_generate(*args);
    if (import->parsed()) return run_import(*args);
    if (exporter->parsed()) return run_export(*args);
    if (show->parsed()) return run_show(*args);
    return 2;
  };
}

}  // namespace lotse::cli
