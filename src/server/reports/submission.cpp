#include "server/reports/submission.hpp"

#include <algorithm>

#include "json/utf8.hpp"
#include "openpgp/key.hpp"
#include "server/base64.hpp"
#include "server/json_input.hpp"
#include "server/json_writer.hpp"

namespace lotse::server::reports {
namespace {

struct TextSlot {
  TextField field;
  bool required;
  std::string Submission::*plain;                 // a required (or always present) text
  std::optional<std::string> Submission::*optional;  // an optional text
};

const std::vector<TextSlot>& slots() {
  static const std::vector<TextSlot> kSlots = {
      {{"reporter_name", 200, false}, false, nullptr, &Submission::reporter_name},
      {{"reporter_email", 254, false}, false, nullptr, &Submission::reporter_email},
      {{"reporter_organisation", 200, false}, false, nullptr, &Submission::reporter_organisation},
      {{"reporter_phone", 50, false}, false, nullptr, &Submission::reporter_phone},
      {{"vendor", 200, false}, true, &Submission::vendor, nullptr},
      {{"product", 200, false}, true, &Submission::product, nullptr},
      {{"version", 200, false}, false, &Submission::version, nullptr},
      {{"description", 64u << 10, true}, true, &Submission::description, nullptr},
      {{"impact", 16u << 10, true}, false, &Submission::impact, nullptr},
      {{"planned_disclosure_date", 10, false}, false, nullptr, &Submission::planned_disclosure_date},
      {{"credit_name", 200, false}, false, nullptr, &Submission::credit_name},
      {{"reporter_openpgp_key", 64u << 10, true}, false, nullptr, &Submission::reporter_openpgp_key},
  };
  return kSlots;
}

struct FlagSlot {
  std::string_view name;
  bool Submission::*member;
};

const std::vector<FlagSlot>& flag_slots() {
  static const std::vector<FlagSlot> kFlags = {
      {"anonymous", &Submission::anonymous},
      {"exploitation_known", &Submission::exploitation_known},
      {"already_public", &Submission::already_public},
      {"credit_consent", &Submission::credit_consent},
  };
  return kFlags;
}

// Puts `value` into the submission's slot; empty optional texts stay absent.
void assign(Submission& submission, const TextSlot& slot, std::string value) {
  if (slot.plain) {
    submission.*slot.plain = std::move(value);
  } else if (!value.empty()) {
    submission.*slot.optional = std::move(value);
  }
}

const std::string* value_of(const Submission& submission, const TextSlot& slot) {
  if (slot.plain) return &(submission.*slot.plain);
  const auto& optional = submission.*slot.optional;
  return optional ? &*optional : nullptr;
}

// Why `text` is not acceptable in a field, or empty.
std::string text_problem(std::string_view text, const TextField& field) {
  if (text.size() > field.max_bytes) return "must be at most " + std::to_string(field.max_bytes) + " bytes long";
  if (json::first_invalid_utf8(text) != text.size()) return "must be UTF-8 text";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte == '\t') continue;
    if ((byte == '\n' || byte == '\r') && field.multi_line) continue;
    if (byte < 0x20 || byte == 0x7f) {
      return field.multi_line ? "must not contain control characters other than tab and line breaks"
                              : "must be one line without control characters";
    }
  }
  return {};
}

bool blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

bool valid_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const int year = std::stoi(std::string(text.substr(0, 4)));
  const int month = std::stoi(std::string(text.substr(5, 2)));
  const int day = std::stoi(std::string(text.substr(8, 2)));
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool plausible_email(std::string_view text) {
  const std::size_t at = text.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == text.size()) return false;
  return std::none_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t'; });
}

std::string attachment_problem(const Attachment& attachment) {
  if (attachment.filename.empty()) return "needs a file name";
  if (attachment.filename.size() > 255) return "file name longer than 255 bytes";
  if (json::first_invalid_utf8(attachment.filename) != attachment.filename.size()) return "file name is not UTF-8";
  for (const char c : attachment.filename) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f || c == '/' || c == '\\') {
      return "file name must not contain control characters, / or \\";
    }
  }
  if (attachment.filename == "." || attachment.filename == "..") return "file name must not be . or ..";
  const std::string& type = attachment.media_type;
  const std::size_t slash = type.find('/');
  const bool token = !type.empty() && type.size() <= 127 &&
                     std::all_of(type.begin(), type.end(), [](char c) {
                       return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                              std::string_view("!#$&-^_.+/").find(c) != std::string_view::npos;
                     });
  if (!token || slash == std::string::npos || slash == 0 || slash + 1 == type.size() ||
      type.find('/', slash + 1) != std::string::npos) {
    return "media type must look like type/subtype";
  }
  return {};
}

}  // namespace

