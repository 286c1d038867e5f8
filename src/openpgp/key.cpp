#include "openpgp/key.hpp"

#include <vector>

#include <string.h>  // explicit_bzero

#include "openpgp/key_state.hpp"

namespace lotse::openpgp {

bool refuse_password(rnp_ffi_t, void*, rnp_key_handle_t, const char*, char[], size_t) { return false; }

namespace {

bool flag(rnp_result_t (*query)(rnp_key_handle_t, bool*), rnp_key_handle_t key) {
  bool value = false;
  return query(key, &value) == RNP_SUCCESS && value;
}

// A user id part must not forge structure: no angle brackets (they delimit
// the address) and no control characters.
tl::expected<void, std::string> check_user_id_part(std::string_view what, std::string_view text) {
  if (text.empty()) return tl::unexpected(std::string(what) + " is empty");
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7f || c == '<' || c == '>') {
      return tl::unexpected(std::string(what) + " contains a control character or an angle bracket");
    }
  }
  return {};
}

tl::expected<Key::State, std::string> new_state() {
  auto ffi = rnp::make_ffi();
  if (!ffi) return tl::unexpected(ffi.error());
  rnp_ffi_set_pass_provider(ffi->get(), refuse_password, nullptr);
  return Key::State{std::move(*ffi), nullptr, {}};
}

// The subkeys of `primary`: protect/unprotect treat each like the primary.
tl::expected<std::vector<rnp::KeyHandle>, std::string> subkeys_of(rnp_key_handle_t primary) {
  std::vector<rnp::KeyHandle> keys;
  std::size_t count = 0;
  if (rnp_result_t rc = rnp_key_get_subkey_count(primary, &count); rc != RNP_SUCCESS) {
    return tl::unexpected(rnp::error("cannot read the subkeys", rc));
  }
  for (std::size_t i = 0; i < count; ++i) {
    rnp_key_handle_t sub = nullptr;
    if (rnp_result_t rc = rnp_key_get_subkey_at(primary, i, &sub); rc != RNP_SUCCESS) {
      return tl::unexpected(rnp::error("cannot read a subkey", rc));
    }
    keys.emplace_back(sub);
  }
  return keys;
}

std::string describe_algorithm(rnp_key_handle_t key) {
  auto alg = rnp::get_string(rnp_key_get_alg, key, "algorithm");
  if (!alg) return "unknown";
  std::uint32_t bits = 0;
  rnp_key_get_bits(key, &bits);
  if (*alg == RNP_ALGNAME_EDDSA) {
    auto curve = rnp::get_string(rnp_key_get_curve, key, "curve");
    if (curve && *curve == "Ed25519") return "ed25519";
  }
  std::string name;
  for (char c : *alg) name += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (*alg == RNP_ALGNAME_ECDSA || *alg == RNP_ALGNAME_EDDSA) {
    auto curve = rnp::get_string(rnp_key_get_curve, key, "curve");
    return name + " " + (curve ? *curve : "?");
  }
  return name + std::to_string(bits);
}

// Why `bytes` did not import, in the user's terms: what the data is, when
// it is OpenPGP but no key.
std::string explain_import_failure(std::string_view bytes, rnp_result_t rc) {
  std::string kind;
  if (auto input = rnp::input_from(bytes)) {
    if (auto guessed = rnp::get_string(rnp_guess_contents, input->get(), "contents")) kind = *guessed;
  }
  if (kind.empty() || kind == "unknown") return "not an OpenPGP key (neither ASCII-armored nor binary OpenPGP data)";
  if (kind == "public key" || kind == "secret key") return rnp::error("damaged OpenPGP " + kind, rc);
  return "not an OpenPGP key: the data is an OpenPGP " + kind;
}

}  // namespace

tl::expected<KeyAlgorithm, std::string> parse_key_algorithm(std::string_view name) {
  if (name == "ed25519") return KeyAlgorithm::ed25519;
  if (name == "rsa4096") return KeyAlgorithm::rsa4096;
  return tl::unexpected("unknown key algorithm \"" + std::string(name) + "\" (ed25519 or rsa4096)");
}

Key::Key(std::unique_ptr<State> state) : state_(std::move(state)) {}
Key::Key(Key&&) noexcept = default;
Key& Key::operator=(Key&&) noexcept = default;
Key::~Key() = default;

