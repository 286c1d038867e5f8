// ECMA-262 regular expressions for JSON Schema, evaluated in linear time through RE2.
//
// JSON Schema `pattern`, `patternProperties` and `format: "regex"` use ECMA-262 regular
// expressions in Unicode mode (the `u` flag), written by whoever published the schema.
// Backtracking engines (std::regex, PCRE) take exponential time or overflow the stack on
// hostile patterns or long subjects, so Lotse never runs them: a hand-written, non-recursive
// scanner validates the pattern against the ECMA-262 `u`-mode grammar and translates it into
// RE2 syntax, and RE2 (an automaton engine) evaluates it in time linear in the subject.
// Constructs that have no linear-time equivalent (backreferences, most lookarounds) are valid
// ECMA-262 (`is_ecma_regex` is true) but `EcmaRegex::compile` rejects them with a readable
// error. The translation table and every deviation are documented in docs/ecma-regex.md.
//
// Thread safety: an EcmaRegex is immutable after compile(); copies share the compiled RE2
// programs through a std::shared_ptr<const ...>, and RE2 matching is thread-safe, so one
// instance (or its copies) may be used from any number of threads at once. The free
// functions are pure and thread-safe.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <tl/expected.hpp>

namespace lotse::schema {

// A compiled ECMA-262 pattern (JSON Schema `pattern` semantics: unanchored search, Unicode
// mode, no flags), evaluated in linear time through RE2.
class EcmaRegex {
 public:
  // Longest pattern compile() accepts, in bytes; longer ones are rejected, not truncated.
  static constexpr std::size_t kMaxPatternBytes = 64 * 1024;

  // Why: patterns come from untrusted schemas, so failure is an expected outcome reported as a
  // message naming the construct and its byte offset in the pattern, never an exception.
  // Rejects invalid ECMA-262 and valid constructs RE2 cannot evaluate in linear time.
  static tl::expected<EcmaRegex, std::string> compile(std::string_view pattern);

  // Why: JSON Schema `pattern` is RegExp.prototype.test, i.e. a match anywhere in the string.
  // `subject` is UTF-8; invalid UTF-8 never crashes: each maximal invalid sequence is matched
  // as U+FFFD (REPLACEMENT CHARACTER), as a decoder would have produced it.
  bool search(std::string_view subject) const;

  // Why: error messages and reports must quote the pattern as the schema author wrote it.
  const std::string& source() const;

 private:
  struct Program;  // the compiled RE2 programs (defined in ecma_regex.cpp)
  explicit EcmaRegex(std::shared_ptr<const Program> program);
  std::shared_ptr<const Program> program_;
};

// Why: `format: "regex"` asks for syntactic validity only, so this accepts every valid
// ECMA-262 `u`-mode pattern, including ones compile() rejects (e.g. backreferences `(a)\1`).
bool is_ecma_regex(std::string_view pattern);

// Why: lets tests and diagnostics show exactly what RE2 is asked to run. For patterns with a
// leading lookahead (`^(?!X)rest`) the result is not one RE2 pattern: the lookahead bodies are
// shown in place as `(?=...)`/`(?!...)`, while compile() runs them as separate RE2 programs.
tl::expected<std::string, std::string> translate_ecma_to_re2(std::string_view pattern);

}  // namespace lotse::schema
