#include "json/writer.hpp"

#include "json/utf8.hpp"

namespace lotse::json {

void write_string(std::string& out, std::string_view text) {
  static const char* hex = "0123456789abcdef";
  out += '"';
  while (!text.empty()) {
    std::size_t bad = first_invalid_utf8(text);
    for (std::size_t i = 0; i < bad; ++i) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
          if (c < 0x20) {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
          } else {
            out += static_cast<char>(c);
          }
      }
    }
    if (bad >= text.size()) break;
    out += "\xEF\xBF\xBD";  // U+FFFD for one ill-formed byte
    text.remove_prefix(bad + 1);
  }
  out += '"';
}

void write_value(std::string& out, const Value& value) {
  switch (value.type()) {
    case Type::null: out += "null"; break;
    case Type::boolean: out += value.as_bool() ? "true" : "false"; break;
    case Type::number: out += value.text(); break;
    case Type::string: write_string(out, value.as_string()); break;
    case Type::array: {
      out += '[';
      bool first = true;
      for (const Value& item : value.items()) {
        if (!first) out += ',';
        first = false;
        write_value(out, item);
      }
      out += ']';
      break;
    }
    case Type::object: {
      out += '{';
      bool first = true;
      for (const Member& m : value.members()) {
        if (!first) out += ',';
        first = false;
        write_string(out, m.key);
        out += ':';
        write_value(out, m.value);
      }
      out += '}';
      break;
    }
  }
}

}  // namespace lotse::json
