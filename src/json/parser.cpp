#include "json/parser.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <optional>

#include <simdjson.h>


#include "json/scan.hpp"
#include "json/utf8.hpp"
#include "util/flat_string_map.hpp"

namespace lotse::json {

std::string ParseError::describe() const {
  std::string out = "line " + std::to_string(where.line) + ", column " +
                    std::to_string(where.column) + ": " + message;
  if (first) {
    out += " (first at line " + std::to_string(first->line) + ", column " +
           std::to_string(first->column) + ")";
  }
  return out;
}

using namespace scan;


// The parser proper. One instance per parse() call; see parser.hpp for the
// contract. The grammar is driven by an explicit stack of open containers so
// that depth never consumes native stack.
// Work space of a parse: the open containers and the items/members not yet
// closed. Kept per thread and reused, so that validating thousands of small
// documents does not allocate and free it thousands of times.
struct ParseFrame {
  bool is_object;
  std::uint32_t offset;  // of the opening bracket
  std::size_t first;     // index of the first pending item / member
};
struct Scratch {
  std::vector<ParseFrame> stack;
  std::vector<Value> items;
  std::vector<Member> members;

  void reset() {
    stack.clear();
    items.clear();
    members.clear();
    // Give back what one huge document needed (limit: 64 MiB of members).
    if (members.capacity() > (1u << 20)) std::vector<Member>().swap(members);
    if (items.capacity() > (2u << 20)) std::vector<Value>().swap(items);
    if (stack.capacity() > 4096) std::vector<ParseFrame>().swap(stack);
  }
};

class Parser {
 public:
  Parser(Document& doc, const ParseLimits& limits, Scratch& scratch)
      : doc_(doc),
        limits_(limits),
        begin_(doc.source_->data()),
        p_(begin_),
        end_(begin_ + doc.source_->size()),
        stack_(scratch.stack),
        pending_items_(scratch.items),
        pending_members_(scratch.members) {}

  // The body of parse() (a member, as Document's storage is private).
  // `claimed_size`, when set, is the size of an input refused unread.
  static tl::expected<Document, ParseError> parse_document(std::string&& text,
                                                          const ParseLimits& limits,
                                                          std::size_t claimed_size = 0);

 private:
  bool run(std::size_t claimed_size);

  using Frame = ParseFrame;

  // Records the error (the first one wins) and returns false, so that hot
  // functions return a plain bool instead of a large expected<>.
  [[gnu::noinline, gnu::cold]] bool fail(ParseError::Kind kind, std::string message,
                                         const char* at) {
    if (!error_) {
      ParseError error;
      error.kind = kind;
      error.message = std::move(message);
      error.where = locate(doc_.source(), static_cast<std::size_t>(at - begin_));
      error_ = std::move(error);
    }
    return false;
  }

  void* allocate(std::size_t bytes);
  void skip_whitespace() { p_ = skip_json_whitespace(p_, end_); }
  std::uint32_t offset_of(const char* at) const {
    return static_cast<std::uint32_t>(at - begin_);
  }

  bool parse_string(std::string_view& out);
  [[gnu::noinline]] bool parse_escaped_string(const char* open, const char* start,
                                              std::string_view& out);
  bool parse_scalar(Value& out);
  bool parse_number(Value& out);
  bool check_duplicates(std::size_t first);
  Value close_array(const Frame& frame);
  Value close_object(const Frame& frame);
  bool parse_key();
  std::string describe_char(const char* at) const;

