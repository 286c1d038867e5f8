// Detached signatures as CSAF requirement 19 needs them, judged by gpg.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "openpgp/gpg.hpp"
#include "openpgp/signer.hpp"
#include "openpgp/verify.hpp"

namespace lotse::openpgp {
namespace {

using lotse::testing::Gpg;
using lotse::testing::validsig_field;

Key generate(KeyAlgorithm algorithm = KeyAlgorithm::ed25519) {
  GenerateOptions options{"Example PSIRT", "psirt@example.com", algorithm, 0};
  auto key = Key::generate(options);
  EXPECT_TRUE(key) << key.error();
  return std::move(*key);
}

// A CSAF-like document, then edge cases: empty, binary, no final newline,
// CRLF (a binary signature must not normalise line ends), 5 MB.
std::vector<std::string> documents() {
  std::string big;
  big.reserve(5u << 20);
  for (unsigned i = 0; big.size() < (5u << 20); ++i) big += "{\"line\": " + std::to_string(i) + "}\n";
  std::string binary;
  for (int i = 0; i < 256; ++i) binary += static_cast<char>(i);
  return {"{\"document\": {\"category\": \"csaf_security_advisory\"}}\n", "", binary, "no newline at the end",
          "crlf\r\nline ends\r\n", big};
}

void expect_gpg_accepts_signatures_of(KeyAlgorithm algorithm) {
  Key key = generate(algorithm);
  auto signer = Signer::create(key);
  ASSERT_TRUE(signer) << signer.error();
  Gpg gpg;
  ASSERT_EQ(gpg.import(*key.export_public_armored()).exit_code, 0);
  for (const std::string& document : documents()) {
    auto signature = signer->sign_detached_armored(document);
    ASSERT_TRUE(signature) << signature.error();
    EXPECT_EQ(signature->rfind("-----BEGIN PGP SIGNATURE-----", 0), 0u);
    EXPECT_NE(signature->find("-----END PGP SIGNATURE-----"), std::string::npos);
    auto verdict = gpg.verify(document, *signature);
    EXPECT_EQ(verdict.exit_code, 0) << "document of " << document.size() << " bytes\n" << verdict.out << verdict.err;
    EXPECT_NE(verdict.out.find("[GNUPG:] GOODSIG"), std::string::npos) << verdict.out;
    EXPECT_EQ(validsig_field(verdict.out, 9), key.fingerprint()) << verdict.out;
  }
}

TEST(OpenpgpSigner, GpgVerifiesEd25519SignaturesOfEveryDocumentIncludingEmptyAndFiveMegabytes) {
  expect_gpg_accepts_signatures_of(KeyAlgorithm::ed25519);
}

TEST(OpenpgpSigner, GpgVerifiesRsa4096Signatures) { expect_gpg_accepts_signatures_of(KeyAlgorithm::rsa4096); }

TEST(OpenpgpSigner, TamperedDocumentFailsGpgAndOurVerify) {
  Key key = generate();
  auto signer = Signer::create(key);
  ASSERT_TRUE(signer) << signer.error();
  const std::string document = "{\"document\": {\"title\": \"Buffer overflow in Example\"}}\n";
  auto signature = signer->sign_detached_armored(document);
  ASSERT_TRUE(signature) << signature.error();
  std::string tampered = document;
  tampered[tampered.find("overflow")] = 'O';

  Gpg gpg;
  ASSERT_EQ(gpg.import(*key.export_public_armored()).exit_code, 0);
  ASSERT_EQ(gpg.verify(document, *signature).exit_code, 0);
  auto bad = gpg.verify(tampered, *signature);
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.out.find("[GNUPG:] BADSIG"), std::string::npos) << bad.out;