tl::expected<Key, std::string> Key::generate(const GenerateOptions& options) {
  if (auto ok = check_user_id_part("name", options.name); !ok) return tl::unexpected(ok.error());
  if (auto ok = check_user_id_part("email", options.email); !ok) return tl::unexpected(ok.error());
  if (options.email.find('@') == std::string::npos || options.email.find(' ') != std::string::npos) {
    return tl::unexpected("email \"" + options.email + "\" is not an address (local@domain)");
  }
  auto state = new_state();
  if (!state) return tl::unexpected(state.error());

  const bool rsa = options.algorithm == KeyAlgorithm::rsa4096;
  rnp_op_generate_t raw_op = nullptr;
  if (rnp_result_t rc = rnp_op_generate_create(&raw_op, state->ffi.get(), rsa ? RNP_ALGNAME_RSA : RNP_ALGNAME_EDDSA);
      rc != RNP_SUCCESS) {
    return tl::unexpected(rnp::error("cannot generate a key", rc));
  }
  rnp::GenerateOp op(raw_op);
  const std::string user_id = options.name + " <" + options.email + ">";
  rnp_result_t rc = RNP_SUCCESS;
  if (rsa) rc = rnp_op_generate_set_bits(op.get(), 4096);
  // Self-signatures and the preferences advertised to signers: SHA-2 only.
  if (rc == RNP_SUCCESS) rc = rnp_op_generate_set_hash(op.get(), RNP_ALGNAME_SHA512);
  if (rc == RNP_SUCCESS) rc = rnp_op_generate_add_usage(op.get(), "sign");
  if (rc == RNP_SUCCESS) rc = rnp_op_generate_add_usage(op.get(), "certify");
  if (rc == RNP_SUCCESS) rc = rnp_op_generate_set_userid(op.get(), user_id.c_str());
  if (rc == RNP_SUCCESS) rc = rnp_op_generate_set_expiration(op.get(), options.expiration_seconds);
  if (rc == RNP_SUCCESS) rc = rnp_op_generate_add_pref_hash(op.get(), RNP_ALGNAME_SHA512);
  if (rc == RNP_SUCCESS) rc = rnp_op_generate_add_pref_hash(op.get(), RNP_ALGNAME_SHA256);
  if (rc == RNP_SUCCESS) rc = rnp_op_generate_execute(op.get());
  rnp_key_handle_t raw_key = nullptr;
  if (rc == RNP_SUCCESS) rc = rnp_op_generate_get_key(op.get(), &raw_key);
  if (rc != RNP_SUCCESS) return tl::unexpected(rnp::error("cannot generate a key", rc));
  state->primary.reset(raw_key);
  op.reset();
  if (options.encryption_subkey) {
    rnp_op_generate_t raw_sub = nullptr;
    rc = rnp_op_generate_subkey_create(&raw_sub, state->ffi.get(), raw_key, rsa ? RNP_ALGNAME_RSA : RNP_ALGNAME_ECDH);
    rnp::GenerateOp sub(raw_sub);
    if (rc == RNP_SUCCESS) rc = rsa ? rnp_op_generate_set_bits(sub.get(), 4096) : rnp_op_generate_set_curve(sub.get(), "Curve25519");
    if (rc == RNP_SUCCESS) rc = rnp_op_generate_set_hash(sub.get(), RNP_ALGNAME_SHA512);
    if (rc == RNP_SUCCESS) rc = rnp_op_generate_add_usage(sub.get(), "encrypt");
    if (rc == RNP_SUCCESS) rc = rnp_op_generate_set_expiration(sub.get(), options.expiration_seconds);
    if (rc == RNP_SUCCESS) rc = rnp_op_generate_execute(sub.get());
    if (rc != RNP_SUCCESS) return tl::unexpected(rnp::error("cannot generate the encryption subkey", rc));
  }
  auto fingerprint = rnp::get_string(rnp_key_get_fprint, raw_key, "cannot read the fingerprint");
  if (!fingerprint) return tl::unexpected(fingerprint.error());
  state->fingerprint = std::move(*fingerprint);
  return Key(std::make_unique<State>(std::move(*state)));
}

