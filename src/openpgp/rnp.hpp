// Ownership of librnp's handles, for the .cpp files of this module only:
// every handle rnp hands out must be destroyed with its own function, and a
// std::unique_ptr with that function as deleter makes a forgotten destroy (a
// leak under ASan) impossible on every return path.
//
// Not part of the module's interface: no public header includes <rnp/rnp.h>.
// Thread safety: as librnp's, an ffi object and everything made from it are
// used by one thread at a time.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <rnp/rnp.h>
#include <rnp/rnp_err.h>
#include <tl/expected.hpp>

namespace lotse::openpgp::rnp {

template <typename T, rnp_result_t (*Destroy)(T)>
struct Deleter {
  void operator()(T handle) const { Destroy(handle); }
};

using Ffi = std::unique_ptr<rnp_ffi_st, Deleter<rnp_ffi_t, rnp_ffi_destroy>>;
using KeyHandle = std::unique_ptr<rnp_key_handle_st, Deleter<rnp_key_handle_t, rnp_key_handle_destroy>>;
using Input = std::unique_ptr<rnp_input_st, Deleter<rnp_input_t, rnp_input_destroy>>;
using Output = std::unique_ptr<rnp_output_st, Deleter<rnp_output_t, rnp_output_destroy>>;
using SignOp = std::unique_ptr<rnp_op_sign_st, Deleter<rnp_op_sign_t, rnp_op_sign_destroy>>;
using VerifyOp = std::unique_ptr<rnp_op_verify_st, Deleter<rnp_op_verify_t, rnp_op_verify_destroy>>;
using GenerateOp =
    std::unique_ptr<rnp_op_generate_st, Deleter<rnp_op_generate_t, rnp_op_generate_destroy>>;
using SignatureHandle =
    std::unique_ptr<rnp_signature_handle_st, Deleter<rnp_signature_handle_t, rnp_signature_handle_destroy>>;

// A string rnp allocated (rnp_buffer_destroy frees it).
struct BufferDeleter {
  void operator()(char* p) const { rnp_buffer_destroy(p); }
};
using Buffer = std::unique_ptr<char, BufferDeleter>;

// "what failed: rnp's explanation", the message of every rnp failure.
std::string error(std::string_view what, rnp_result_t code);

// A new, empty key store (transferable keys in the OpenPGP "GPG" format).
tl::expected<Ffi, std::string> make_ffi();

// Reads `bytes` without copying them; `bytes` must outlive the input.
tl::expected<Input, std::string> input_from(std::string_view bytes);

// A growing in-memory output.
tl::expected<Output, std::string> memory_output();

// What a memory output holds so far, copied out.
tl::expected<std::string, std::string> contents(rnp_output_t output);

// The string an rnp getter such as rnp_key_get_fprint() returns, or an error.
template <typename Handle>
tl::expected<std::string, std::string> get_string(rnp_result_t (*getter)(Handle, char**),
                                                  Handle handle, std::string_view what) {
  char* raw = nullptr;
  rnp_result_t rc = getter(handle, &raw);
  Buffer owned(raw);
  if (rc != RNP_SUCCESS) return tl::unexpected(error(what, rc));
  return std::string(raw ? raw : "");
}

}  // namespace lotse::openpgp::rnp
