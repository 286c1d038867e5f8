// `lotse publish`: writes the static CSAF provider tree a web server serves
// (src/provider/publisher.hpp describes the tree) from a provider
// configuration (src/provider/config.hpp documents its format), the signing
// key in a keyring directory (`lotse keys generate`) and advisories (files,
// or directories searched recursively for *.json).
//
// Only documents passing the basic preset are published; if any input is
// refused, its findings are printed and nothing is written. On success it
// prints each published URL and the security.txt line (requirement 8).
// Exit code: 0 published, 1 an input was refused, 2 usage, key, config or
// I/O error.
//
// A run killed at any moment leaves a consistent tree that the next run
// completes (src/provider/journal.hpp); a second run on the same tree while
// one is running fails with exit code 2. Not done yet (see the issue):
// `lotse check`, serving.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "openpgp/keyring.hpp"
#include "openpgp/passphrase.hpp"
#include "openpgp/signer.hpp"
#include "provider/config.hpp"
#include "provider/metadata.hpp"
#include "provider/publisher.hpp"
#include "util/file.hpp"

namespace lotse::cli {

namespace {

namespace fs = std::filesystem;

struct PublishArgs {
  std::string config;
  std::string keyring = "keys";
  std::string passphrase_env;
  std::string passphrase_file;
  std::string out;
  std::vector<std::string> inputs;
};

constexpr std::size_t kMaxDocument = 64u << 20;

int fail(int code, const std::string& message) {
  std::cerr << "lotse publish: " << message << "\n";
  return code;
}

// The files to publish: each file as given, each directory's *.json files
// recursively, in name order (so a run is reproducible).
tl::expected<std::vector<std::string>, std::string> expand_inputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (!fs::is_directory(input, ec)) {
      files.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(input, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (it->is_regular_file(ec) && it->path().extension() == ".json") found.push_back(it->path().string());
    }
    if (ec) return tl::unexpected(input + ": " + ec.message());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

int run_publish(const PublishArgs& args) {
  auto config = provider::load_config(args.config);
  if (!config) return fail(2, config.error());
  if (!args.passphrase_env.empty() && !args.passphrase_file.empty()) {
    return fail(2, "give at most one of --passphrase-env and --passphrase-file");
  }
  openpgp::Passphrase passphrase;
  if (!args.passphrase_env.empty() || !args.passphrase_file.empty()) {
    auto read = args.passphrase_env.empty() ? openpgp::passphrase_from_file(args.passphrase_file)
                                            : openpgp::passphrase_from_env(args.passphrase_env);
    if (!read) return fail(2, read.error());
    passphrase = std::move(*read);
  }
  auto key = openpgp::load_secret_key(args.keyring);
  if (!key) return fail(2, key.error());
  auto public_key = key->export_public_armored();
  if (!public_key) return fail(2, public_key.error());
  auto signer = openpgp::Signer::create(*key, passphrase);
  if (!signer) return fail(2, signer.error());

  auto files = expand_inputs(args.inputs);
  if (!files) return fail(2, files.error());
  if (files->empty()) return fail(2, "no advisories given (directories hold no *.json)");
  std::vector<provider::Input> inputs;
  for (const std::string& file : *files) {
    auto text = util::read_file(file, kMaxDocument);
    if (!text) return fail(2, text.error().message);
    inputs.push_back({std::move(*text), file});
  }

  provider::PublishOptions options;
  options.tree = args.out;
  auto report = provider::publish(*config, *signer, *public_key, std::move(inputs), options);
  if (!report) return fail(2, report.error());
  if (!report->refused.empty()) {
    for (const provider::Refusal& r : report->refused) std::cerr << r.file << ": " << r.message << "\n";
    std::cerr << "lotse publish: " << report->refused.size()
              << " document(s) refused; nothing was published\n";
    return 1;
  }
  for (const std::string& url : report->published) std::cout << "published " << url << "\n";
  std::cout << "security.txt: " << provider::security_txt_line(*config) << "\n";
  return 0;
}

}  // namespace

Action configure_publish(CLI::App& app) {
  auto args = std::make_shared<PublishArgs>();
  app.add_option("--config", args->config, "Provider configuration (JSON; see src/provider/config.hpp)")
      ->required();
  app.add_option("--keyring", args->keyring, "Key store directory with the signing key (secret.asc)")
      ->capture_default_str();
  auto* env = app.add_option("--passphrase-env", args->passphrase_env,
                             "Unlock the key with the passphrase in this environment variable");
  auto* file = app.add_option("--passphrase-file", args->passphrase_file,
                              "Unlock the key with the first line of this file");
  env->excludes(file);
  app.add_option("--out", args->out, "The tree's root directory (the web server serves TREE/.well-known)")
      ->required();
  app.add_option("advisories", args->inputs, "CSAF documents, or directories of them (*.json, recursive)")
      ->required();
  return [args]() -> int { return run_publish(*args); };
}

}  // namespace lotse::cli
