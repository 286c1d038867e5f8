// Verification as a CSAF consumer needs it: which trusted key signed, or why
// the signature is refused.
#include <gtest/gtest.h>

#include "openpgp/gpg.hpp"
#include "openpgp/signer.hpp"
#include "openpgp/verify.hpp"

namespace lotse::openpgp {
namespace {

using lotse::testing::Gpg;

Key generate(const std::string& name) {
  auto key = Key::generate(GenerateOptions{name, "psirt@example.com", KeyAlgorithm::ed25519, 0});
  EXPECT_TRUE(key) << key.error();
  return std::move(*key);
}

std::string sign(const Key& key, const std::string& document) {
  auto signer = Signer::create(key);
  EXPECT_TRUE(signer) << signer.error();
  auto signature = signer->sign_detached_armored(document);
  EXPECT_TRUE(signature) << signature.error();
  return *signature;
}

TEST(OpenpgpVerify, NamesTheTrustedKeyThatSigned) {
  Key first = generate("First PSIRT");
  Key second = generate("Second PSIRT");
  auto verifier = Verifier::create();
  ASSERT_TRUE(verifier);
  ASSERT_TRUE(verifier->trust(first));
  ASSERT_TRUE(verifier->trust(second));
  const auto before = std::time(nullptr);
  auto result = verifier->verify_detached("advisory", sign(second, "advisory"));
  ASSERT_TRUE(result) << result.error();
  EXPECT_EQ(result->key_fingerprint, second.fingerprint());
  EXPECT_EQ(result->signer_fingerprint, second.fingerprint());
  EXPECT_EQ(result->user_id, "Second PSIRT <psirt@example.com>");
  EXPECT_EQ(result->hash, "SHA512");
  EXPECT_GE(result->created, before - 1);
}

TEST(OpenpgpVerify, SignatureByAnUntrustedKeyIsRefused) {
  Key trusted = generate("Trusted");
  Key stranger = generate("Stranger");
  auto result = verify_detached("advisory", sign(stranger, "advisory"), trusted);
  ASSERT_FALSE(result);
  const std::string key_id = stranger.fingerprint().substr(24);
  EXPECT_EQ(result.error(), "signed by key id " + key_id + ", which is not a trusted key");
}

TEST(OpenpgpVerify, ModifiedSignatureIsRefused) {
  Key key = generate("PSIRT");
  std::string signature = sign(key, "advisory");
  // Flip a character inside the base64 body (after the blank line).
  std::size_t body = signature.find("\n\n") + 2;
  signature[body + 20] = signature[body + 20] == 'A' ? 'B' : 'A';
  auto result = verify_detached("advisory", signature, key);
  EXPECT_FALSE(result);
}

TEST(OpenpgpVerify, NonSignaturesAreRefusedWithAClearMessage) {
  Key key = generate("PSIRT");
  auto empty = verify_detached("advisory", "", key);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error(), "not an OpenPGP signature: it is empty");
  auto text = verify_detached("advisory", "this is no signature\n", key);
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().rfind("not an OpenPGP signature", 0), 0u) << text.error();
  auto a_key = verify_detached("advisory", *key.export_public_armored(), key);
  ASSERT_FALSE(a_key);
  EXPECT_EQ(a_key.error().rfind("not an OpenPGP signature", 0), 0u) << a_key.error();
}

TEST(OpenpgpVerify, AcceptsSignaturesGpgMade) {
  Gpg gpg;
  auto key = Key::import(gpg.generate_key_with_signing_subkey("Gpg Made <gpg@example.com>"));
  ASSERT_TRUE(key) << key.error();
  const std::string document = "{\"document\": {}}\n";
  const std::string signature = gpg.sign(document);
  ASSERT_NE(signature.find("BEGIN PGP SIGNATURE"), std::string::npos);
  auto result = verify_detached(document, signature, *key);
  ASSERT_TRUE(result) << result.error();
  EXPECT_EQ(result->key_fingerprint, key->fingerprint());
  EXPECT_NE(result->signer_fingerprint, key->fingerprint()) << "gpg signs with its signing subkey";
  EXPECT_EQ(result->user_id, "Gpg Made <gpg@example.com>");
  EXPECT_FALSE(verify_detached(document + " ", signature, *key));
}

}  // namespace
}  // namespace lotse::openpgp
