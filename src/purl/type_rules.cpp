// The table of registered purl types, transcribed from purl-spec
// `types/*-definition.json` at commit 16f3d0e39343d47d1ac3d559b7e110f25eac1513
// (2026-08-21, the commit of ../shared/testsuites/purl). `case_sensitive`
// defaults to true in the definition schema, so only `false` appears here.
//
// Prose rules deliberately not applied (they give no checkable rule):
// alpm's vercmp(8) version normalization, hackage's "kebab-case", swid's
// lowercase GUID tag_id.
#include "purl/type_rules.hpp"

#include <array>

#include "purl/text.hpp"

namespace lotse::purl::detail {
namespace {

constexpr Requirement optional = Requirement::optional;
constexpr Requirement required = Requirement::required;
constexpr Requirement prohibited = Requirement::prohibited;

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!is_ascii_digit(c)) return false;
  }
  return true;
}

// name `^[a-p]{32}$`, version `^\d+(\.\d+){0,3}$`.
std::optional<Violation> check_chrome_extension(PackageUrl& purl, Mode) {
  bool id = purl.name.size() == 32;
  for (char c : purl.name) id = id && c >= 'a' && c <= 'p';
  if (!id) {
    return Violation{Component::name,
                     "a chrome-extension name is the extension id, 32 letters a-p; not " +
                         quote(purl.name)};
  }
  if (purl.version.empty()) return std::nullopt;
  std::size_t parts = 0;
  std::size_t start = 0;
  bool numeric = true;
  while (numeric) {
    const std::size_t dot = purl.version.find('.', start);
    numeric = all_digits(std::string_view(purl.version).substr(start, dot - start));
    ++parts;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  if (!numeric || parts > 4) {
    return Violation{Component::version,
                     "a chrome-extension version is 1 to 4 dot-separated numbers; not " +
                         quote(purl.version)};
  }
  return std::nullopt;
}

// The name is a distribution name; the namespace, when present, the
// uppercase CPAN author id.
std::optional<Violation> check_cpan(PackageUrl& purl, Mode mode) {
  if (purl.name.find("::") != std::string::npos) {
    return Violation{Component::name,
                     "a cpan name is a distribution name (URI-PackageURL), not a module name "
                     "with '::': " +
                         quote(purl.name)};
  }
  for (char& c : purl.ns) {
    if (c < 'a' || c > 'z') continue;
    if (mode == Mode::strict) {
      return Violation{Component::ns,
                       "a cpan namespace is a CPAN author id and is uppercase: " + quote(purl.ns)};
    }
    c = ascii_upper(c);
  }
  return std::nullopt;
}

// Databricks model names are case-insensitive, Azure ML ones are not.
std::optional<Violation> check_mlflow(PackageUrl& purl, Mode) {
  const std::string* repository = purl.qualifier("repository_url");
  if (repository && contains_ignoring_ascii_case(*repository, "databricks")) {
    lowercase_ascii(purl.name);
  }
  return std::nullopt;
}

std::optional<Violation> check_pub(PackageUrl& purl, Mode) {
  for (char c : purl.name) {
    if (!(c >= 'a' && c <= 'z') && !is_ascii_digit(c) && c != '_') {
      return Violation{Component::name,
                       "a pub name has only the characters a-z, 0-9 and '_': " + quote(purl.name)};
    }
  }
  return std::nullopt;
}

// "Replace underscore _ with dash -".
std::optional<Violation> check_pypi(PackageUrl& purl, Mode) {
  for (char& c : purl.name) {
    if (c == '_') c = '-';
  }
  return std::nullopt;
}

// At most two namespace segments: the creator's name and regid.
std::optional<Violation> check_swid(PackageUrl& purl, Mode) {
  const auto first = purl.ns.find('/');
  if (first != std::string::npos && purl.ns.find('/', first + 1) != std::string::npos) {
    return Violation{Component::ns,
                     "a swid namespace has at most two segments (creator name and regid): " +
                         quote(purl.ns)};
  }
  return std::nullopt;
}

// Components a rule lowercases (their definition says case_sensitive: false).
constexpr unsigned kNs = 1, kName = 2, kVersion = 4, kSubpath = 8;
constexpr bool kNameIsPath = true;

constexpr TypeRule row(std::string_view type, Requirement ns, unsigned lowercase,
                       TypeCheck check = nullptr, std::string_view required_qualifier = {},
                       bool name_is_path = false) {
  TypeRule rule;
  rule.type = type;
  rule.ns = ns;
  rule.ns_lowercase = (lowercase & kNs) != 0;
  rule.name_lowercase = (lowercase & kName) != 0;
  rule.version_lowercase = (lowercase & kVersion) != 0;
  rule.subpath_lowercase = (lowercase & kSubpath) != 0;
  rule.name_is_path = name_is_path;
  rule.required_qualifier = required_qualifier;
  rule.check = check;
  return rule;
}

constexpr std::array kRules = {
    row("alpm", required, kNs | kName),
    row("apk", required, kNs | kName),
    row("bazel", prohibited, 0),
    row("bitbucket", required, kNs | kName),
    row("bitnami", prohibited, kName),
    row("brew", optional, kNs | kName),
    row("cargo", prohibited, 0),
    row("chrome-extension", prohibited, kName, check_chrome_extension),
    row("cocoapods", prohibited, 0),
    row("composer", required, kNs | kName),
    row("conan", optional, 0),
    row("conda", prohibited, 0),
    row("cpan", optional, 0, check_cpan),
    row("cran", prohibited, 0),
    row("deb", required, kNs | kName),
    row("docker", optional, 0),
    row("gem", prohibited, 0),
    row("generic", optional, 0),
    row("git", required, 0, nullptr, {}, kNameIsPath),
    row("github", required, kNs | kName),
    row("golang", required, 0),
    row("hackage", prohibited, 0),
    row("hex", optional, kNs | kName),
    row("huggingface", required, kVersion),
    row("julia", prohibited, 0, nullptr, "uuid"),
    row("luarocks", optional, kNs | kName),
    row("maven", required, 0),
    row("mlflow", prohibited, 0, check_mlflow),
    row("npm", optional, 0),
    row("nuget", prohibited, 0),
    row("oci", prohibited, kName | kVersion),
    row("opam", prohibited, 0),
    row("otp", prohibited, kName | kSubpath),
    row("pub", prohibited, kName, check_pub),
    row("pypi", prohibited, kName | kVersion, check_pypi),
    row("qpkg", required, kNs),
    row("rpm", required, kNs),
    row("swid", optional, 0, check_swid, "tag_id"),
    row("swift", required, 0),
    row("vcpkg", prohibited, 0),
    row("vscode-extension", required, kNs | kName | kVersion),
    row("yocto", optional, kNs),
};

}  // namespace