const std::vector<TextField>& text_fields() {
  static const std::vector<TextField> kFields = [] {
    std::vector<TextField> fields;
    for (const TextSlot& slot : slots()) fields.push_back(slot.field);
    return fields;
  }();
  return kFields;
}

const std::vector<std::string_view>& flag_fields() {
  static const std::vector<std::string_view> kFlags = [] {
    std::vector<std::string_view> flags;
    for (const FlagSlot& slot : flag_slots()) flags.push_back(slot.name);
    return flags;
  }();
  return kFlags;
}

Errors validate(const Submission& submission, const AttachmentLimits& limits) {
  Errors errors;
  auto error = [&](std::string_view name, std::string message) { errors.push_back({std::string(name), std::move(message)}); };
  for (const TextSlot& slot : slots()) {
    const std::string* value = value_of(submission, slot);
    if (slot.required && (value == nullptr || blank(*value))) {
      error(slot.field.name, "is required");
      continue;
    }
    if (value == nullptr) continue;
    if (std::string problem = text_problem(*value, slot.field); !problem.empty()) error(slot.field.name, problem);
  }
  if (submission.anonymous) {
    for (auto member : {&Submission::reporter_name, &Submission::reporter_email, &Submission::reporter_organisation,
                        &Submission::reporter_phone}) {
      if (submission.*member) {
        for (const TextSlot& slot : slots()) {
          if (slot.optional == member) error(slot.field.name, "must be empty in an anonymous report");
        }
      }
    }
  } else if (!submission.reporter_email) {
    error("reporter_email", "is required unless the report is anonymous");
  } else if (!plausible_email(*submission.reporter_email)) {
    error("reporter_email", "must be an e-mail address (name@domain)");
  }
  if (submission.planned_disclosure_date && !valid_date(*submission.planned_disclosure_date)) {
    error("planned_disclosure_date", "must be a date YYYY-MM-DD");
  }
  if (submission.credit_consent && (!submission.credit_name || blank(*submission.credit_name))) {
    error("credit_name", "is required when credit_consent is given");
  }
  if (!submission.credit_consent && submission.credit_name) {
    error("credit_name", "must be empty without credit_consent");
  }
  if (submission.reporter_openpgp_key && text_problem(*submission.reporter_openpgp_key, slots().back().field).empty()) {
    auto key = openpgp::Key::import(*submission.reporter_openpgp_key);
    if (!key) {
      error("reporter_openpgp_key", "is not an OpenPGP public key: " + key.error());
    } else if (key->has_secret()) {
      error("reporter_openpgp_key", "contains a secret key; send only the public key");
    }
  }
  if (submission.attachments.size() > limits.max_count) {
    error("attachments", "at most " + std::to_string(limits.max_count) + " attachments");
  }
  std::size_t total = 0;
  for (std::size_t i = 0; i < submission.attachments.size(); ++i) {
    total += submission.attachments[i].content.size();
    if (std::string problem = attachment_problem(submission.attachments[i]); !problem.empty()) {
      error("attachments[" + std::to_string(i) + "]", problem);
    }
  }
  if (total > limits.max_total_bytes) {
    error("attachments", "together larger than " + std::to_string(limits.max_total_bytes) + " bytes");
  }
  return errors;
}

