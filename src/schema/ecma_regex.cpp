// EcmaRegex: compiles the RE2 translation of an ECMA-262 pattern and evaluates it.
#include "schema/ecma_regex.hpp"

#include <re2/re2.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schema/ecma_regex_detail.hpp"

namespace lotse::schema {
namespace {

constexpr std::int64_t kMaxMemPerProgram = 32 << 20;
constexpr std::size_t kMaxPrograms = 64;  // RE2 programs per pattern (lookahead splitting)

// Prefixes of compile()'s errors; "unsupported" ones name valid ECMA-262 (is_ecma_regex true).
constexpr const char* kInvalid = "invalid ECMA-262 regular expression";
constexpr const char* kUnsupported = "unsupported ECMA-262 regular expression";

// `\B` is the only construct that can hold at a byte offset inside a multi-byte character,
// where RE2's unanchored search may start; this prefix restricts starts to character boundaries.
constexpr const char* kCharacterBoundaryPrefix = "^(?s:.)*?(?:";

RE2::Options re2_options() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  options.set_max_mem(kMaxMemPerProgram);
  options.set_never_capture(true);  // search only: groups never need to capture
  options.set_case_sensitive(true);
  return options;
}

// The branches without lookahead conditions, as one RE2 pattern (empty if there are none).
std::string plain_pattern(const detail::Analysis& analysis, bool& any) {
  std::string out;
  any = false;
  for (const detail::Branch& branch : analysis.branches) {
    if (!branch.lookaheads.empty()) continue;
    if (any) out += '|';
    out += branch.re2;
    any = true;
  }
  if (any && analysis.has_non_word_boundary) out = kCharacterBoundaryPrefix + out + ")";
  return out;
}

tl::expected<detail::Analysis, std::string> analyze_for_translation(std::string_view pattern) {
  if (pattern.size() > EcmaRegex::kMaxPatternBytes) {
    const detail::Analysis syntax = detail::analyze(pattern, false);
    if (!syntax.syntax_error.empty()) {
      return tl::unexpected(std::string(kInvalid) + " " + syntax.syntax_error);
    }
    return tl::unexpected(std::string(kUnsupported) + ": pattern is longer than " +
                          std::to_string(EcmaRegex::kMaxPatternBytes) + " bytes");
  }
  detail::Analysis analysis = detail::analyze(pattern, true);
  if (!analysis.syntax_error.empty()) {
    return tl::unexpected(std::string(kInvalid) + " " + analysis.syntax_error);
  }
  if (!analysis.unsupported.empty()) {
    return tl::unexpected(std::string(kUnsupported) + " " + analysis.unsupported);
  }
  return analysis;
}

bool is_valid_utf8(std::string_view s) {
  for (std::size_t pos = 0; pos < s.size();) {
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const detail::Utf8Char ch = detail::decode_utf8(s, pos);
    if (!ch.ok) return false;
    pos += ch.len;
  }
  return true;
}

// Replaces each maximal invalid subpart by U+FFFD (the WHATWG / Unicode §3.9 practice).
std::string with_replacement_characters(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (std::size_t pos = 0; pos < s.size();) {
    const detail::Utf8Char ch = detail::decode_utf8(s, pos);
    if (ch.ok) {
      out.append(s.substr(pos, ch.len));
    } else {
      out += "\xEF\xBF\xBD";
    }
    pos += ch.len;
  }
  return out;
}

}  // namespace

struct EcmaRegex::Program {
  struct Condition {
    bool negative;
    std::unique_ptr<const RE2> prefix;  // `^(?:body)`: matches at offset 0
  };
  struct Guarded {
    std::vector<Condition> conditions;
    std::unique_ptr<const RE2> rest;  // starts with `^`
  };

  std::string source;
  std::unique_ptr<const RE2> plain;  // null when every branch has lookaheads
  std::vector<Guarded> guarded;
};