tl::expected<Key, std::string> Key::import(std::string_view bytes) {
  if (bytes.empty()) return tl::unexpected(std::string("not an OpenPGP key: the input is empty"));
  auto state = new_state();
  if (!state) return tl::unexpected(state.error());
  auto input = rnp::input_from(bytes);
  if (!input) return tl::unexpected(input.error());
  char* raw_results = nullptr;
  rnp_result_t rc = rnp_import_keys(state->ffi.get(), input->get(),
                                    RNP_LOAD_SAVE_PUBLIC_KEYS | RNP_LOAD_SAVE_SECRET_KEYS, &raw_results);
  rnp::Buffer results(raw_results);
  if (rc != RNP_SUCCESS) return tl::unexpected(explain_import_failure(bytes, rc));

  // Exactly one primary key: a keyring directory holds one signing identity.
  rnp_identifier_iterator_t raw_it = nullptr;
  if (rc = rnp_identifier_iterator_create(state->ffi.get(), &raw_it, "fingerprint"); rc != RNP_SUCCESS) {
    return tl::unexpected(rnp::error("cannot list the imported keys", rc));
  }
  std::unique_ptr<rnp_identifier_iterator_st, rnp::Deleter<rnp_identifier_iterator_t, rnp_identifier_iterator_destroy>>
      it(raw_it);
  std::vector<std::string> primaries;
  const char* id = nullptr;
  while (rnp_identifier_iterator_next(it.get(), &id) == RNP_SUCCESS && id != nullptr) {
    rnp_key_handle_t raw = nullptr;
    if (rnp_locate_key(state->ffi.get(), "fingerprint", id, &raw) != RNP_SUCCESS || raw == nullptr) continue;
    rnp::KeyHandle key(raw);
    if (flag(rnp_key_is_primary, key.get())) primaries.emplace_back(id);
  }
  if (primaries.empty()) return tl::unexpected(std::string("not an OpenPGP key: no primary key found"));
  if (primaries.size() > 1) {
    return tl::unexpected("the input holds " + std::to_string(primaries.size()) +
                          " primary keys; import one key at a time");
  }
  rnp_key_handle_t raw_key = nullptr;
  if (rc = rnp_locate_key(state->ffi.get(), "fingerprint", primaries[0].c_str(), &raw_key);
      rc != RNP_SUCCESS || raw_key == nullptr) {
    return tl::unexpected(rnp::error("cannot find the imported key", rc));
  }
  state->primary.reset(raw_key);
  state->fingerprint = primaries[0];
  return Key(std::make_unique<State>(std::move(*state)));
}

const std::string& Key::fingerprint() const { return state_->fingerprint; }

bool Key::has_secret() const { return flag(rnp_key_have_secret, state_->primary.get()); }

bool Key::is_protected() const { return has_secret() && flag(rnp_key_is_protected, state_->primary.get()); }

KeyInfo Key::info() const {
  rnp_key_handle_t key = state_->primary.get();
  KeyInfo info;
  info.fingerprint = state_->fingerprint;
  if (auto uid = rnp::get_string(rnp_key_get_primary_uid, key, "user id")) info.user_id = std::move(*uid);
  info.algorithm = describe_algorithm(key);
  std::uint32_t created = 0, expiration = 0;
  rnp_key_get_creation(key, &created);
  rnp_key_get_expiration(key, &expiration);
  info.created = created;
  info.expires = expiration ? std::int64_t{created} + expiration : 0;
  info.has_secret = has_secret();
  info.is_protected = is_protected();
  rnp_key_handle_t raw_signing = nullptr;
  if (rnp_key_get_default_key(key, "sign", 0, &raw_signing) == RNP_SUCCESS && raw_signing) {
    rnp::KeyHandle signing(raw_signing);
    info.can_sign = true;
  }
  return info;
}

namespace {

tl::expected<std::string, std::string> export_key(rnp_key_handle_t key, std::uint32_t part) {
  auto output = rnp::memory_output();
  if (!output) return tl::unexpected(output.error());
  rnp_result_t rc = rnp_key_export(key, output->get(), RNP_KEY_EXPORT_ARMORED | RNP_KEY_EXPORT_SUBKEYS | part);
  if (rc != RNP_SUCCESS) return tl::unexpected(rnp::error("cannot export the key", rc));
  return rnp::contents(output->get());
}

}  // namespace

tl::expected<std::string, std::string> Key::export_public_armored() const {
  return export_key(state_->primary.get(), RNP_KEY_EXPORT_PUBLIC);
}