  Document& doc_;
  const ParseLimits& limits_;
  const char* begin_;
  const char* p_;
  const char* end_;
  std::vector<Frame>& stack_;
  std::vector<Value>& pending_items_;
  std::vector<Member>& pending_members_;
  std::byte* block_ = nullptr;
  std::size_t block_left_ = 0;
  std::size_t next_block_size_ = 0;
  std::optional<ParseError> error_;
};

void* Parser::allocate(std::size_t bytes) {
  bytes = (bytes + 7) & ~std::size_t{7};
  if (bytes > block_left_) {
    if (next_block_size_ == 0) {
      next_block_size_ = std::clamp<std::size_t>(doc_.source_->size(), 4096, 1u << 20);
    }
    std::size_t size = std::max(bytes, next_block_size_);
    next_block_size_ = std::min<std::size_t>(next_block_size_ * 2, 16u << 20);
    doc_.arena_.push_back(std::make_unique_for_overwrite<std::byte[]>(size));
    block_ = doc_.arena_.back().get();
    block_left_ = size;
  }
  void* result = block_;
  block_ += bytes;
  block_left_ -= bytes;
  return result;
}

std::string Parser::describe_char(const char* at) const {
  if (at >= end_) return "end of input";
  unsigned char c = static_cast<unsigned char>(*at);
  if (c >= 0x20 && c < 0x7f) return std::string("'") + static_cast<char>(c) + "'";
  char buf[16];
  std::snprintf(buf, sizeof buf, "byte 0x%02x", c);
  return buf;
}


// REQUIRES: *p_ == '"'. Leaves p_ after the closing quote.
inline bool Parser::parse_string(std::string_view& out) {
  const char* open = p_;
  const char* start = ++p_;
  // Fast scan: most strings have no escapes and can be viewed in place.
  p_ = scan_plain_string(p_, end_);
  if (p_ < end_ && *p_ == '"') {
    std::size_t length = static_cast<std::size_t>(p_ - start);
    if (length > limits_.max_string_length) {
      return fail(ParseError::Kind::string_too_long,
                  "string of " + std::to_string(length) + " bytes exceeds the limit of " +
                      std::to_string(limits_.max_string_length),
                  open);
    }
    ++p_;
    out = std::string_view(start, length);
    return true;
  }
  return parse_escaped_string(open, start, out);
}

bool Parser::parse_escaped_string(const char* open, const char* start, std::string_view& out_view) {
  if (p_ >= end_) return fail(ParseError::Kind::syntax, "unterminated string", open);
  // Slow path: find the end first, then decode into the arena. Decoded text
  // is never longer than its escaped form.
  const char* scan = p_;
  for (;;) {
    scan = scan_plain_string(scan, end_);  // stops at '"', '\\' or a control byte
    if (scan >= end_) return fail(ParseError::Kind::syntax, "unterminated string", open);
    if (*scan == '"') break;
    if (*scan != '\\') {
      return fail(ParseError::Kind::syntax,
                  "control character " + describe_char(scan) + " must be escaped in a string",
                  scan);
    }
    scan += 2;
    if (scan > end_) return fail(ParseError::Kind::syntax, "unterminated string", open);
  }
  std::size_t raw_length = static_cast<std::size_t>(scan - start);
  char* out_begin = static_cast<char*>(allocate(raw_length));
  std::memcpy(out_begin, start, static_cast<std::size_t>(p_ - start));
  char* out = out_begin + (p_ - start);
  while (*p_ != '"') {
    if (*p_ != '\\') {
      // Copy the plain run up to the next escape or the closing quote.
      const char* run_end = scan_plain_string(p_, scan);
      std::memcpy(out, p_, static_cast<std::size_t>(run_end - p_));
      out += run_end - p_;
      p_ = run_end;
      continue;
    }
    const char* escape = p_;
    char e = p_[1];
    p_ += 2;
    switch (e) {
      case '"': *out++ = '"'; break;
      case '\\': *out++ = '\\'; break;
      case '/': *out++ = '/'; break;
      case 'b': *out++ = '\b'; break;
      case 'f': *out++ = '\f'; break;
      case 'n': *out++ = '\n'; break;
      case 'r': *out++ = '\r'; break;
      case 't': *out++ = '\t'; break;
      case 'u': {
        unsigned cp = 0;
        if (!read_hex4(p_, end_, cp)) {
          return fail(ParseError::Kind::invalid_escape,
                      "\\u must be followed by four hex digits", escape);
        }
        p_ += 4;
        if (cp >= 0xDC00 && cp <= 0xDFFF) {
          return fail(ParseError::Kind::invalid_escape,
                      "lone low surrogate in \\u escape (not valid Unicode)", escape);
        }
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          unsigned low = 0;
          if (end_ - p_ < 6 || p_[0] != '\\' || p_[1] != 'u' || !read_hex4(p_ + 2, end_, low) ||
              low < 0xDC00 || low > 0xDFFF) {
            return fail(ParseError::Kind::invalid_escape,
                        "lone high surrogate in \\u escape: a low surrogate \\uDC00-\\uDFFF "
                        "must follow",
                        escape);
          }
          p_ += 6;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        out = append_utf8(out, cp);
        break;
      }
      default:
        return fail(ParseError::Kind::invalid_escape,
                    "invalid escape \\" + std::string(1, e) +
                        " (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
                    escape);
    }
  }
  ++p_;
  std::size_t length = static_cast<std::size_t>(out - out_begin);
  if (length > limits_.max_string_length) {
    return fail(ParseError::Kind::string_too_long,
                "string of " + std::to_string(length) + " bytes exceeds the limit of " +
                    std::to_string(limits_.max_string_length),
                open);
  }
  out_view = std::string_view(out_begin, length);
  return true;
}

bool Parser::parse_number(Value& v) {
  const char* start = p_;
  const char* q = p_;
  if (q < end_ && *q == '-') ++q;
  if (q >= end_ || !(*q >= '0' && *q <= '9')) {
    if (end_ - q >= 8 && std::memcmp(q, "Infinity", 8) == 0) {
      return fail(ParseError::Kind::syntax, "Infinity is not a JSON number", start);
    }
    return fail(ParseError::Kind::syntax,
                "expected a digit after '-', found " + describe_char(q), q);
  }
  std::uint64_t mantissa = 0;
  int digits = 0;
  int significant_trailing_zeros = 0;  // trailing zeros of all digits written
  bool all_zero = true;
  auto take_digit = [&](char c) {
    if (c != '0') {
      all_zero = false;
      significant_trailing_zeros = 0;
    } else {
      ++significant_trailing_zeros;
    }
    if (digits < 19) mantissa = mantissa * 10 + static_cast<unsigned>(c - '0');
    ++digits;
  };
  if (*q == '0') {
    take_digit(*q++);
    if (q < end_ && *q >= '0' && *q <= '9') {
      return fail(ParseError::Kind::syntax, "leading zeros are not allowed in JSON numbers",
                  start);
    }
  } else {
    while (q < end_ && *q >= '0' && *q <= '9') take_digit(*q++);
  }
  long fraction_digits = 0;
  bool has_fraction = false;
  if (q < end_ && *q == '.') {
    has_fraction = true;
    ++q;
    if (q >= end_ || !(*q >= '0' && *q <= '9')) {
      return fail(ParseError::Kind::syntax, "expected a digit after '.'", q);
    }
    while (q < end_ && *q >= '0' && *q <= '9') {
      take_digit(*q++);
      ++fraction_digits;
    }
  }
  long exponent = 0;
  bool has_exponent = false;
  if (q < end_ && (*q == 'e' || *q == 'E')) {
    has_exponent = true;
    ++q;
    bool negative = false;
    if (q < end_ && (*q == '+' || *q == '-')) negative = (*q++ == '-');
    if (q >= end_ || !(*q >= '0' && *q <= '9')) {
      return fail(ParseError::Kind::syntax, "expected a digit in the exponent", q);
    }
    while (q < end_ && *q >= '0' && *q <= '9') {
      if (exponent < 1'000'000'000) exponent = exponent * 10 + (*q - '0');
      ++q;
    }
    if (negative) exponent = -exponent;
  }
  v = Value();
  v.type_ = Type::number;
  v.offset_ = offset_of(start);
  v.text_ = start;
  v.size_ = static_cast<std::uint32_t>(q - start);
  bool negative = *start == '-';
  if (!has_fraction && !has_exponent && digits <= 18) {
    v.number_ = negative ? -static_cast<double>(mantissa) : static_cast<double>(mantissa);
    v.flag_ = true;
  } else {
    double d = 0;
    auto [end, ec] = std::from_chars(start, q, d);
    if (ec == std::errc::result_out_of_range) {
      // Overflow or underflow: decide by the decimal exponent.
      long magnitude = exponent + (digits - fraction_digits);
      d = magnitude > 0 ? HUGE_VAL : 0.0;
      if (negative) d = -d;
    }
    v.number_ = d;
    // Exact: integer when the last non-zero digit sits at or before the
    // decimal point once the exponent is applied.
    v.flag_ = all_zero || (exponent - fraction_digits + significant_trailing_zeros >= 0);
  }
  p_ = q;
  return true;
}

bool Parser::parse_scalar(Value& v) {
  const char* start = p_;
  v = Value();
  v.offset_ = offset_of(start);
  auto literal = [&](std::string_view word) {
    return static_cast<std::size_t>(end_ - p_) >= word.size() &&
           std::memcmp(p_, word.data(), word.size()) == 0;
  };
  switch (*p_) {
    case '"': {
      std::string_view text;
      if (!parse_string(text)) return false;
      v.type_ = Type::string;
      v.text_ = text.data();
      v.size_ = static_cast<std::uint32_t>(text.size());
      return true;
    }
    case 't':
      if (literal("true")) {
        p_ += 4;
        v.type_ = Type::boolean;
        v.flag_ = true;
        return true;
      }
      break;
    case 'f':
      if (literal("false")) {
        p_ += 5;
        v.type_ = Type::boolean;
        return true;
      }
      break;
    case 'n':
      if (literal("null")) {
        p_ += 4;
        return true;
      }
      break;
    case 'N':
      if (literal("NaN")) return fail(ParseError::Kind::syntax, "NaN is not a JSON value", p_);
      break;
    case 'I':
      if (literal("Infinity")) {
        return fail(ParseError::Kind::syntax, "Infinity is not a JSON number", p_);
      }
      break;
    default:
      if (*p_ == '-' || (*p_ >= '0' && *p_ <= '9')) return parse_number(v);
  }
  return fail(ParseError::Kind::syntax, "expected a JSON value, found " + describe_char(p_), p_);
}

bool Parser::parse_key() {
  if (p_ >= end_ || *p_ != '"') {
    return fail(ParseError::Kind::syntax,
                "expected a string key in object, found " + describe_char(p_), p_);
  }
  Member member;
  member.key_offset = offset_of(p_);
  if (!parse_string(member.key)) return false;
  skip_whitespace();
  if (p_ >= end_ || *p_ != ':') {
    return fail(ParseError::Kind::syntax,
                "expected ':' after object key, found " + describe_char(p_), p_);
  }
  ++p_;
  pending_members_.push_back(member);
  return true;
}

bool Parser::check_duplicates(std::size_t first) {
  const std::size_t count = pending_members_.size() - first;
  const Member* members = pending_members_.data() + first;
  auto report = [&](const Member& earlier, const Member& later) {
    fail(ParseError::Kind::duplicate_key, "duplicate object key \"" + std::string(later.key) + "\"",
         begin_ + later.key_offset);
    error_->first = locate(doc_.source(), earlier.key_offset);
    return false;
  };
  if (count <= 16) {
    for (std::size_t i = 1; i < count; ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (members[i].key == members[j].key) return report(members[j], members[i]);
      }
    }
    return true;
  }
  // Seeded hashing: an object with thousands of keys chosen to collide
  // must not make this check quadratic.
  util::FlatStringMap<std::size_t> seen(count);
  for (std::size_t i = 0; i < count; ++i) {
    auto [first, inserted] = seen.try_emplace(members[i].key, i);
    if (!inserted) return report(members[*first], members[i]);
  }
  return true;
}

Value Parser::close_array(const Frame& frame) {
  Value v;
  v.type_ = Type::array;
  v.offset_ = frame.offset;
  std::size_t count = pending_items_.size() - frame.first;
  if (count > 0) {
    auto* items = static_cast<Value*>(allocate(count * sizeof(Value)));
    std::uninitialized_copy_n(pending_items_.data() + frame.first, count, items);
    v.items_ = items;
  }
  v.size_ = static_cast<std::uint32_t>(count);
  pending_items_.resize(frame.first);
  return v;
}

Value Parser::close_object(const Frame& frame) {
  Value v;
  v.type_ = Type::object;
  v.offset_ = frame.offset;
  std::size_t count = pending_members_.size() - frame.first;
  if (count > 0) {
    auto* members = static_cast<Member*>(allocate(count * sizeof(Member)));
    std::uninitialized_copy_n(pending_members_.data() + frame.first, count, members);
    v.members_ = members;
  }
  v.size_ = static_cast<std::uint32_t>(count);
  pending_members_.resize(frame.first);
  return v;
}

bool Parser::run(std::size_t claimed_size) {
  const std::size_t size = std::max(claimed_size, doc_.source_->size());
  if (size > limits_.max_size || size > 0xFFFFFFFFu) {
    return fail(ParseError::Kind::too_large,
                "input of " + std::to_string(size) + " bytes exceeds the limit of " +
                    std::to_string(std::min<std::size_t>(limits_.max_size, 0xFFFFFFFFu)) +
                    " bytes",
                begin_);
  }
  if (size >= 3 && std::memcmp(begin_, "\xEF\xBB\xBF", 3) == 0) {
    return fail(ParseError::Kind::byte_order_mark,
                "byte order mark at the start (RFC 8259 section 8.1 forbids it in JSON texts)",
                begin_);
  }
  if (!simdjson::validate_utf8(begin_, size)) {
    std::size_t bad = first_invalid_utf8(doc_.source());
    return fail(ParseError::Kind::invalid_utf8, "invalid UTF-8 byte sequence", begin_ + bad);
  }
  skip_whitespace();
  if (p_ >= end_) {
    return fail(ParseError::Kind::empty_input, "empty input: expected a JSON value", p_);
  }

  Value value;
  for (;;) {
    // State: a value starts at p_ (whitespace skipped).
    if (p_ >= end_) {
      return fail(ParseError::Kind::syntax, "unexpected end of input: expected a JSON value", p_);
    }
    if (*p_ == '{' || *p_ == '[') {
      if (stack_.size() >= limits_.max_depth) {
        return fail(ParseError::Kind::too_deep,
                    "nesting deeper than the limit of " + std::to_string(limits_.max_depth) +
                        " arrays/objects",
                    p_);
      }
      bool is_object = *p_ == '{';
      stack_.push_back({is_object, offset_of(p_),
                        is_object ? pending_members_.size() : pending_items_.size()});
      ++p_;
      skip_whitespace();
      if (p_ < end_ && *p_ == (is_object ? '}' : ']')) {
        ++p_;
        Frame frame = stack_.back();
        stack_.pop_back();
        value = is_object ? close_object(frame) : close_array(frame);
      } else {
        if (is_object) {
          if (!parse_key()) return false;
          skip_whitespace();
        }
        continue;
      }
    } else {
      if (!parse_scalar(value)) return false;
    }

    // State: `value` is complete; attach it to its container.
    for (;;) {
      if (stack_.empty()) {
        doc_.root_ = value;
        skip_whitespace();
        if (p_ != end_) {
          return fail(ParseError::Kind::trailing_content,
                      "unexpected " + describe_char(p_) + " after the JSON value", p_);
        }
        return true;
      }
      Frame& frame = stack_.back();
      if (frame.is_object) {
        pending_members_.back().value = value;
      } else {
        pending_items_.push_back(value);
      }
      skip_whitespace();
      if (p_ < end_ && *p_ == ',') {
        ++p_;
        skip_whitespace();
        if (frame.is_object) {
          if (!parse_key()) return false;
          skip_whitespace();
        }
        break;  // parse the next value
      }
      char close = frame.is_object ? '}' : ']';
      if (p_ < end_ && *p_ == close) {
        ++p_;
        Frame done = frame;
        stack_.pop_back();
        if (done.is_object) {
          if (!check_duplicates(done.first)) return false;
          value = close_object(done);
        } else {
          value = close_array(done);
        }
        continue;  // attach the closed container to its parent
      }
      return fail(ParseError::Kind::syntax,
                  std::string("expected ',' or '") + close + "', found " + describe_char(p_), p_);
    }
  }
}

tl::expected<Document, ParseError> parse(std::string_view text, const ParseLimits& limits) {
  if (text.size() > limits.max_size) {
    // Refuse before copying: the error needs no copy of a huge input.
    return Parser::parse_document(std::string(text.substr(0, 0)), limits, text.size());
  }
  return Parser::parse_document(std::string(text), limits);
}

tl::expected<Document, ParseError> parse(std::string&& text, const ParseLimits& limits) {
  return Parser::parse_document(std::move(text), limits);
}

tl::expected<Document, ParseError> Parser::parse_document(std::string&& text,
                                                         const ParseLimits& limits,
                                                         std::size_t claimed_size) {
  Document doc;
  doc.source_ = std::make_unique<const std::string>(std::move(text));
  thread_local Scratch scratch;
  scratch.reset();
  Parser parser(doc, limits, scratch);
  bool ok = parser.run(claimed_size);
  scratch.reset();
  if (!ok) return tl::unexpected(std::move(*parser.error_));
  return doc;
}

}  // namespace lotse::json
