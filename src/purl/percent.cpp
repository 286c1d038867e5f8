#include "json/utf8.hpp"
#include "purl/percent.hpp"
#include "util/hex.hpp"

#include "purl/text.hpp"

namespace lotse::purl::detail {
namespace {

bool stays_unencoded(char c) {
  return is_ascii_alpha(c) || is_ascii_digit(c) || c == '.' || c == '-' || c == '_' ||
         c == '~' || c == ':';
}

// Offset in `raw` of the sequence that produced decoded byte `index`.
std::size_t raw_position(std::string_view raw, std::size_t index) {
  std::size_t produced = 0;
  std::size_t i = 0;
  while (i < raw.size() && produced < index) {
    i += raw[i] == '%' ? 3 : 1;
    ++produced;
  }
  return i;
}

}  // namespace

tl::expected<std::string, Error> percent_decode(std::string_view raw, std::size_t offset,
                                                std::string_view what) {
  std::string out;
  out.reserve(raw.size());
  std::size_t i = 0;
  while (i < raw.size()) {
    const std::size_t percent = raw.find('%', i);
    out.append(raw.substr(i, percent - i));
    if (percent == std::string_view::npos) break;
    const int high = percent + 1 < raw.size() ? util::hex_digit_value(raw[percent + 1]) : -1;
    const int low = percent + 2 < raw.size() ? util::hex_digit_value(raw[percent + 2]) : -1;
    if (high < 0 || low < 0) {
      return tl::unexpected(Error{
          Error::Kind::syntax,
          "'%' in the " + std::string(what) + " is not followed by two hex digits: " +
              quote(raw.substr(percent, 3)) + " (a literal '%' is written %25)",
          offset + percent});
    }
    out += static_cast<char>(high * 16 + low);
    i = percent + 3;
  }
  if (const std::size_t bad = json::first_invalid_utf8(out); bad != out.size()) {
    return tl::unexpected(Error{Error::Kind::syntax,
                                "the percent-decoded " + std::string(what) +
                                    " is not valid UTF-8 (" + quote(out.substr(bad, 4)) + ")",
                                offset + raw_position(raw, bad)});
  }
  return out;
}

void append_percent_encoded(std::string& out, std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  for (char c : text) {
    if (stays_unencoded(c)) {
      out += c;
    } else {
      const auto byte = static_cast<unsigned char>(c);
      out += '%';
      out += hex[byte >> 4];
      out += hex[byte & 0xF];
    }
  }
}

}  // namespace lotse::purl::detail