tl::expected<std::string, std::string> Key::export_secret_armored() const {
  if (!has_secret()) return tl::unexpected("key " + fingerprint() + " has no secret part");
  return export_key(state_->primary.get(), RNP_KEY_EXPORT_SECRET);
}

tl::expected<void, std::string> Key::protect(const Passphrase& passphrase) {
  if (!has_secret()) return tl::unexpected("key " + fingerprint() + " has no secret part");
  if (is_protected()) return tl::unexpected("key " + fingerprint() + " is already protected");
  if (passphrase.empty()) return tl::unexpected(std::string("an empty passphrase protects nothing"));
  auto subkeys = subkeys_of(state_->primary.get());
  if (!subkeys) return tl::unexpected(subkeys.error());
  auto protect_one = [&](rnp_key_handle_t key) -> tl::expected<void, std::string> {
    if (!flag(rnp_key_have_secret, key)) return {};
    rnp_result_t rc = rnp_key_protect(key, passphrase.c_str(), "AES256", nullptr, "SHA256", 0);
    if (rc != RNP_SUCCESS) return tl::unexpected(rnp::error("cannot protect key " + fingerprint(), rc));
    return {};
  };
  if (auto ok = protect_one(state_->primary.get()); !ok) return ok;
  for (const rnp::KeyHandle& sub : *subkeys) {
    if (auto ok = protect_one(sub.get()); !ok) return ok;
  }
  return {};
}

tl::expected<void, std::string> Key::unprotect(const Passphrase& passphrase) {
  if (!is_protected()) return tl::unexpected("key " + fingerprint() + " is not protected by a passphrase");
  auto subkeys = subkeys_of(state_->primary.get());
  if (!subkeys) return tl::unexpected(subkeys.error());
  auto unprotect_one = [&](rnp_key_handle_t key) -> tl::expected<void, std::string> {
    if (!flag(rnp_key_is_protected, key)) return {};
    rnp_result_t rc = rnp_key_unprotect(key, passphrase.c_str());
    if (rc == RNP_ERROR_BAD_PASSWORD) return tl::unexpected("wrong passphrase for key " + fingerprint());
    if (rc != RNP_SUCCESS) return tl::unexpected(rnp::error("cannot unprotect key " + fingerprint(), rc));
    return {};
  };
  if (auto ok = unprotect_one(state_->primary.get()); !ok) return ok;
  for (const rnp::KeyHandle& sub : *subkeys) {
    if (auto ok = unprotect_one(sub.get()); !ok) return ok;
  }
  return {};
}

tl::expected<UnlockedKey, std::string> unlock_copy(const Key& key, const Passphrase& passphrase, const char* usage,
                                                   std::string_view name, std::string_view missing_hint) {
  auto armored = key.export_secret_armored();
  if (!armored) return tl::unexpected(armored.error());
  auto copy = Key::import(*armored);
  if (!armored->empty()) explicit_bzero(armored->data(), armored->size());
  if (!copy) return tl::unexpected(copy.error());
  rnp_key_handle_t raw = nullptr;
  rnp_result_t rc = rnp_key_get_default_key(copy->state_->primary.get(), usage, 0, &raw);
  UnlockedKey unlocked{std::move(*copy), rnp::KeyHandle(raw)};
  const std::string& fingerprint = key.fingerprint();
  if (rc != RNP_SUCCESS || raw == nullptr) {
    return tl::unexpected("key " + fingerprint + " has no valid " + std::string(name) + " (" +
                          std::string(missing_hint) + ")");
  }
  bool have_secret = false;
  if (rnp_key_have_secret(raw, &have_secret) != RNP_SUCCESS || !have_secret) {
    return tl::unexpected("key " + fingerprint + " lacks the secret part of its " + std::string(name));
  }
  bool locked = false;
  if (rnp_key_is_locked(raw, &locked) == RNP_SUCCESS && locked) {
    if (passphrase.empty()) {
      return tl::unexpected("secret key " + fingerprint + " is protected by a passphrase, and none was given");
    }
    rc = rnp_key_unlock(raw, passphrase.c_str());
    if (rc == RNP_ERROR_BAD_PASSWORD) return tl::unexpected("wrong passphrase for secret key " + fingerprint);
    if (rc != RNP_SUCCESS) return tl::unexpected(rnp::error("cannot unlock secret key " + fingerprint, rc));
  }
  return unlocked;
}

}  // namespace lotse::openpgp
