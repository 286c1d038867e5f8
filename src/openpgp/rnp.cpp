#include "openpgp/rnp.hpp"

#include <fcntl.h>
#include <unistd.h>

namespace lotse::openpgp::rnp {

std::string error(std::string_view what, rnp_result_t code) {
  return std::string(what) + ": " + rnp_result_to_string(code);
}

tl::expected<Ffi, std::string> make_ffi() {
  rnp_ffi_t raw = nullptr;
  if (rnp_result_t rc = rnp_ffi_create(&raw, "GPG", "GPG"); rc != RNP_SUCCESS) {
    return tl::unexpected(error("cannot set up librnp", rc));
  }
  Ffi ffi(raw);
  // The context's own diagnostics would go to stderr; the errors Lotse
  // returns say what went wrong. The context owns (and closes) the fd.
  int sink = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (sink >= 0 && rnp_ffi_set_log_fd(ffi.get(), sink) != RNP_SUCCESS) ::close(sink);
  return ffi;
}

namespace {

// The reader of an input without bytes: at its end from the start.
bool read_nothing(void*, void*, size_t, size_t* read) {
  *read = 0;
  return true;
}

}  // namespace

tl::expected<Input, std::string> input_from(std::string_view bytes) {
  rnp_input_t raw = nullptr;
  // rnp refuses a memory input of zero bytes ("Buffer too short"), yet an
  // empty document has a signature like any other.
  rnp_result_t rc = bytes.empty()
                        ? rnp_input_from_callback(&raw, read_nothing, nullptr, nullptr)
                        : rnp_input_from_memory(&raw, reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                                bytes.size(), false);
  if (rc != RNP_SUCCESS) return tl::unexpected(error("cannot read input", rc));
  return Input(raw);
}

tl::expected<Output, std::string> memory_output() {
  rnp_output_t raw = nullptr;
  if (rnp_result_t rc = rnp_output_to_memory(&raw, 0); rc != RNP_SUCCESS) {
    return tl::unexpected(error("cannot create output", rc));
  }
  return Output(raw);
}

tl::expected<std::string, std::string> contents(rnp_output_t output) {
  std::uint8_t* data = nullptr;
  std::size_t size = 0;
  if (rnp_result_t rc = rnp_output_memory_get_buf(output, &data, &size, false); rc != RNP_SUCCESS) {
    return tl::unexpected(error("cannot read output", rc));
  }
  return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace lotse::openpgp::rnp