EcmaRegex::EcmaRegex(std::shared_ptr<const Program> program) : program_(std::move(program)) {}

tl::expected<EcmaRegex, std::string> EcmaRegex::compile(std::string_view pattern) {
  auto analysis = analyze_for_translation(pattern);
  if (!analysis) return tl::unexpected(std::move(analysis.error()));

  auto program = std::make_shared<Program>();
  program->source = std::string(pattern);
  std::size_t programs = 0;
  std::string error;
  const auto build = [&](const std::string& text) {
    auto re = std::make_unique<const RE2>(text, re2_options());
    if (!re->ok() && error.empty()) {
      error = std::string(kUnsupported) + ": RE2 cannot compile the translation: " + re->error();
    }
    ++programs;
    return re;
  };
  bool any_plain = false;
  const std::string plain = plain_pattern(*analysis, any_plain);
  if (any_plain) program->plain = build(plain);
  for (std::size_t k = 0; error.empty() && k < analysis->branches.size(); ++k) {
    const detail::Branch& branch = analysis->branches[k];
    if (branch.lookaheads.empty()) continue;
    if (programs + branch.lookaheads.size() + 1 > kMaxPrograms) {
      return tl::unexpected(std::string(kUnsupported) + ": more than " +
                            std::to_string(kMaxPrograms) + " leading lookaheads and alternatives");
    }
    Program::Guarded guarded;
    for (const detail::Lookahead& lookahead : branch.lookaheads) {
      guarded.conditions.push_back({lookahead.negative, build("^(?:" + lookahead.re2 + ")")});
    }
    guarded.rest = build(branch.re2);
    program->guarded.push_back(std::move(guarded));
  }
  if (!error.empty()) return tl::unexpected(std::move(error));
  return EcmaRegex(std::move(program));
}

bool EcmaRegex::search(std::string_view subject) const {
  if (!program_) return false;  // moved-from
  std::string repaired;
  if (!is_valid_utf8(subject)) {
    repaired = with_replacement_characters(subject);
    subject = repaired;
  }
  const re2::StringPiece text(subject.data(), subject.size());
  if (program_->plain && RE2::PartialMatch(text, *program_->plain)) return true;
  for (const Program::Guarded& guarded : program_->guarded) {
    bool holds = true;
    for (const Program::Condition& condition : guarded.conditions) {
      if (RE2::PartialMatch(text, *condition.prefix) == condition.negative) {
        holds = false;
        break;
      }
    }
    if (holds && RE2::PartialMatch(text, *guarded.rest)) return true;
  }
  return false;
}

const std::string& EcmaRegex::source() const {
  static const std::string kEmpty;
  return program_ ? program_->source : kEmpty;
}

bool is_ecma_regex(std::string_view pattern) {
  return detail::analyze(pattern, false).syntax_error.empty();
}

tl::expected<std::string, std::string> translate_ecma_to_re2(std::string_view pattern) {
  auto analysis = analyze_for_translation(pattern);
  if (!analysis) return tl::unexpected(std::move(analysis.error()));
  bool guarded = false;
  for (const detail::Branch& branch : analysis->branches) {
    guarded = guarded || !branch.lookaheads.empty();
  }
  bool any_plain = false;
  if (!guarded) return plain_pattern(*analysis, any_plain);
  // Diagnostic form: lookahead bodies shown in place, right after the leading '^'.
  std::string out;
  for (const detail::Branch& branch : analysis->branches) {
    if (!out.empty() || &branch != &analysis->branches.front()) out += '|';
    if (branch.lookaheads.empty()) {
      out += branch.re2;
      continue;
    }
    out += '^';
    for (const detail::Lookahead& lookahead : branch.lookaheads) {
      out += lookahead.negative ? "(?!" : "(?=";
      out += lookahead.re2;
      out += ')';
    }
    out += branch.re2.substr(1);
  }
  return out;
}

}  // namespace lotse::schema
