// Keys: generation, import in both encodings, export that gpg reads, the
// CSAF fingerprint form, passphrase protection, refusal of non-keys.
#include <gtest/gtest.h>

#include <regex>

#include "openpgp/gpg.hpp"
#include "openpgp/key.hpp"

namespace lotse::openpgp {
namespace {

using lotse::testing::Gpg;

Key generate(KeyAlgorithm algorithm = KeyAlgorithm::ed25519) {
  GenerateOptions options;
  options.name = "Example PSIRT";
  options.email = "psirt@example.com";
  options.algorithm = algorithm;
  auto key = Key::generate(options);
  EXPECT_TRUE(key) << key.error();
  return std::move(*key);
}

TEST(OpenpgpKey, FingerprintIsTheCsafFormAndMatchesGpg) {
  Key key = generate();
  // provider-metadata.json: "^[0-9a-fA-F]{40,}$"; upper case as in the
  // spec's example.
  EXPECT_TRUE(std::regex_match(key.fingerprint(), std::regex("^[0-9A-F]{40}$"))) << key.fingerprint();
  Gpg gpg;
  auto armored = key.export_public_armored();
  ASSERT_TRUE(armored) << armored.error();
  ASSERT_EQ(gpg.import(*armored).exit_code, 0);
  EXPECT_EQ(gpg.primary_fingerprints(), std::vector<std::string>{key.fingerprint()});
}

TEST(OpenpgpKey, GeneratedKeyDescribesItself) {
  const auto before = std::time(nullptr);
  Key key = generate();
  KeyInfo info = key.info();
  EXPECT_EQ(info.fingerprint, key.fingerprint());
  EXPECT_EQ(info.user_id, "Example PSIRT <psirt@example.com>");
  EXPECT_EQ(info.algorithm, "ed25519");
  EXPECT_GE(info.created, before - 1);
  EXPECT_LE(info.created, std::time(nullptr) + 1);
  EXPECT_EQ(info.expires, 0);
  EXPECT_TRUE(info.has_secret);
  EXPECT_FALSE(info.is_protected);
  EXPECT_TRUE(info.can_sign);
}

TEST(OpenpgpKey, ExpirationIsRecorded) {
  GenerateOptions options{"Example PSIRT", "psirt@example.com", KeyAlgorithm::ed25519, 30 * 86400};
  auto key = Key::generate(options);
  ASSERT_TRUE(key) << key.error();
  KeyInfo info = key->info();
  EXPECT_EQ(info.expires - info.created, 30 * 86400);
}

TEST(OpenpgpKey, ExportedPublicKeyHasNoSecretAndImportsBack) {
  Key key = generate();
  auto armored = key.export_public_armored();
  ASSERT_TRUE(armored) << armored.error();
  EXPECT_EQ(armored->rfind("-----BEGIN PGP PUBLIC KEY BLOCK-----", 0), 0u);
  EXPECT_EQ(armored->find("PRIVATE"), std::string::npos);
  auto back = Key::import(*armored);
  ASSERT_TRUE(back) << back.error();
  EXPECT_EQ(back->fingerprint(), key.fingerprint());
  EXPECT_FALSE(back->has_secret());
  EXPECT_FALSE(back->export_secret_armored());
}

TEST(OpenpgpKey, ImportReadsBinaryKeysAsGpgWritesThem) {
  Key key = generate();
  Gpg gpg;
  ASSERT_EQ(gpg.import(*key.export_public_armored()).exit_code, 0);
  // Binary (no --armor) export; `run` adds --status-fd 1, so write to a file.
  const std::string file = gpg.home() + "/binary.pgp";
  ASSERT_EQ(gpg.run({"--output", file, "--export", key.fingerprint()}).exit_code, 0);
  const std::string binary = lotse::testing::slurp(file);
  ASSERT_FALSE(binary.empty());
  EXPECT_NE(binary[0] & 0x80, 0) << "an OpenPGP packet, not armor";
  auto back = Key::import(binary);
  ASSERT_TRUE(back) << back.error();
  EXPECT_EQ(back->fingerprint(), key.fingerprint());
}

TEST(OpenpgpKey, SecretKeyRoundTripsThroughArmor) {
  Key key = generate();
  auto armored = key.export_secret_armored();
  ASSERT_TRUE(armored) << armored.error();
  EXPECT_EQ(armored->rfind("-----BEGIN PGP PRIVATE KEY BLOCK-----", 0), 0u);
  auto back = Key::import(*armored);
  ASSERT_TRUE(back) << back.error();
  EXPECT_EQ(back->fingerprint(), key.fingerprint());
  EXPECT_TRUE(back->has_secret());
}

TEST(OpenpgpKey, ProtectionSurvivesExportAndNeedsTheRightPassphraseToRemove) {
  Key key = generate();
  ASSERT_TRUE(key.protect(Passphrase(std::string("correct horse"))));
  EXPECT_TRUE(key.is_protected());
  EXPECT_FALSE(key.protect(Passphrase(std::string("again"))));  // already protected
  auto armored = key.export_secret_armored();
  ASSERT_TRUE(armored);
  auto back = Key::import(*armored);
  ASSERT_TRUE(back) << back.error();
  EXPECT_TRUE(back->is_protected());

  auto wrong = back->unprotect(Passphrase(std::string("battery staple")));
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error(), "wrong passphrase for key " + key.fingerprint());
  EXPECT_TRUE(back->is_protected());
  ASSERT_TRUE(back->unprotect(Passphrase(std::string("correct horse"))));
  EXPECT_FALSE(back->is_protected());
  EXPECT_TRUE(back->has_secret());
}

TEST(OpenpgpKey, ProtectRefusesAnEmptyPassphrase) {
  Key key = generate();
  auto r = key.protect(Passphrase());
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().find("empty passphrase"), std::string::npos);
  EXPECT_FALSE(key.is_protected());
}

