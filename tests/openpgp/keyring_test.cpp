// The key store directory: file names, modes, refusal to overwrite.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include "openpgp/gpg.hpp"
#include "openpgp/keyring.hpp"

namespace lotse::openpgp {
namespace {

using lotse::testing::TempDir;

unsigned mode_of(const std::filesystem::path& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 07777;
}

Key generate() {
  auto key = Key::generate(GenerateOptions{"Example PSIRT", "psirt@example.com", KeyAlgorithm::ed25519, 0});
  EXPECT_TRUE(key) << key.error();
  return std::move(*key);
}

TEST(OpenpgpKeyring, SecretKeyFileIsMode0600PublicIs0644DirectoryIs0700) {
  TempDir tmp;
  const std::string dir = (tmp / "nested" / "keys").string();
  ::umask(022);
  Key key = generate();
  ASSERT_TRUE(save_key(dir, key, false));
  EXPECT_EQ(mode_of(dir), 0700u);
  EXPECT_EQ(mode_of(std::filesystem::path(dir) / "secret.asc"), 0600u);
  EXPECT_EQ(mode_of(std::filesystem::path(dir) / "public.asc"), 0644u);
  auto secret = load_secret_key(dir);
  ASSERT_TRUE(secret) << secret.error();
  EXPECT_EQ(secret->fingerprint(), key.fingerprint());
  EXPECT_TRUE(secret->has_secret());
}

TEST(OpenpgpKeyring, RefusesToReplaceAStoredKeyUnlessTold) {
  TempDir tmp;
  const std::string dir = (tmp / "keys").string();
  Key first = generate();
  Key second = generate();
  ASSERT_TRUE(save_key(dir, first, false));
  auto refused = save_key(dir, second, false);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().find("refusing to replace a stored key"), std::string::npos) << refused.error();
  EXPECT_EQ(load_secret_key(dir)->fingerprint(), first.fingerprint());
  ASSERT_TRUE(save_key(dir, second, true));
  EXPECT_EQ(load_secret_key(dir)->fingerprint(), second.fingerprint());
}

TEST(OpenpgpKeyring, PublicKeyReplacingASecretOneRemovesTheStaleSecret) {
  TempDir tmp;
  const std::string dir = (tmp / "keys").string();
  Key mine = generate();
  Key theirs = generate();
  auto theirs_public = Key::import(*theirs.export_public_armored());
  ASSERT_TRUE(save_key(dir, mine, false));
  ASSERT_TRUE(save_key(dir, *theirs_public, true));
  EXPECT_FALSE(std::filesystem::exists(tmp / "keys" / "secret.asc"));
  auto loaded = load_key(dir);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->fingerprint(), theirs.fingerprint());
  EXPECT_FALSE(loaded->has_secret());
}

TEST(OpenpgpKeyring, EmptyDirectoryExplainsHowToMakeAKey) {
  TempDir tmp;
  auto secret = load_secret_key(tmp.path().string());
  ASSERT_FALSE(secret);
  EXPECT_NE(secret.error().find("lotse keys generate"), std::string::npos) << secret.error();
  EXPECT_FALSE(load_key(tmp.path().string()));
}

}  // namespace
}  // namespace lotse::openpgp
