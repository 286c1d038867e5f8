// JSON Schema `format` assertions: strict checkers for the string formats
// that Lotse asserts (date/time, URI/IRI, email, hostname, IP addresses,
// UUID, JSON Pointer, duration). The engine calls check_format() only for
// string instances; non-strings always pass and are not handled here.
//
// Every checker takes arbitrary bytes (invalid UTF-8, embedded NULs, huge
// inputs), never throws, never recurses, and runs in time linear in the
// input. A checker that needs Unicode (iri, json-pointer) rejects ill-formed
// UTF-8. All functions are stateless and thread-safe.
#pragma once

#include <optional>
#include <string_view>

namespace lotse::schema {

// The one entry point the validator uses: true when `value` conforms to the
// format named `format`. Unknown format names return true, because formats
// are open-ended per the spec; use is_known_format() to report them.
bool check_format(std::string_view format, std::string_view value);

// True when check_format() actually asserts `format` (so callers can warn
// about formats that are silently accepted, e.g. "idn-hostname").
bool is_known_format(std::string_view format);

// RFC 3339 section 5.6 date-time: full-date "T" full-time. 'T'/'Z' may be
// lower case; offsets are "Z" or +/-hh:mm (hh <= 23, mm <= 59); second 60 is
// accepted only where the time, shifted to UTC, is 23:59:60.
bool is_date_time(std::string_view value);

// The fields of an RFC 3339 date-time that is_date_time() accepts, for
// callers that compute with it (CSAF compares timestamps as instants):
// `fraction` views the digits after '.', `offset_minutes` is the offset east
// of UTC. nullopt exactly when is_date_time() is false.
struct DateTimeFields {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  int offset_minutes = 0;
  std::string_view fraction;
};
std::optional<DateTimeFields> parse_date_time_fields(std::string_view value);

// RFC 3339 full-date "YYYY-MM-DD" with the real number of days per month
// (Gregorian leap years).
bool is_date(std::string_view value);

// RFC 3339 full-time: partial-time plus a REQUIRED offset, with the same
// leap-second rule as is_date_time().
bool is_time(std::string_view value);

// RFC 3986 URI: scheme required, ASCII only, percent-escapes well-formed,
// authority/host/port per the grammar (IPv6 literals checked strictly).
bool is_uri(std::string_view value);

// RFC 3986 URI-reference: a URI or a relative reference.
bool is_uri_reference(std::string_view value);

// RFC 3987 IRI: like is_uri() but with UTF-8 encoded `ucschar` allowed in
// userinfo, host, path, query and fragment, and `iprivate` in the query.
bool is_iri(std::string_view value);

// RFC 3987 IRI-reference: an IRI or a relative IRI reference.
bool is_iri_reference(std::string_view value);

// RFC 5321 Mailbox: dot-atom or quoted-string local part (<= 64 octets),
// then a hostname (see is_hostname) or an address literal "[IPv4]" or
// "[IPv6:...]".
bool is_email(std::string_view value);

// RFC 4122 textual UUID, 8-4-4-4-12 hex digits, any case, no braces/URN.
bool is_uuid(std::string_view value);

// RFC 6901 JSON Pointer: "" or "/"-prefixed tokens where '~' is followed by
// '0' or '1'. Must be well-formed UTF-8.
bool is_json_pointer(std::string_view value);

// Relative JSON Pointer as referenced by draft 2020-12
// (draft-bhutton-relative-json-pointer-00): a non-negative integer without
// leading zeros, an optional index manipulation ("+"/"-" and another such
// integer), then "#" or a JSON Pointer.
bool is_relative_json_pointer(std::string_view value);

// RFC 1123 host name: ASCII letter/digit/hyphen labels of 1..63 octets, no
// leading/trailing hyphen, total <= 253, no trailing dot. Labels starting
// with "xn--" (any case) must be IDNA2008 A-labels: canonical Punycode whose
// U-label passes RFC 5891/5892 and the RFC 5893 Bidi rule (NFC unchecked).
bool is_hostname(std::string_view value);

// Dotted-quad IPv4 address: four decimal octets 0..255, no leading zeros.
bool is_ipv4(std::string_view value);

// RFC 4291 section 2.2 text forms (with "::" compression and a trailing
// embedded dotted quad); no zone ids, no brackets, no prefix lengths.
bool is_ipv6(std::string_view value);

// RFC 3339 appendix A ISO 8601 duration ("P1Y2M3DT4H5M6S", "P2W"),
// integers only, upper-case designators.
bool is_duration(std::string_view value);

}  // namespace lotse::schema
