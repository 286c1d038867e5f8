// The component rules of ECMA-427 5.6, shared by parse() and build().
#include <algorithm>

#include "purl/draft.hpp"
#include "purl/text.hpp"
#include "purl/type_rules.hpp"

namespace lotse::purl::detail {
namespace {

tl::unexpected<Error> component_error(std::string message, std::size_t offset) {
  return tl::unexpected(Error{Error::Kind::component, std::move(message), offset});
}

// 5.6.2: ASCII letters, digits, '.' and '-', starting with a letter;
// case-insensitive, canonical lowercase.
tl::expected<std::string, Error> check_type(const Located& type) {
  if (type.text.empty()) return component_error("the type is missing", type.offset);
  if (!is_ascii_alpha(type.text[0])) {
    return component_error("the type " + quote(type.text) + " must start with an ASCII letter",
                           type.offset);
  }
  for (std::size_t i = 0; i < type.text.size(); ++i) {
    const char c = type.text[i];
    if (is_ascii_alpha(c) || is_ascii_digit(c) || c == '.' || c == '-') continue;
    const std::size_t at = type.offset == Error::no_offset ? type.offset : type.offset + i;
    if (c == '%') return component_error("the type must not be percent-encoded", at);
    return component_error("the type " + quote(type.text) + " contains " +
                               quote(std::string_view(&c, 1)) +
                               "; only ASCII letters, digits, '.' and '-' are allowed",
                           at);
  }
  std::string out = type.text;
  lowercase_ascii(out);
  return out;
}

// 5.6.6: lowercase ASCII letters, digits, '.', '-', '_', starting with a
// letter, never percent-encoded. Repair mode lowercases uppercase letters.
tl::expected<std::string, Error> check_key(const Located& key, Mode mode) {
  if (key.text.empty()) return component_error("a qualifier has an empty key", key.offset);
  std::string out = key.text;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const char c = out[i];
    const std::size_t at = key.offset == Error::no_offset ? key.offset : key.offset + i;
    if (is_ascii_upper(c)) {
      if (mode == Mode::strict) {
        return component_error("the qualifier key " + quote(key.text) + " must be lowercase",
                               at);
      }
      out[i] = ascii_lower(c);
    } else if (c == '%') {
      return component_error(
          "the qualifier key " + quote(key.text) + " must not be percent-encoded", at);
    } else if (!(c >= 'a' && c <= 'z') && !is_ascii_digit(c) && c != '.' && c != '-' &&
               c != '_') {
      return component_error("the qualifier key " + quote(key.text) + " contains " +
                                 quote(std::string_view(&c, 1)) +
                                 "; only a-z, 0-9, '.', '-' and '_' are allowed",
                             at);
    }
  }
  if (!is_ascii_alpha(out[0])) {
    return component_error(
        "the qualifier key " + quote(key.text) + " must start with an ASCII letter", key.offset);
  }
  return out;
}

std::size_t offset_of(Component component, const Draft& draft, std::size_t ns_offset,
                      std::size_t name_offset) {
  switch (component) {
    case Component::type: return draft.type.offset;
    case Component::ns: return ns_offset;
    case Component::name: return name_offset;
    case Component::version: return draft.version.offset;
    case Component::qualifiers: return draft.qualifiers_offset;
    case Component::subpath: return draft.subpath_offset;
  }
  return Error::no_offset;
}

}  // namespace

tl::expected<PackageUrl, Error> finish(Draft&& draft, Mode mode) {
  PackageUrl purl;
  auto type = check_type(draft.type);
  if (!type) return tl::unexpected(std::move(type.error()));
  purl.type = std::move(*type);
  const TypeRule* rule = find_type_rule(purl.type);

  // Namespace and name (5.6.3, 5.6.4).
  std::vector<Located>& path = draft.path;
  if (path.empty() || path.back().text.empty()) {
    return component_error("the name is required",
                           path.empty() ? draft.path_offset : path.back().offset);
  }
  std::erase_if(path, [](const Located& segment) { return segment.text.empty(); });
  const bool name_is_path = rule && rule->name_is_path;
  const std::size_t name_start = name_is_path ? (path.size() > 1 ? 1 : 0) : path.size() - 1;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const bool in_name = i >= name_start;
    if (in_name && !name_is_path) continue;  // a plain name may contain '/' (%2F)
    if (path[i].text.find('/') != std::string::npos) {
      return component_error(std::string(in_name ? "a name" : "a namespace") + " segment " +
                                 quote(path[i].text) + " contains '/'",
                             path[i].offset);
    }
  }
  for (std::size_t i = 0; i < path.size(); ++i) {
    std::string& target = i < name_start ? purl.ns : purl.name;
    if (!target.empty()) target += '/';
    target += path[i].text;
  }
  const std::size_t ns_offset = name_start > 0 ? path[0].offset : draft.path_offset;
  const std::size_t name_offset = path[name_start].offset;

  purl.version = std::move(draft.version.text);

  // Qualifiers (5.6.6): valid keys, empty values dropped, sorted, unique.
  std::vector<std::size_t> key_offsets;
  for (auto& [key, value] : draft.qualifiers) {
    auto checked = check_key(key, mode);
    if (!checked) return tl::unexpected(std::move(checked.error()));
    if (value.text.empty()) continue;
    purl.qualifiers.emplace_back(std::move(*checked), std::move(value.text));
    key_offsets.push_back(key.offset);
  }
  std::vector<std::size_t> order(purl.qualifiers.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return purl.qualifiers[a].first < purl.qualifiers[b].first;
  });
  for (std::size_t i = 1; i < order.size(); ++i) {
    if (purl.qualifiers[order[i]].first == purl.qualifiers[order[i - 1]].first) {
      return component_error("the qualifier key " + quote(purl.qualifiers[order[i]].first) +
                                 " appears more than once",
                             key_offsets[std::max(order[i], order[i - 1])]);
    }
  }
  std::vector<std::pair<std::string, std::string>> sorted;
  sorted.reserve(order.size());
  for (std::size_t index : order) sorted.push_back(std::move(purl.qualifiers[index]));
  purl.qualifiers = std::move(sorted);

  // Subpath (5.6.7): empty, '.' and '..' segments are not significant.
  for (const Located& segment : draft.subpath) {
    if (segment.text.find('/') != std::string::npos) {
      return component_error("a subpath segment " + quote(segment.text) + " contains '/'",
                             segment.offset);
    }
    if (segment.text.empty() || segment.text == "." || segment.text == "..") continue;
    if (!purl.subpath.empty()) purl.subpath += '/';
    purl.subpath += segment.text;
  }

  if (rule) {
    if (auto violation = apply_type_rule(*rule, purl, mode)) {
      return tl::unexpected(
          Error{Error::Kind::type_rule, std::move(violation->message),
                offset_of(violation->component, draft, ns_offset, name_offset)});
    }
  }
  return purl;
}

}  // namespace lotse::purl::detail
