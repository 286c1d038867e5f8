#include "schema/uri.hpp"

#include <cctype>
#include <optional>

namespace lotse::schema {
namespace {

struct Parts {
  std::optional<std::string_view> scheme, authority, query, fragment;
  std::string_view path;
};

Parts split(std::string_view uri) {
  Parts parts;
  // scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
  std::size_t colon = uri.find(':');
  if (colon != std::string_view::npos && colon > 0) {
    bool ok = std::isalpha(static_cast<unsigned char>(uri[0]));
    for (std::size_t i = 1; ok && i < colon; ++i) {
      char c = uri[i];
      ok = std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
    }
    if (ok) {
      parts.scheme = uri.substr(0, colon);
      uri.remove_prefix(colon + 1);
    }
  }
  if (std::size_t hash = uri.find('#'); hash != std::string_view::npos) {
    parts.fragment = uri.substr(hash + 1);
    uri = uri.substr(0, hash);
  }
  if (std::size_t q = uri.find('?'); q != std::string_view::npos) {
    parts.query = uri.substr(q + 1);
    uri = uri.substr(0, q);
  }
  if (uri.starts_with("//")) {
    uri.remove_prefix(2);
    std::size_t slash = uri.find('/');
    parts.authority = uri.substr(0, slash);
    uri = slash == std::string_view::npos ? std::string_view() : uri.substr(slash);
  }
  parts.path = uri;
  return parts;
}

// RFC 3986 5.2.4.
std::string remove_dot_segments(std::string_view input) {
  std::string output;
  while (!input.empty()) {
    if (input.starts_with("../")) {
      input.remove_prefix(3);
    } else if (input.starts_with("./")) {
      input.remove_prefix(2);
    } else if (input.starts_with("/./")) {
      input.remove_prefix(2);
    } else if (input == "/.") {
      input = "/";
    } else if (input.starts_with("/../") || input == "/..") {
      input = input.size() == 3 ? std::string_view("/") : input.substr(3);
      std::size_t last = output.rfind('/');
      output.resize(last == std::string::npos ? 0 : last);
    } else if (input == "." || input == "..") {
      input = {};
    } else {
      std::size_t start = input[0] == '/' ? 1 : 0;
      std::size_t next = input.find('/', start);
      if (next == std::string_view::npos) next = input.size();
      output.append(input.substr(0, next));
      input.remove_prefix(next);
    }
  }
  return output;
}

std::string compose(const Parts& p, const std::string& path) {
  std::string out;
  if (p.scheme) {
    out += *p.scheme;
    out += ':';
  }
  if (p.authority) {
    out += "//";
    out += *p.authority;
  }
  out += path;
  if (p.query) {
    out += '?';
    out += *p.query;
  }
  if (p.fragment) {
    out += '#';
    out += *p.fragment;
  }
  return out;
}

}  // namespace

std::string resolve_uri(std::string_view base, std::string_view reference) {
  if (base.empty()) return std::string(reference);
  Parts r = split(reference);
  Parts b = split(base);
  Parts t;
  std::string path;
  if (r.scheme) {
    t = r;
    path = remove_dot_segments(r.path);
  } else {
    if (r.authority) {
      t.authority = r.authority;
      path = remove_dot_segments(r.path);
      t.query = r.query;
    } else {
      if (r.path.empty()) {
        path = std::string(b.path);
        t.query = r.query ? r.query : b.query;
      } else {
        if (r.path[0] == '/') {
          path = remove_dot_segments(r.path);
        } else {
          std::string merged;
          if (b.authority && b.path.empty()) {
            merged = "/" + std::string(r.path);
          } else {
            std::size_t last = b.path.rfind('/');
            merged = (last == std::string_view::npos ? std::string() : std::string(b.path.substr(0, last + 1))) +
                     std::string(r.path);
          }
          path = remove_dot_segments(merged);
        }
        t.query = r.query;
      }
      t.authority = b.authority;
    }
    t.scheme = b.scheme;
  }
  t.fragment = r.fragment;
  return compose(t, path);
}

void split_fragment(std::string_view uri, std::string_view& without, std::string_view& fragment) {
  std::size_t hash = uri.find('#');
  if (hash == std::string_view::npos) {
    without = uri;
    fragment = {};
  } else {
    without = uri.substr(0, hash);
    fragment = uri.substr(hash + 1);
  }
}

std::string strip_fragment(std::string_view uri) {
  std::string_view without, fragment;
  split_fragment(uri, without, fragment);
  return std::string(without);
}

std::string percent_decode(std::string_view text) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string percent_encode_fragment(std::string_view pointer) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (char ch : pointer) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || std::string_view("-._~!$&'()*+,;=:@/?").find(ch) != std::string_view::npos) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace lotse::schema
