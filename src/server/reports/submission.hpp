// A vulnerability report as a reporter submits it, and the one set of rules
// it must pass, whichever way it arrives (the JSON API or the HTML form).
//
// The fields are those of the reports table (store/migrations.cpp): the
// reporter's contact (name, e-mail, organisation, phone) or anonymity; the
// affected vendor, product and version; description and impact; whether
// exploitation is known and whether the issue is already public; the
// planned disclosure date; credit consent and the name to credit; the
// reporter's OpenPGP public key; attachments. Text is kept exactly as sent
// (SQL or HTML metacharacters included: the store binds parameters and the
// pages escape), but must be UTF-8 without control characters other than
// tab and, in the long fields, line breaks; every text has a length cap.
//
// Thread safety: stateless functions over values.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "json/value.hpp"
#include "server/http/form.hpp"
#include "server/http/message.hpp"

namespace lotse::server::reports {

struct Attachment {
  std::string filename;
  std::string media_type;
  std::string content;
};

struct Submission {
  bool anonymous = false;
  std::optional<std::string> reporter_name;
  std::optional<std::string> reporter_email;
  std::optional<std::string> reporter_organisation;
  std::optional<std::string> reporter_phone;
  std::string vendor;
  std::string product;
  std::string version;
  std::string description;
  std::string impact;
  bool exploitation_known = false;
  bool already_public = false;
  std::optional<std::string> planned_disclosure_date;  // YYYY-MM-DD
  bool credit_consent = false;
  std::optional<std::string> credit_name;
  std::optional<std::string> reporter_openpgp_key;  // ASCII-armored public key
  std::vector<Attachment> attachments;
};

struct TextField {
  std::string_view name;
  std::size_t max_bytes;
  bool multi_line;  // line breaks allowed
};

// The text fields of a submission with their caps, in form order.
const std::vector<TextField>& text_fields();
// The yes/no fields, in form order.
const std::vector<std::string_view>& flag_fields();

struct AttachmentLimits {
  std::size_t max_count = 10;
  std::size_t max_total_bytes = 10u << 20;
};

using Errors = std::vector<http::FieldError>;

// A submission from the JSON object body of POST /api/v1/reports (the
// OpenAPI schema ReportSubmission); attachments carry their bytes as base64
// in "content_base64". Unknown members and wrong types are errors, as is
// everything validate() refuses.
tl::expected<Submission, Errors> from_json(const json::Value& object, const AttachmentLimits& limits);

// A submission from the fields of the HTML form (urlencoded, or multipart
// with files in "attachment" parts). Checkboxes are true when sent; empty
// text inputs count as absent.
tl::expected<Submission, Errors> from_form(const http::Form& form, const AttachmentLimits& limits);

// What every submission must satisfy (both of the above call it).
Errors validate(const Submission& submission, const AttachmentLimits& limits);

// The JSON Schema of the JSON body, for the OpenAPI document.
std::string json_schema();

}  // namespace lotse::server::reports
