// build(): decoded components to canonical components (purl-spec
// docs/how-to-build.md), then finish() for the component rules.
#include <optional>

#include "purl/draft.hpp"
#include "json/utf8.hpp"
#include "purl/text.hpp"
#include "purl/type_rules.hpp"

namespace lotse::purl {
namespace {

using detail::Draft;
using detail::Located;

// Splits `text` on '/', dropping empty segments (leading, trailing and
// doubled slashes are not significant).
void append_segments(std::vector<Located>& out, std::string_view text) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('/', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.push_back(Located{std::string(text.substr(start, end - start))});
    start = end + 1;
  }
}

std::string_view strip_slashes(std::string_view text) {
  while (!text.empty() && text.front() == '/') text.remove_prefix(1);
  while (!text.empty() && text.back() == '/') text.remove_suffix(1);
  return text;
}

}  // namespace

tl::expected<PackageUrl, Error> build(const PackageUrl& components, Mode mode) {
  const auto check_utf8 = [](std::string_view text, std::string_view what)
      -> std::optional<Error> {
    if (json::first_invalid_utf8(text) == text.size()) return std::nullopt;
    return Error{Error::Kind::syntax, "the " + std::string(what) + " is not valid UTF-8"};
  };
  std::optional<Error> error = check_utf8(components.type, "type");
  if (!error) error = check_utf8(components.ns, "namespace");
  if (!error) error = check_utf8(components.name, "name");
  if (!error) error = check_utf8(components.version, "version");
  if (!error) error = check_utf8(components.subpath, "subpath");
  for (const auto& [key, value] : components.qualifiers) {
    if (!error) error = check_utf8(key, "qualifier key");
    if (!error) error = check_utf8(value, "qualifier value");
  }
  if (error) return tl::unexpected(std::move(*error));

  Draft draft;
  draft.type = Located{components.type};
  append_segments(draft.path, components.ns);
  std::string type = components.type;
  detail::lowercase_ascii(type);
  const detail::TypeRule* rule = detail::find_type_rule(type);
  const std::size_t before_name = draft.path.size();
  if (rule && rule->name_is_path) {
    append_segments(draft.path, components.name);
  } else if (!strip_slashes(components.name).empty()) {
    draft.path.push_back(Located{std::string(strip_slashes(components.name))});
  }
  if (draft.path.size() == before_name) draft.path.push_back(Located{});  // no name
  draft.version = Located{components.version};
  for (const auto& [key, value] : components.qualifiers) {
    draft.qualifiers.emplace_back(Located{key}, Located{value});
  }
  append_segments(draft.subpath, components.subpath);
  return detail::finish(std::move(draft), mode);
}

}  // namespace lotse::purl
