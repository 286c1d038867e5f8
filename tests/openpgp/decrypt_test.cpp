// Decrypting what gpg encrypted to a key made here (with an encryption
// subkey), as reporters will send reports: the plaintext comes back byte
// for byte; the cap, wrong recipients, garbage and locked keys are errors.
#include <gtest/gtest.h>

#include "openpgp/decrypt.hpp"
#include "openpgp/gpg.hpp"

namespace lotse::openpgp {
namespace {

Key intake_key(const std::string& email) {
  GenerateOptions options;
  options.name = "Example PSIRT intake";
  options.email = email;
  options.encryption_subkey = true;
  auto key = Key::generate(options);
  EXPECT_TRUE(key) << key.error();
  return std::move(*key);
}

class DecryptTest : public ::testing::Test {
 protected:
  // `plaintext` encrypted by gpg to `key`'s public part.
  std::string encrypted_by_gpg(const Key& key, const std::string& plaintext) {
    auto armored = key.export_public_armored();
    EXPECT_TRUE(armored);
    const auto imported = gpg_.import(*armored);
    EXPECT_EQ(imported.exit_code, 0) << imported.err;
    const std::string message = gpg_.encrypt(plaintext, key.fingerprint());
    EXPECT_NE(message.find("BEGIN PGP MESSAGE"), std::string::npos);
    return message;
  }
  lotse::testing::Gpg gpg_;
};

TEST_F(DecryptTest, DecryptsWhatGpgEncryptedToTheKey) {
  Key key = intake_key("psirt@example.com");
  const std::string plaintext = std::string("{\"vendor\": \"ACME\", \"bytes\": \"") + std::string(100000, 'x') + "\"}";
  const std::string message = encrypted_by_gpg(key, plaintext);
  auto decryptor = Decryptor::create(key);
  ASSERT_TRUE(decryptor) << decryptor.error();
  auto decrypted = decryptor->decrypt(message, 1u << 20);
  ASSERT_TRUE(decrypted) << decrypted.error();
  EXPECT_EQ(*decrypted, plaintext);
  // The same again: the decryptor is reusable.
  EXPECT_EQ(decryptor->decrypt(message, plaintext.size()).value_or(""), plaintext);
  auto capped = decryptor->decrypt(message, plaintext.size() - 1);
  ASSERT_FALSE(capped);
  EXPECT_NE(capped.error().find("larger than"), std::string::npos) << capped.error();
}

TEST_F(DecryptTest, AProtectedKeyNeedsItsPassphrase) {
  Key key = intake_key("psirt@example.com");
  const std::string message = encrypted_by_gpg(key, "secret report");
  ASSERT_TRUE(key.protect(Passphrase(std::string("intake passphrase"))));
  EXPECT_FALSE(Decryptor::create(key));
  EXPECT_FALSE(Decryptor::create(key, Passphrase(std::string("wrong"))));
  auto decryptor = Decryptor::create(key, Passphrase(std::string("intake passphrase")));
  ASSERT_TRUE(decryptor) << decryptor.error();
  EXPECT_EQ(decryptor->decrypt(message, 1000).value_or(""), "secret report");
}

TEST_F(DecryptTest, RefusesMessagesToOtherKeysAndGarbage) {
  Key ours = intake_key("psirt@example.com");
  Key theirs = intake_key("other@example.com");
  const std::string to_them = encrypted_by_gpg(theirs, "not for us");
  auto decryptor = Decryptor::create(ours);
  ASSERT_TRUE(decryptor);
  auto refused = decryptor->decrypt(to_them, 1000);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().find("not encrypted to key"), std::string::npos) << refused.error();
  for (const std::string& garbage : {std::string(), std::string("hello"),
                                     std::string("-----BEGIN PGP MESSAGE-----\n\nAAAA\n-----END PGP MESSAGE-----\n"),
                                     std::string(4096, '\xff')}) {
    EXPECT_FALSE(decryptor->decrypt(garbage, 1000)) << garbage.size();
  }
  // A modified message does not decrypt.
  std::string damaged = encrypted_by_gpg(ours, "intact");
  const std::size_t middle = damaged.find("\n\n") + 20;
  damaged[middle] = damaged[middle] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(decryptor->decrypt(damaged, 1000));
}

TEST(Decryptor, NeedsAnEncryptionKey) {
  GenerateOptions options;
  options.name = "Signing only";
  options.email = "sign@example.com";
  auto key = Key::generate(options);
  ASSERT_TRUE(key);
  auto decryptor = Decryptor::create(*key);
  ASSERT_FALSE(decryptor);
  EXPECT_NE(decryptor.error().find("no valid encryption key"), std::string::npos) << decryptor.error();
  auto armored = key->export_public_armored();
  auto public_only = Key::import(*armored);
  ASSERT_TRUE(public_only);
  EXPECT_FALSE(Decryptor::create(*public_only));
}

}  // namespace
}  // namespace lotse::openpgp
