#include "server/http/form.hpp"

#include <algorithm>
#include <cctype>

#include "util/hex.hpp"

namespace lotse::server::http {

const FormField* Form::find(std::string_view name) const {
  for (const FormField& field : fields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' && plus_is_space) {
      out += ' ';
    } else if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = util::hex_digit_value(static_cast<unsigned char>(text[i + 1]));
      const int low = util::hex_digit_value(static_cast<unsigned char>(text[i + 2]));
      if (high < 0 || low < 0) return std::nullopt;
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

tl::expected<Form, std::string> parse_urlencoded(std::string_view body) {
  Form form;
  while (!body.empty()) {
    const std::size_t end = std::min(body.find('&'), body.size());
    const std::string_view pair = body.substr(0, end);
    body.remove_prefix(std::min(end + 1, body.size()));
    if (pair.empty()) continue;
    if (form.fields.size() == kMaxFormFields) {
      return tl::unexpected("more than " + std::to_string(kMaxFormFields) + " form fields");
    }
    const std::size_t eq = pair.find('=');
    auto name = percent_decode(pair.substr(0, eq), true);
    auto value = percent_decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), true);
    if (!name || !value) return tl::unexpected(std::string("malformed percent escape in the form body"));
    form.fields.push_back(FormField{std::move(*name), std::move(*value), std::nullopt, ""});
  }
  return form;
}

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The parameter `name` of a header value such as
// `form-data; name="x"; filename="a.txt"` (quoted or token), if present.
std::optional<std::string> header_parameter(std::string_view value, std::string_view name) {
  std::size_t semicolon = value.find(';');
  while (semicolon != std::string_view::npos) {
    std::string_view rest = trim(value.substr(semicolon + 1));
    const std::size_t eq = rest.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    const std::string key = lower(trim(rest.substr(0, eq)));
    rest = trim(rest.substr(eq + 1));
    std::string parsed;
    std::size_t consumed = 0;
    if (!rest.empty() && rest.front() == '"') {
      std::size_t i = 1;
      for (; i < rest.size() && rest[i] != '"'; ++i) {
        if (rest[i] == '\\' && i + 1 < rest.size()) ++i;
        parsed += rest[i];
      }
      if (i >= rest.size()) return std::nullopt;  // unterminated quote
      consumed = i + 1;
    } else {
      consumed = std::min(rest.find(';'), rest.size());
      parsed = std::string(trim(rest.substr(0, consumed)));
    }
    if (key == name) return parsed;
    const std::size_t next = rest.find(';', consumed);
    if (next == std::string_view::npos) return std::nullopt;
    value = rest.substr(next);
    semicolon = 0;
  }
  return std::nullopt;
}

}  // namespace

tl::expected<Form, std::string> parse_multipart(std::string_view body, std::string_view content_type) {
  auto boundary = header_parameter(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 70) {
    return tl::unexpected(std::string("multipart/form-data without a valid boundary"));
  }
  const std::string delimiter = "--" + *boundary;
  // The body starts with the first delimiter (a preamble is allowed but
  // browsers send none; we accept one).
  std::size_t position = body.find(delimiter);
  if (position == std::string_view::npos) return tl::unexpected(std::string("multipart body without its boundary"));
  position += delimiter.size();
  Form form;
  const std::string separator = "\r\n" + delimiter;
  for (;;) {
    std::string_view rest = body.substr(position);
    if (rest.starts_with("--")) return form;  // the closing delimiter
    if (!rest.starts_with("\r\n")) return tl::unexpected(std::string("malformed multipart delimiter line"));
    rest.remove_prefix(2);
    const std::size_t headers_end = rest.find("\r\n\r\n");
    if (headers_end == std::string_view::npos) return tl::unexpected(std::string("multipart part without the end of its headers"));
    std::string_view headers = rest.substr(0, headers_end);
    std::string_view content = rest.substr(headers_end + 4);
    const std::size_t content_end = content.find(separator);
    if (content_end == std::string_view::npos) return tl::unexpected(std::string("multipart part without a closing boundary"));
    if (form.fields.size() == kMaxFormFields) {
      return tl::unexpected("more than " + std::to_string(kMaxFormFields) + " form fields");
    }
    FormField field;
    bool has_disposition = false;
    while (!headers.empty()) {
      const std::size_t line_end = std::min(headers.find("\r\n"), headers.size());
      const std::string_view line = headers.substr(0, line_end);
      headers.remove_prefix(std::min(line_end + 2, headers.size()));
      const std::size_t colon = line.find(':');
      if (colon == std::string_view::npos) return tl::unexpected(std::string("malformed multipart part header"));
      const std::string name = lower(trim(line.substr(0, colon)));
      const std::string_view value = trim(line.substr(colon + 1));
      if (name == "content-disposition") {
        if (lower(trim(value.substr(0, value.find(';')))) != "form-data") {
          return tl::unexpected(std::string("multipart part that is not form-data"));
        }
        auto part_name = header_parameter(value, "name");
        if (!part_name) return tl::unexpected(std::string("multipart part without a name"));
        field.name = std::move(*part_name);
        field.filename = header_parameter(value, "filename");
        has_disposition = true;
      } else if (name == "content-type") {
        field.media_type = lower(trim(value.substr(0, value.find(';'))));
      }
    }
    if (!has_disposition) return tl::unexpected(std::string("multipart part without Content-Disposition"));
    field.value = std::string(content.substr(0, content_end));
    form.fields.push_back(std::move(field));
    position = static_cast<std::size_t>(content.data() - body.data()) + content_end + separator.size();
  }
}

}  // namespace lotse::server::http
