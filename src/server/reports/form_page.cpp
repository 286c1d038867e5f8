// The HTML side of intake: the report form, its submission by a plain
// browser POST (urlencoded, or multipart with files) and the reporter's
// follow page. Every value shown is escaped (server/html.hpp).
//
// Errors: a browser (Accept: text/html) gets the form again, status 422,
// with each problem next to its field and the entered values kept; any
// other client gets the JSON error every API answer uses.
#include "server/html.hpp"
#include "server/http/form.hpp"
#include "server/json_input.hpp"
#include "server/reports/routes.hpp"

namespace lotse::server::reports {
namespace {

struct FieldLabel {
  std::string_view name;
  std::string_view label;
};

constexpr FieldLabel kLabels[] = {
    {"reporter_name", "Your name"},
    {"reporter_email", "Your e-mail address (needed unless anonymous)"},
    {"reporter_organisation", "Your organisation"},
    {"reporter_phone", "Your phone number"},
    {"vendor", "Vendor of the affected product"},
    {"product", "Affected product"},
    {"version", "Affected version(s)"},
    {"description", "Description of the vulnerability"},
    {"impact", "Impact"},
    {"planned_disclosure_date", "Your planned disclosure date (YYYY-MM-DD)"},
    {"credit_name", "Name to credit"},
    {"reporter_openpgp_key", "Your OpenPGP public key (ASCII-armored), for encrypted replies"},
    {"anonymous", "Report anonymously (no contact details)"},
    {"exploitation_known", "Exploitation is known"},
    {"already_public", "The vulnerability is already public"},
    {"credit_consent", "Credit me in the advisory"},
};

std::string_view label_of(std::string_view name) {
  for (const FieldLabel& l : kLabels) {
    if (l.name == name) return l.label;
  }
  return name;
}

std::string errors_for(const Errors& errors, std::string_view name) {
  std::string out;
  for (const http::FieldError& e : errors) {
    if (e.name == name || (name == "attachment" && e.name.starts_with("attachments"))) {
      out += "<p class=\"error\" id=\"" + std::string(name) + "-error\">" + html::escape(e.message) + "</p>\n";
    }
  }
  return out;
}

// The form, filled with `values` (a previous attempt) and its `errors`.
std::string form_page(const http::Form& values, const Errors& errors, const AttachmentLimits& limits) {
  std::string body;
  if (!errors.empty()) {
    body += "<p class=\"error\" role=\"alert\">The report was not sent: please correct the fields marked below.</p>\n";
  }
  body += "<p>Report a vulnerability to us. You need no account. Fields marked * are required.</p>\n";
  body += "<form method=\"post\" action=\"/report\" enctype=\"multipart/form-data\">\n";
  for (const TextField& field : text_fields()) {
    const std::string name(field.name);
    const http::FormField* previous = values.find(field.name);
    const std::string value = previous ? html::escape(previous->value) : "";
    const bool required = name == "vendor" || name == "product" || name == "description";
    body += "<p><label for=\"" + name + "\">" + html::escape(label_of(field.name)) + (required ? " *" : "") +
            "</label><br>\n";
    if (field.multi_line) {
      body += "<textarea id=\"" + name + "\" name=\"" + name + "\" rows=\"8\" cols=\"72\" maxlength=\"" +
              std::to_string(field.max_bytes) + "\"" + (required ? " required" : "") + ">" + value + "</textarea>";
    } else {
      const char* type = name == "reporter_email" ? "email" : name == "planned_disclosure_date" ? "date" : "text";
      body += "<input type=\"" + std::string(type) + "\" id=\"" + name + "\" name=\"" + name + "\" maxlength=\"" +
              std::to_string(field.max_bytes) + "\" value=\"" + value + "\"" + (required ? " required" : "") + ">";
    }
    body += "</p>\n" + errors_for(errors, field.name);
  }
  for (std::string_view flag : flag_fields()) {
    const std::string name(flag);
    const http::FormField* previous = values.find(flag);
    const bool checked = previous && !previous->value.empty() && previous->value != "false" && previous->value != "0";
    body += "<p><input type=\"checkbox\" id=\"" + name + "\" name=\"" + name + "\" value=\"on\"" +
            (checked ? " checked" : "") + "> <label for=\"" + name + "\">" + html::escape(label_of(flag)) +
            "</label></p>\n" + errors_for(errors, flag);
  }
  body += "<p><label for=\"attachment\">Attachments (at most " + std::to_string(limits.max_count) + ", " +
          std::to_string(limits.max_total_bytes >> 20) +
          " MiB together)</label><br>\n<input type=\"file\" id=\"attachment\" name=\"attachment\" multiple></p>\n" +
          errors_for(errors, "attachment");
  for (const http::FieldError& e : errors) {
    if (e.name == "form" || e.name == "unknown") body += "<p class=\"error\">" + html::escape(e.message) + "</p>\n";
  }
  body += "<p><button type=\"submit\">Send report</button></p>\n</form>\n";
  return html::page("Report a vulnerability", body);
}

http::Response show_form(App& app, http::Request&) {
  return http::html_response(200, form_page(http::Form{}, {}, attachment_limits(app)));
}

http::Response refuse(const http::Request& request, const http::Form& form, const Errors& errors,
                      const AttachmentLimits& limits) {
  if (request.accepts_html()) return http::html_response(422, form_page(form, errors, limits));
  return invalid_fields(errors);
}

http::Response submit_form(App& app, http::Request& request) {
  if (auto refused = intake_refusal(app, request)) return std::move(*refused);
  const std::string type = request.media_type();
  tl::expected<http::Form, std::string> form = tl::unexpected(std::string());
  if (type == "application/x-www-form-urlencoded") {
    form = http::parse_urlencoded(request.body);
  } else if (type == "multipart/form-data") {
    form = http::parse_multipart(request.body, *request.header("content-type"));
  } else {
    return http::error_response(415, "unsupported_media_type",
                                "send the form as application/x-www-form-urlencoded or multipart/form-data");
  }
  if (!form) return http::error_response(400, "malformed_form", form.error());
  const AttachmentLimits limits = attachment_limits(app);
  auto submission = from_form(*form, limits);
  if (!submission) return refuse(request, *form, submission.error(), limits);
  auto created = app.intake_writer().insert(*submission, app.now());
  if (!created) return storage_failure("store the report", created.error());
  const std::string link = app.config().public_url + follow_path(created->tracking_id, created->secret);
  std::string body = "<p>Thank you. Your report was received.</p>\n<p>Tracking id: <strong id=\"tracking-id\">" +
                     html::escape(created->tracking_id) + "</strong></p>\n" +
                     "<p>Keep this link secret; it is shown only once and lets you follow your report:<br>\n"
                     "<a id=\"follow-link\" href=\"" + html::escape(link) + "\">" + html::escape(link) + "</a></p>\n";
  return http::html_response(201, html::page("Report received", body));
}

std::string yes_no(bool value) { return value ? "yes" : "no"; }

http::Response follow_page(App& app, http::Request& request) {
  const std::string tracking_id(request.param("tracking_id"));
  auto not_found = [] {
    return http::html_response(404, html::page("Unknown report", "<p>No report is reachable at this link.</p>"));
  };
  if (!is_tracking_id(tracking_id)) return not_found();
  auto found = find_by_follow_link(app.database(), tracking_id, std::string(request.param("secret")));
  if (!found) return storage_failure("read the report", found.error());
  if (!*found) return not_found();
  const StoredReport& report = **found;
  const Submission& s = report.submission;
  std::string body = "<dl>\n";
  auto row = [&](std::string_view label, std::string_view value) {
    body += "<dt>" + html::escape(label) + "</dt><dd>" + html::escape(value) + "</dd>\n";
  };
  row("Tracking id", report.tracking_id);
  row("Vendor", s.vendor);
  row("Product", s.product);
  row("Version", s.version);
  row("Description", s.description);
  row("Impact", s.impact);
  row("Anonymous", yes_no(s.anonymous));
  if (s.reporter_name) row("Your name", *s.reporter_name);
  if (s.reporter_email) row("Your e-mail address", *s.reporter_email);
  if (s.reporter_organisation) row("Your organisation", *s.reporter_organisation);
  if (s.reporter_phone) row("Your phone number", *s.reporter_phone);
  row("Exploitation known", yes_no(s.exploitation_known));
  row("Already public", yes_no(s.already_public));
  if (s.planned_disclosure_date) row("Planned disclosure date", *s.planned_disclosure_date);
  row("Credit", s.credit_consent ? s.credit_name.value_or("") : "no credit");
  for (const AttachmentInfo& a : report.attachments) {
    row("Attachment", a.filename + " (" + a.media_type + ", " + std::to_string(a.size) + " bytes)");
  }
  body += "</dl>\n<p>Status: received. The coordination of this report is not shown here yet.</p>\n";
  return http::html_response(200, html::page("Your report", body));
}

}  // namespace

void register_pages(App& app, http::Router& router) {
  using http::RouteDoc;
  router.add("GET", "/report", [&app](http::Request& r) { return show_form(app, r); },
             RouteDoc{"The report form (HTML)", "reportForm", {}, {{200, "The form"}}, http::Access::public_, false});
  router.add("POST", "/report", [&app](http::Request& r) { return submit_form(app, r); },
             RouteDoc{"Submit the report form (HTML)", "submitReportForm",
                      {"application/x-www-form-urlencoded", "multipart/form-data"},
                      {{201, "The tracking id and the follow link"}, {422, "The form with its errors"}},
                      http::Access::public_, false});
  router.add("GET", "/follow/{tracking_id}/{secret}", [&app](http::Request& r) { return follow_page(app, r); },
             RouteDoc{"The reporter's page (HTML)", "followPage", {}, {{200, "The report"}}, http::Access::public_,
                      false});
}

}  // namespace lotse::server::reports