tl::expected<Submission, Errors> from_json(const json::Value& object, const AttachmentLimits& limits) {
  JsonObject input(object);
  std::vector<std::string_view> known;
  for (const TextSlot& slot : slots()) known.push_back(slot.field.name);
  for (const FlagSlot& slot : flag_slots()) known.push_back(slot.name);
  known.push_back("attachments");
  for (const json::Member& member : object.members()) {
    if (std::find(known.begin(), known.end(), member.key) == known.end()) {
      input.add_error(std::string(member.key), "unknown field");
    }
  }
  Submission submission;
  for (const TextSlot& slot : slots()) {
    if (auto text = input.text(slot.field.name)) assign(submission, slot, std::move(*text));
  }
  for (const FlagSlot& slot : flag_slots()) submission.*slot.member = input.flag(slot.name);
  if (const json::Value* attachments = input.array("attachments")) {
    if (attachments->size() > limits.max_count) {
      input.add_error("attachments", "at most " + std::to_string(limits.max_count) + " attachments");
    } else {
      for (std::size_t i = 0; i < attachments->size(); ++i) {
        const std::string where = "attachments[" + std::to_string(i) + "]";
        const json::Value& item = attachments->items()[i];
        if (!item.is_object()) {
          input.add_error(where, "must be an object");
          continue;
        }
        JsonObject part(item, where + ".");
        part.allow_only({"filename", "media_type", "content_base64"});
        Attachment attachment;
        attachment.filename = part.text("filename").value_or("");
        attachment.media_type = part.text("media_type").value_or("application/octet-stream");
        auto encoded = part.text("content_base64");
        if (!encoded) {
          part.add_error("content_base64", "is required");
        } else if (encoded->size() / 4 * 3 > limits.max_total_bytes + 3) {
          part.add_error("content_base64", "larger than " + std::to_string(limits.max_total_bytes) + " bytes");
        } else if (auto bytes = decode_base64(*encoded)) {
          attachment.content = std::move(*bytes);
        } else {
          part.add_error("content_base64", "is not base64");
        }
        for (auto& e : part.errors()) input.errors().push_back(std::move(e));
        submission.attachments.push_back(std::move(attachment));
      }
    }
  }
  if (!input.errors().empty()) return tl::unexpected(std::move(input.errors()));
  Errors errors = validate(submission, limits);
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  return submission;
}

tl::expected<Submission, Errors> from_form(const http::Form& form, const AttachmentLimits& limits) {
  Submission submission;
  Errors errors;
  for (const http::FormField& field : form.fields) {
    if (field.name == "attachment") {
      if (!field.filename) {
        errors.push_back({"attachment", "must be a file"});
      } else if (!field.filename->empty() || !field.value.empty()) {  // empty: no file chosen
        submission.attachments.push_back(Attachment{
            *field.filename, field.media_type.empty() ? "application/octet-stream" : field.media_type, field.value});
      }
      continue;
    }
    auto text = std::find_if(slots().begin(), slots().end(), [&](const TextSlot& s) { return s.field.name == field.name; });
    auto flag = std::find_if(flag_slots().begin(), flag_slots().end(), [&](const FlagSlot& s) { return s.name == field.name; });
    if (field.filename) {
      errors.push_back({field.name, "must be text, not a file"});
    } else if (text != slots().end()) {
      if (value_of(submission, *text) != nullptr && !value_of(submission, *text)->empty()) {
        errors.push_back({field.name, "sent more than once"});
      } else {
        assign(submission, *text, field.value);
      }
    } else if (flag != flag_slots().end()) {
      const std::string& v = field.value;
      submission.*flag->member = !(v.empty() || v == "false" || v == "0" || v == "off" || v == "no");
    } else {
      errors.push_back({field.name, "unknown field"});
    }
  }
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  errors = validate(submission, limits);
  if (!errors.empty()) return tl::unexpected(std::move(errors));
  return submission;
}

std::string json_schema() {
  JsonWriter out;
  out.begin_object().key("type").string("object").key("additionalProperties").boolean(false);
  out.key("required").begin_array().string("vendor").string("product").string("description").end_array();
  out.key("properties").begin_object();
  for (const TextSlot& slot : slots()) {
    out.key(slot.field.name).begin_object();
    if (slot.required) {
      out.key("type").string("string");
    } else {
      out.key("type").begin_array().string("string").string("null").end_array();
    }
    out.key("maxLength").number(static_cast<std::int64_t>(slot.field.max_bytes));
    if (slot.field.name == "planned_disclosure_date") out.key("format").string("date");
    if (slot.field.name == "reporter_email") out.key("format").string("email");
    out.end_object();
  }
  for (const FlagSlot& slot : flag_slots()) {
    out.key(slot.name).begin_object().key("type").begin_array().string("boolean").string("null").end_array().end_object();
  }
  out.key("attachments").begin_object().key("type").string("array").key("items").begin_object();
  out.key("type").string("object").key("additionalProperties").boolean(false);
  out.key("required").begin_array().string("filename").string("content_base64").end_array();
  out.key("properties").begin_object();
  out.key("filename").begin_object().key("type").string("string").key("maxLength").number(255).end_object();
  out.key("media_type").begin_object().key("type").string("string").end_object();
  out.key("content_base64").begin_object().key("type").string("string").key("contentEncoding").string("base64").end_object();
  out.end_object().end_object().end_object();
  out.end_object().end_object();
  return out.take();
}

}  // namespace lotse::server::reports