  ASSERT_TRUE(verify_detached(document, *signature, key));
  auto ours = verify_detached(tampered, *signature, key);
  ASSERT_FALSE(ours);
  EXPECT_EQ(ours.error(),
            "BAD signature by key " + key.fingerprint() + ": the document or the signature was modified");
}

TEST(OpenpgpSigner, HashIsSha512ByDefaultAndSha256OnRequest) {
  Key key = generate();
  Gpg gpg;
  ASSERT_EQ(gpg.import(*key.export_public_armored()).exit_code, 0);
  const std::string document = "csaf";
  // gpg's hash algorithm ids (RFC 4880 9.4): 10 SHA-512, 8 SHA-256.
  for (auto [hash, gpg_id, name] : {std::tuple{HashAlgorithm::sha512, "10", "SHA512"},
                                    std::tuple{HashAlgorithm::sha256, "8", "SHA256"}}) {
    auto signer = Signer::create(key, {}, hash);
    ASSERT_TRUE(signer) << signer.error();
    auto signature = signer->sign_detached_armored(document);
    ASSERT_TRUE(signature);
    auto verdict = gpg.verify(document, *signature);
    EXPECT_EQ(validsig_field(verdict.out, 7), gpg_id) << verdict.out;
    auto ours = verify_detached(document, *signature, key);
    ASSERT_TRUE(ours) << ours.error();
    EXPECT_EQ(ours->hash, name);
  }
}

TEST(OpenpgpSigner, ProtectedKeySignsOnlyWithItsPassphrase) {
  Key key = generate();
  ASSERT_TRUE(key.protect(Passphrase(std::string("s3cret"))));

  auto none = Signer::create(key);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error(), "secret key " + key.fingerprint() + " is protected by a passphrase, and none was given");
  auto wrong = Signer::create(key, Passphrase(std::string("guess")));
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error(), "wrong passphrase for secret key " + key.fingerprint());

  auto right = Signer::create(key, Passphrase(std::string("s3cret")));
  ASSERT_TRUE(right) << right.error();
  EXPECT_TRUE(key.is_protected()) << "the signer unlocks its own copy";
  auto signature = right->sign_detached_armored("doc");
  ASSERT_TRUE(signature) << signature.error();
  EXPECT_TRUE(verify_detached("doc", *signature, key));
}

TEST(OpenpgpSigner, PublicKeyAloneCannotSign) {
  Key key = generate();
  auto pub = Key::import(*key.export_public_armored());
  ASSERT_TRUE(pub);
  auto signer = Signer::create(*pub);
  ASSERT_FALSE(signer);
  EXPECT_EQ(signer.error(), "key " + key.fingerprint() + " has no secret part: it cannot sign");
}

TEST(OpenpgpSigner, SignsWithTheSigningSubkeyOfAGpgKey) {
  Gpg gpg;
  auto key = Key::import(gpg.generate_key_with_signing_subkey("Gpg Made <gpg@example.com>"));
  ASSERT_TRUE(key) << key.error();
  auto signer = Signer::create(*key);
  ASSERT_TRUE(signer) << signer.error();
  auto signature = signer->sign_detached_armored("signed by a subkey");
  ASSERT_TRUE(signature) << signature.error();
  auto verdict = gpg.verify("signed by a subkey", *signature);
  EXPECT_EQ(verdict.exit_code, 0) << verdict.out << verdict.err;
  EXPECT_EQ(validsig_field(verdict.out, 9), key->fingerprint());
  EXPECT_NE(validsig_field(verdict.out, 0), key->fingerprint()) << "made by the subkey";
}

// One signer, many documents: the key is unlocked once. Prints the rate so
// the figure in the report can be reproduced.
TEST(OpenpgpSigner, OneSignerSignsThousandsOfDocumentsWithoutReloadingTheKey) {
  Key key = generate();
  ASSERT_TRUE(key.protect(Passphrase(std::string("s3cret"))));
  auto signer = Signer::create(key, Passphrase(std::string("s3cret")));
  ASSERT_TRUE(signer) << signer.error();
#ifdef LOTSE_SANITIZED
  const int count = 1000;
#else
  const int count = 10000;
#endif
  std::string document(4096, 'x');  // a small advisory
  std::vector<std::string> signatures;
  signatures.reserve(count);
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < count; ++i) {
    document.replace(0, 8, std::to_string(10000000 + i));
    auto signature = signer->sign_detached_armored(document);
    ASSERT_TRUE(signature) << signature.error();
    signatures.push_back(std::move(*signature));
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("signed %d documents of 4 KiB in %.2f s (%.0f per second)\n", count, seconds, count / seconds);
  // The last one and gpg's opinion of it.
  Gpg gpg;
  ASSERT_EQ(gpg.import(*key.export_public_armored()).exit_code, 0);
  EXPECT_EQ(gpg.verify(document, signatures.back()).exit_code, 0);
  EXPECT_NE(signatures[0], signatures[1]);
}

}  // namespace
}  // namespace lotse::openpgp
