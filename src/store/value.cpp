#include "store/value.hpp"

#include <string_view>

#include "json/utf8.hpp"

namespace lotse::store {

Result<void> check_parameters(const std::vector<Value>& params) {
  for (std::size_t i = 0; i < params.size(); ++i) {
    const auto* text = std::get_if<std::string>(&params[i]);
    if (text == nullptr) continue;
    const std::string where = "parameter $" + std::to_string(i + 1);
    if (text->find('\0') != std::string::npos) {
      return fail(Error::Kind::invalid_argument, where + ": text contains NUL (store it as a blob)");
    }
    const std::size_t bad = json::first_invalid_utf8(*text);
    if (bad != text->size()) {
      return fail(Error::Kind::invalid_argument,
                  where + ": text is not UTF-8 (byte " + std::to_string(bad) + ")");
    }
  }
  return {};
}

}  // namespace lotse::store
