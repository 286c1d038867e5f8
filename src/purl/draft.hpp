// Decoded but not yet validated purl components (internal).
//
// parse() and build() differ only in how they obtain the components: parse()
// splits a string at its separators and percent-decodes, build() takes
// fields. Both then hand a Draft to finish(), so that the component rules of
// ECMA-427 5.6 and the type rules are written once and every error can still
// point at the byte where the offending component starts.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

#include "purl/package_url.hpp"

namespace lotse::purl::detail {

struct Located {
  std::string text;
  std::size_t offset = Error::no_offset;  // where `text` starts in parse()'s input
};

struct Draft {
  Located type;
  // Namespace segments followed by the name, decoded. The last element is
  // the name; for types whose name is a path (git) the first element is the
  // namespace and the rest is the name. Empty elements other than the last
  // are dropped by finish().
  std::vector<Located> path;
  std::size_t path_offset = Error::no_offset;
  Located version;
  // Keys as written (keys are never percent-encoded), values decoded.
  std::vector<std::pair<Located, Located>> qualifiers;
  std::size_t qualifiers_offset = Error::no_offset;
  std::vector<Located> subpath;  // decoded segments
  std::size_t subpath_offset = Error::no_offset;
};

// Applies the component rules of ECMA-427 5.6 and the type rules to `draft`
// and returns the canonical components.
tl::expected<PackageUrl, Error> finish(Draft&& draft, Mode mode);

}  // namespace lotse::purl::detail
