// The routes of report intake and follow-up:
//
//   POST /api/v1/reports                         submit (JSON), public, rate-limited
//   GET  /api/v1/reports                         list, admin and coordinator
//   GET  /api/v1/reports/{tracking_id}           one report, admin and coordinator
//   GET  /api/v1/reports/{tracking_id}/attachments/{attachment_id}   its bytes, as a download
//   GET  /api/v1/follow/{tracking_id}/{secret}   the reporter's view (the secret link)
//   GET  /report, POST /report                   the HTML form (no JavaScript), public
//   GET  /follow/{tracking_id}/{secret}          the reporter's page
//
// api.cpp holds the JSON routes, form_page.cpp the HTML ones.
// Thread safety: handlers are called concurrently (see App).
#pragma once

#include <string>

#include "server/app.hpp"
#include "server/http/router.hpp"
#include "server/reports/repository.hpp"

namespace lotse::server::reports {

// Adds every route above to `router`; the handlers use `app`.
void register_routes(App& app, http::Router& router);

// The HTML routes (form_page.cpp).
void register_pages(App& app, http::Router& router);

// The attachment limits of `app`'s configuration.
AttachmentLimits attachment_limits(const App& app);

// Whether the client at `request` may submit now (the intake rate limit),
// counting this attempt; the 429 response when not.
std::optional<http::Response> intake_refusal(App& app, const http::Request& request);

// The follow link path of a report.
std::string follow_path(const std::string& tracking_id, const std::string& secret);

// `report` as the API renders it; `for_staff` adds the internal id.
std::string render_json(const StoredReport& report, bool for_staff);

}  // namespace lotse::server::reports
