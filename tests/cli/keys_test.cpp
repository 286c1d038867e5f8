// `lotse keys` as a provider runs it: generate, export, show, import; the
// exported key is judged by gpg, and a signer over the generated keyring
// makes signatures gpg accepts.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <cstdlib>

#include "openpgp/gpg.hpp"
#include "openpgp/keyring.hpp"
#include "openpgp/signer.hpp"
#include "support/run_lotse.hpp"

namespace lotse::cli {
namespace {

using lotse::testing::Gpg;
using lotse::testing::run_lotse;
using lotse::testing::TempDir;
namespace fs = std::filesystem;

unsigned mode_of(const fs::path& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 07777;
}

// "fingerprint: X" from `lotse keys show` or `generate` output.
std::string shown_fingerprint(const std::string& out) {
  const std::string label = "fingerprint: ";
  std::size_t at = out.find(label);
  if (at == std::string::npos) return {};
  return out.substr(at + label.size(), out.find('\n', at) - at - label.size());
}

TEST(LotseKeys, GeneratedKeyExportsToGpgAndSignsDocumentsGpgVerifies) {
  TempDir tmp;
  const std::string keyring = (tmp / "keys").string();
  ::setenv("LOTSE_TEST_KEY_PASSPHRASE", "a long passphrase", 1);
  auto made = run_lotse({"keys", "generate", "--name", "Example PSIRT", "--email", "psirt@example.com",
                         "--keyring", keyring, "--passphrase-env", "LOTSE_TEST_KEY_PASSPHRASE"});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  const std::string fingerprint = shown_fingerprint(made.out);
  ASSERT_EQ(fingerprint.size(), 40u) << made.out;
  EXPECT_EQ(made.out.find("a long passphrase"), std::string::npos);
  EXPECT_EQ(made.err.find("a long passphrase"), std::string::npos);
  EXPECT_EQ(mode_of(tmp / "keys" / "secret.asc"), 0600u);

  auto show = run_lotse({"keys", "show", "--keyring", keyring});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_EQ(shown_fingerprint(show.out), fingerprint);
  EXPECT_NE(show.out.find("user id:     Example PSIRT <psirt@example.com>"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("algorithm:   ed25519"), std::string::npos);
  EXPECT_NE(show.out.find("created:     20"), std::string::npos);
  EXPECT_NE(show.out.find("protected by a passphrase"), std::string::npos);

  auto exported = run_lotse({"keys", "export", "--keyring", keyring});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_EQ(exported.out.rfind("-----BEGIN PGP PUBLIC KEY BLOCK-----", 0), 0u);
  Gpg gpg;
  ASSERT_EQ(gpg.import(exported.out).exit_code, 0);
  EXPECT_EQ(gpg.primary_fingerprints(), std::vector<std::string>{fingerprint});

  // What the publisher will do with this keyring.
  auto key = openpgp::load_secret_key(keyring);
  ASSERT_TRUE(key) << key.error();
  auto passphrase = openpgp::passphrase_from_env("LOTSE_TEST_KEY_PASSPHRASE");
  auto signer = openpgp::Signer::create(*key, *passphrase);
  ASSERT_TRUE(signer) << signer.error();
  for (const std::string document : {"{\"document\": {}}\n", "", "second advisory"}) {
    auto signature = signer->sign_detached_armored(document);
    ASSERT_TRUE(signature) << signature.error();
    EXPECT_EQ(gpg.verify(document, *signature).exit_code, 0);
  }
  auto wrong = openpgp::Signer::create(*key, openpgp::Passphrase(std::string("not it")));
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error(), "wrong passphrase for secret key " + fingerprint);
  ::unsetenv("LOTSE_TEST_KEY_PASSPHRASE");
}

TEST(LotseKeys, ExportWritesAFileAndRsaKeysWork) {
  TempDir tmp;
  const std::string keyring = (tmp / "keys").string();
  lotse::testing::write_bytes(tmp / "pass", "file passphrase\n");
  auto made = run_lotse({"keys", "generate", "--name", "Example PSIRT", "--email", "psirt@example.com",
                         "--algorithm", "rsa4096", "--keyring", keyring, "--passphrase-file",
                         (tmp / "pass").string()});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  EXPECT_NE(made.out.find("algorithm:   rsa4096"), std::string::npos) << made.out;
  const fs::path file = tmp / "publisher.asc";
  auto exported = run_lotse({"keys", "export", "--keyring", keyring, "--output", file.string()});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_TRUE(exported.out.empty());
  EXPECT_EQ(mode_of(file), 0644u);
  Gpg gpg;
  ASSERT_EQ(gpg.import(lotse::testing::slurp(file)).exit_code, 0);
  EXPECT_EQ(gpg.primary_fingerprints(), std::vector<std::string>{shown_fingerprint(made.out)});
}

TEST(LotseKeys, ImportStoresAKeyAndRefusesGarbage) {
  TempDir tmp;
  auto made = run_lotse({"keys", "generate", "--name", "Example PSIRT", "--email", "psirt@example.com",
                         "--keyring", (tmp / "a").string(), "--no-passphrase"});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  EXPECT_NE(made.out.find("present, not protected"), std::string::npos);

  auto imported = run_lotse({"keys", "import", (tmp / "a" / "secret.asc").string(), "--keyring",
                             (tmp / "b").string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(shown_fingerprint(imported.out), shown_fingerprint(made.out));
  EXPECT_EQ(mode_of(tmp / "b" / "secret.asc"), 0600u);

  auto again = run_lotse({"keys", "import", (tmp / "a" / "public.asc").string(), "--keyring",
                          (tmp / "b").string()});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("refusing to replace a stored key"), std::string::npos) << again.err;

  lotse::testing::write_bytes(tmp / "garbage.asc", "this is not a key\n");
  auto garbage = run_lotse({"keys", "import", (tmp / "garbage.asc").string(), "--keyring", (tmp / "c").string()});
  EXPECT_EQ(garbage.exit_code, 1);
  EXPECT_NE(garbage.err.find("garbage.asc: not an OpenPGP key"), std::string::npos) << garbage.err;
  EXPECT_FALSE(fs::exists(tmp / "c"));
}

TEST(LotseKeys, PassphrasesNeverComeFromTheCommandLine) {
  TempDir tmp;
  const std::string keyring = (tmp / "keys").string();
  const std::vector<std::string> base = {"keys", "generate", "--name", "N", "--email", "n@example.com",
                                         "--keyring", keyring};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return run_lotse(args);
  };
  EXPECT_EQ(with({"--passphrase", "visible-in-ps"}).exit_code, 2);
  auto none = with({});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("--passphrase-env"), std::string::npos) << none.err;
  ::unsetenv("LOTSE_TEST_UNSET_PASSPHRASE");
  auto unset = with({"--passphrase-env", "LOTSE_TEST_UNSET_PASSPHRASE"});
  EXPECT_EQ(unset.exit_code, 2);
  EXPECT_NE(unset.err.find("LOTSE_TEST_UNSET_PASSPHRASE is not set"), std::string::npos) << unset.err;
  EXPECT_EQ(with({"--no-passphrase", "--passphrase-file", "x"}).exit_code, 2);
  EXPECT_FALSE(fs::exists(tmp / "keys"));
}

TEST(LotseKeys, ShowAndExportOfAnEmptyKeyringExplain) {
  TempDir tmp;
  auto show = run_lotse({"keys", "show", "--keyring", tmp.path().string()});
  EXPECT_EQ(show.exit_code, 1);
  EXPECT_NE(show.err.find("lotse keys generate"), std::string::npos) << show.err;
  EXPECT_EQ(run_lotse({"keys", "export", "--keyring", tmp.path().string()}).exit_code, 1);
  EXPECT_EQ(run_lotse({"keys"}).exit_code, 2);
  auto help = run_lotse({"help", "keys"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("generate"), std::string::npos);
}

}  // namespace
}  // namespace lotse::cli
