#include <cctype>
#include <charconv>

#include "server/accounts/auth.hpp"
#include "server/json_input.hpp"
#include "server/json_writer.hpp"
#include "server/reports/routes.hpp"

namespace lotse::server::reports {

AttachmentLimits attachment_limits(const App& app) {
  return AttachmentLimits{app.config().max_attachments, app.config().max_attachment_bytes};
}

std::optional<http::Response> intake_refusal(App& app, const http::Request& request) {
  const std::string key = "intake " + request.client_address;
  if (const std::int64_t wait = app.intake_limiter().retry_after(key); wait > 0) {
    return http::error_response(429, "rate_limited", "too many reports from this address; try again later")
        .with_header("Retry-After", std::to_string(wait));
  }
  app.intake_limiter().record(key);
  return std::nullopt;
}

std::string follow_path(const std::string& tracking_id, const std::string& secret) {
  return "/follow/" + tracking_id + "/" + secret;
}

std::string render_json(const StoredReport& report, bool for_staff) {
  const Submission& s = report.submission;
  JsonWriter out;
  out.begin_object();
  if (for_staff) out.key("id").number(report.id);
  out.key("tracking_id").string(report.tracking_id).key("created_at").number(report.created_at);
  out.key("anonymous").boolean(s.anonymous);
  out.key("reporter_name").optional_string(s.reporter_name);
  out.key("reporter_email").optional_string(s.reporter_email);
  out.key("reporter_organisation").optional_string(s.reporter_organisation);
  out.key("reporter_phone").optional_string(s.reporter_phone);
  out.key("vendor").string(s.vendor).key("product").string(s.product).key("version").string(s.version);
  out.key("description").string(s.description).key("impact").string(s.impact);
  out.key("exploitation_known").boolean(s.exploitation_known).key("already_public").boolean(s.already_public);
  out.key("planned_disclosure_date").optional_string(s.planned_disclosure_date);
  out.key("credit_consent").boolean(s.credit_consent).key("credit_name").optional_string(s.credit_name);
  out.key("reporter_openpgp_key").optional_string(s.reporter_openpgp_key);
  out.key("attachments").begin_array();
  for (const AttachmentInfo& a : report.attachments) {
    out.begin_object();
    if (for_staff) out.key("id").number(a.id);
    out.key("filename").string(a.filename).key("media_type").string(a.media_type);
    out.key("size").number(a.size).end_object();
  }
  out.end_array().end_object();
  return out.take();
}

namespace {

http::Response submit(App& app, http::Request& request) {
  if (auto refused = intake_refusal(app, request)) return std::move(*refused);
  tl::expected<json::Document, http::Response> document = tl::unexpected(http::Response{});
  if (request.media_type() == "application/pgp-encrypted") {
    const auto& key = app.config().intake_key;
    if (!key) {
      return http::error_response(415, "no_intake_key", "this server takes no encrypted reports; send application/json");
    }
    // The plaintext holds the attachments in base64 and the text fields.
    const std::size_t max_plaintext = app.config().max_attachment_bytes / 3 * 4 + (2u << 20);
    auto plaintext = key->decrypt(request.body, max_plaintext);
    if (!plaintext) return http::error_response(422, "undecryptable", plaintext.error());
    document = parse_json_object(*plaintext);
  } else {
    document = parse_json_body(request);
  }
  if (!document) return std::move(document.error());
  auto submission = from_json(document->root(), attachment_limits(app));
  if (!submission) return invalid_fields(submission.error());
  auto created = app.intake_writer().insert(*submission, app.now());
  if (!created) return storage_failure("store the report", created.error());
  const std::string path = follow_path(created->tracking_id, created->secret);
  JsonWriter out;
  out.begin_object().key("tracking_id").string(created->tracking_id);
  out.key("follow_url").string(app.config().public_url + path);
  out.key("follow_api_url").string(app.config().public_url + "/api/v1" + path);
  out.end_object();
  return http::json_response(201, out.take()).with_header("Location", "/api/v1" + path);
}

// A non-negative integer query argument, `fallback` when absent, nullopt
// when malformed or above `max`.
std::optional<std::int64_t> integer_argument(const http::Request& request, std::string_view name,
                                             std::int64_t fallback, std::int64_t max) {
  auto text = request.query_value(name);
  if (!text) return fallback;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size() || value < 0 || value > max) return std::nullopt;
  return value;
}

// A positive integer path segment, or nullopt.
std::optional<std::int64_t> integer_argument_text(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

http::Response list_reports(App& app, http::Request& request) {
  auto user = accounts::require_role(app, request, {"admin", "coordinator"});
  if (!user) return std::move(user.error());
  auto limit = integer_argument(request, "limit", 50, 500);
  auto offset = integer_argument(request, "offset", 0, std::int64_t{1} << 40);
  if (!limit || !offset) {
    return invalid_fields({{!limit ? "limit" : "offset", !limit ? "must be an integer 0-500" : "must be an integer >= 0"}});
  }
  auto reports = list(app.database(), *limit, *offset);
  if (!reports) return storage_failure("list reports", reports.error());
  JsonWriter out;
  out.begin_object().key("reports").begin_array();
  for (const StoredReport& report : *reports) out.raw(render_json(report, true));
  out.end_array().end_object();
  return http::json_response(200, out.take());
}

http::Response unknown_report() {
  return http::error_response(404, "unknown_report", "no report with this tracking id (or a wrong secret)");
}

http::Response get_report(App& app, http::Request& request) {
  auto user = accounts::require_role(app, request, {"admin", "coordinator"});
  if (!user) return std::move(user.error());
  const std::string tracking_id(request.param("tracking_id"));
  if (!is_tracking_id(tracking_id)) return unknown_report();
  auto report = find(app.database(), tracking_id);
  if (!report) return storage_failure("read the report", report.error());
  if (!*report) return unknown_report();
  return http::json_response(200, render_json(**report, true));
}

// The bytes of an attachment, always as application/octet-stream and as
// a download: what a reporter uploaded is never rendered by the browser
// (an "image/svg+xml" or "text/html" upload would run script otherwise).
http::Response get_attachment(App& app, http::Request& request) {
  auto user = accounts::require_role(app, request, {"admin", "coordinator"});
  if (!user) return std::move(user.error());
  const std::string tracking_id(request.param("tracking_id"));
  auto id = integer_argument_text(request.param("attachment_id"));
  auto unknown = [] { return http::error_response(404, "unknown_attachment", "no such attachment of this report"); };
  if (!is_tracking_id(tracking_id) || !id) return unknown();
  auto found = find_attachment(app.database(), tracking_id, *id);
  if (!found) return storage_failure("read the attachment", found.error());
  if (!*found) return unknown();
  http::Response response;
  response.content_type = "application/octet-stream";
  response.body = std::move((*found)->content);
  std::string encoded;  // RFC 6266/5987 filename*, percent-encoded UTF-8
  for (const unsigned char c : (*found)->info.filename) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return response.with_header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded)
      .with_header("X-Lotse-Media-Type", (*found)->info.media_type);
}

http::Response follow(App& app, http::Request& request) {
  const std::string tracking_id(request.param("tracking_id"));
  if (!is_tracking_id(tracking_id)) return unknown_report();
  auto report = find_by_follow_link(app.database(), tracking_id, std::string(request.param("secret")));
  if (!report) return storage_failure("read the report", report.error());
  if (!*report) return unknown_report();
  return http::json_response(200, render_json(**report, false));
}

}  // namespace