TEST(OpenpgpKey, ImportOfGarbageSaysItIsNotAKey) {
  for (const std::string& garbage : {std::string("hello world\n"), std::string(1000, '\xff'),
                                    std::string("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nAAAA\n")}) {
    auto key = Key::import(garbage);
    ASSERT_FALSE(key);
    EXPECT_NE(key.error().find("OpenPGP"), std::string::npos) << key.error();
  }
  auto empty = Key::import("");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error(), "not an OpenPGP key: the input is empty");
  auto text = Key::import("hello world\n");
  EXPECT_EQ(text.error(), "not an OpenPGP key (neither ASCII-armored nor binary OpenPGP data)");
}

TEST(OpenpgpKey, ImportRefusesTwoKeysAtOnce) {
  Key a = generate();
  Key b = generate();
  auto both = Key::import(*a.export_public_armored() + *b.export_public_armored());
  ASSERT_FALSE(both);
  EXPECT_EQ(both.error(), "the input holds 2 primary keys; import one key at a time");
}

TEST(OpenpgpKey, ImportReadsKeysGpgMade) {
  Gpg gpg;
  const std::string secret = gpg.generate_key_with_signing_subkey("Gpg Made <gpg@example.com>");
  ASSERT_FALSE(secret.empty());
  auto key = Key::import(secret);
  ASSERT_TRUE(key) << key.error();
  EXPECT_EQ(key->fingerprint(), gpg.primary_fingerprints().at(0));
  KeyInfo info = key->info();
  EXPECT_EQ(info.user_id, "Gpg Made <gpg@example.com>");
  EXPECT_TRUE(info.has_secret);
  EXPECT_TRUE(info.can_sign);
}

TEST(OpenpgpKey, UserIdPartsMustNotForgeStructure) {
  for (GenerateOptions bad : {GenerateOptions{"", "a@example.com"}, GenerateOptions{"Name", ""},
                              GenerateOptions{"Evil <x@y>", "a@example.com"}, GenerateOptions{"Name", "no-at-sign"},
                              GenerateOptions{"Line\nbreak", "a@example.com"}}) {
    EXPECT_FALSE(Key::generate(bad)) << bad.name << " / " << bad.email;
  }
}

TEST(OpenpgpKey, AlgorithmNamesParse) {
  EXPECT_EQ(parse_key_algorithm("ed25519").value(), KeyAlgorithm::ed25519);
  EXPECT_EQ(parse_key_algorithm("rsa4096").value(), KeyAlgorithm::rsa4096);
  EXPECT_FALSE(parse_key_algorithm("dsa1024"));
}

}  // namespace
}  // namespace lotse::openpgp
