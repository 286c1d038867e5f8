// Which subtags of a language tag are reserved for private use (RFC 5646),
// for test 6.2.14 Use of Private Language:
//   - the primary language, script and region subtags that the IANA
//     Language Subtag Registry marks "Scope: private-use" (qaa..qtz,
//     Qaaa..Qabx, AA, QM..QZ, XA..XZ, ZZ; read from the embedded registry,
//     resources/data/language/subtags.json, so they follow its updates);
//   - every subtag after the singleton "x" (section 2.2.7, "private use
//     subtags"), including tags that are private use as a whole ("x-...").
// Subtags compare ignoring ASCII case (RFC 5646 2.1.1).
//
// The split into language, extlang, script and region follows the RFC 5646
// `langtag` production positionally. It duplicates a little of
// csaf/language_tag.cpp, whose parser is not public.
//
// Thread safety: the embedded ranges are read once, on first use, behind a
// thread-safe static; afterwards everything is reentrant.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lotse::csaf::optional {

struct PrivateUseSubtag {
  std::string_view kind;    // "primary language", "script", "region" or "private use"
  std::string_view subtag;  // view into the tag; for "private use" the subtags after "x" ("x-foo-bar")
};

// The subtags of `tag` reserved for private use, in tag order. REQUIRES:
// `tag` is well-formed (check_language_tag_syntax); grandfathered tags
// (which contain none) yield nothing.
std::vector<PrivateUseSubtag> private_use_subtags(std::string_view tag);

}  // namespace lotse::csaf::optional