void register_routes(App& app, http::Router& router) {
  using http::Access;
  using http::RouteDoc;
  router.add("POST", "/api/v1/reports", [&app](http::Request& r) { return submit(app, r); },
             RouteDoc{"Submit a vulnerability report (no account needed); as application/pgp-encrypted: the JSON "
                      "encrypted to the key of GET /api/v1/openpgp-key",
                      "submitReport", {"application/json", "application/pgp-encrypted"},
                      {{201, "Stored: the tracking id and the secret follow link (shown only now)"},
                       {400, "Malformed JSON"}, {413, "Body too large"}, {415, "Not application/json"},
                       {422, "A field is missing, unknown or invalid (named in the error), or the encrypted body "
                             "cannot be decrypted"},
                       {429, "Too many reports from this address"}},
                      Access::public_, true});
  router.add("GET", "/api/v1/openpgp-key",
             [&app](http::Request&) {
               const auto& key = app.config().intake_key;
               if (!key) return http::error_response(404, "no_intake_key", "this server takes no encrypted reports");
               http::Response response;
               response.content_type = "application/pgp-keys";
               response.body = key->public_armored();
               return response.with_header("X-OpenPGP-Fingerprint", key->fingerprint());
             },
             RouteDoc{"The OpenPGP public key reports may be encrypted to (ASCII-armored)", "intakeKey", {},
                      {{200, "The key (application/pgp-keys)"}, {404, "This server takes no encrypted reports"}},
                      Access::public_, true});
  router.add("GET", "/api/v1/reports", [&app](http::Request& r) { return list_reports(app, r); },
             RouteDoc{"List reports, newest first (limit, offset)", "listReports", {},
                      {{200, "Reports"}, {401, "Not logged in"}, {403, "Not admin or coordinator"},
                       {422, "Bad limit or offset"}},
                      Access::user, true});
  router.add("GET", "/api/v1/reports/{tracking_id}", [&app](http::Request& r) { return get_report(app, r); },
             RouteDoc{"One report by its tracking id", "getReport", {},
                      {{200, "The report"}, {401, "Not logged in"}, {403, "Not admin or coordinator"},
                       {404, "No such report"}},
                      Access::user, true});
  router.add("GET", "/api/v1/reports/{tracking_id}/attachments/{attachment_id}",
             [&app](http::Request& r) { return get_attachment(app, r); },
             RouteDoc{"An attachment's bytes, as a download (application/octet-stream)", "getAttachment", {},
                      {{200, "The bytes"}, {401, "Not logged in"}, {403, "Not admin or coordinator"},
                       {404, "No such attachment"}},
                      Access::user, true});
  router.add("GET", "/api/v1/follow/{tracking_id}/{secret}", [&app](http::Request& r) { return follow(app, r); },
             RouteDoc{"The reporter's view of a report, by its secret follow link", "followReport", {},
                      {{200, "The report as submitted"}, {404, "No such report, or a wrong secret"}},
                      Access::public_, true});
  register_pages(app, router);
}

}  // namespace lotse::server::reports