const TypeRule* find_type_rule(std::string_view type) {
  for (const TypeRule& rule : kRules) {
    if (rule.type == type) return &rule;
  }
  return nullptr;
}

std::optional<Violation> apply_type_rule(const TypeRule& rule, PackageUrl& purl, Mode mode) {
  const std::string type(rule.type);
  if (rule.ns == Requirement::required && purl.ns.empty()) {
    return Violation{Component::ns, "type '" + type + "' requires a namespace"};
  }
  if (rule.ns == Requirement::prohibited && !purl.ns.empty()) {
    return Violation{Component::ns,
                     "type '" + type + "' has no namespace, but found " + quote(purl.ns)};
  }
  if (rule.ns_lowercase) lowercase_ascii(purl.ns);
  if (rule.name_lowercase) lowercase_ascii(purl.name);
  if (rule.version_lowercase) lowercase_ascii(purl.version);
  if (rule.subpath_lowercase) lowercase_ascii(purl.subpath);
  if (!rule.required_qualifier.empty() && !purl.qualifier(rule.required_qualifier)) {
    return Violation{Component::qualifiers, "type '" + type + "' requires the qualifier '" +
                                                std::string(rule.required_qualifier) + "'"};
  }
  return rule.check ? rule.check(purl, mode) : std::nullopt;
}

}  // namespace lotse::purl::detail

namespace lotse::purl {

bool is_registered_type(std::string_view type) { return detail::find_type_rule(type) != nullptr; }

}  // namespace lotse::purl
