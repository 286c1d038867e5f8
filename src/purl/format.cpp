// to_string(): the canonical purl string (purl-spec docs/how-to-build.md).
#include <algorithm>

#include "purl/package_url.hpp"
#include "purl/percent.hpp"
#include "purl/text.hpp"
#include "purl/type_rules.hpp"

namespace lotse::purl {
namespace {

// Appends the non-empty '/'-separated segments of `text`, each encoded,
// joined by '/'; `skip_dots` also drops '.' and '..' (subpaths).
void append_segments(std::string& out, std::string_view text, bool skip_dots) {
  bool first = true;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('/', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view segment = text.substr(start, end - start);
    start = end + 1;
    if (segment.empty() || (skip_dots && (segment == "." || segment == ".."))) continue;
    if (!first) out += '/';
    detail::append_percent_encoded(out, segment);
    first = false;
  }
}

}  // namespace

std::string to_string(const PackageUrl& purl) {
  std::string out = "pkg:";
  std::string type = purl.type;
  detail::lowercase_ascii(type);
  out += type;
  out += '/';
  if (!purl.ns.empty()) {
    const std::size_t before = out.size();
    append_segments(out, purl.ns, false);
    if (out.size() > before) out += '/';
  }
  const detail::TypeRule* rule = detail::find_type_rule(type);
  if (rule && rule->name_is_path) {
    append_segments(out, purl.name, false);
  } else {
    detail::append_percent_encoded(out, purl.name);
  }
  if (!purl.version.empty()) {
    out += '@';
    detail::append_percent_encoded(out, purl.version);
  }

  std::vector<std::pair<std::string, const std::string*>> qualifiers;
  for (const auto& [key, value] : purl.qualifiers) {
    if (value.empty()) continue;
    std::string lower = key;
    detail::lowercase_ascii(lower);
    qualifiers.emplace_back(std::move(lower), &value);
  }
  std::stable_sort(qualifiers.begin(), qualifiers.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  char separator = '?';
  for (const auto& [key, value] : qualifiers) {
    out += separator;
    detail::append_percent_encoded(out, key);
    out += '=';
    detail::append_percent_encoded(out, *value);
    separator = '&';
  }

  std::string subpath;
  append_segments(subpath, purl.subpath, true);
  if (!subpath.empty()) {
    out += '#';
    out += subpath;
  }
  return out;
}

tl::expected<std::string, Error> canonicalize(std::string_view text, Mode mode) {
  auto purl = parse(text, mode);
  if (!purl) return tl::unexpected(std::move(purl.error()));
  return to_string(*purl);
}

const std::string* PackageUrl::qualifier(std::string_view key) const {
  const auto it = std::lower_bound(
      qualifiers.begin(), qualifiers.end(), key,
      [](const std::pair<std::string, std::string>& q, std::string_view k) { return q.first < k; });
  return it != qualifiers.end() && it->first == key ? &it->second : nullptr;
}

std::string Error::describe() const {
  if (offset == no_offset) return message;
  return "byte " + std::to_string(offset) + ": " + message;
}

}  // namespace lotse::purl
