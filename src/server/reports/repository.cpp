#include "server/reports/repository.hpp"

#include "server/secrets.hpp"

namespace lotse::server::reports {
namespace {

using store::Connection;
using store::Row;
using store::Value;

Value optional_value(const std::optional<std::string>& text) {
  return text ? Value(*text) : Value(nullptr);
}

std::int64_t flag(bool value) { return value ? 1 : 0; }

constexpr const char* kColumns =
    "id, tracking_id, created_at, anonymous, reporter_name, reporter_email, reporter_organisation, reporter_phone, "
    "vendor, product, version, description, impact, exploitation_known, already_public, planned_disclosure_date, "
    "credit_consent, credit_name, reporter_openpgp_key, secret_hash";

StoredReport from_row(const Row& row) {
  StoredReport report;
  report.id = row.integer(0);
  report.tracking_id = row.text(1);
  report.created_at = row.integer(2);
  Submission& s = report.submission;
  s.anonymous = row.integer(3) != 0;
  s.reporter_name = row.optional_text(4);
  s.reporter_email = row.optional_text(5);
  s.reporter_organisation = row.optional_text(6);
  s.reporter_phone = row.optional_text(7);
  s.vendor = row.text(8);
  s.product = row.text(9);
  s.version = row.text(10);
  s.description = row.text(11);
  s.impact = row.text(12);
  s.exploitation_known = row.integer(13) != 0;
  s.already_public = row.integer(14) != 0;
  s.planned_disclosure_date = row.optional_text(15);
  s.credit_consent = row.integer(16) != 0;
  s.credit_name = row.optional_text(17);
  s.reporter_openpgp_key = row.optional_text(18);
  return report;
}

store::Result<void> load_attachments(Connection& c, StoredReport& report) {
  auto rows = c.query(
      "SELECT id, filename, media_type, size FROM report_attachments WHERE report_id = $1 ORDER BY id", {report.id});
  if (!rows) return tl::unexpected(rows.error());
  for (const Row& row : *rows) {
    report.attachments.push_back(AttachmentInfo{row.integer(0), row.text(1), row.text(2), row.integer(3)});
  }
  return {};
}

// The report and its secret hash, read in one transaction.
store::Result<std::optional<std::pair<StoredReport, std::string>>> find_with_hash(store::Database& database,
                                                                                  const std::string& tracking_id) {
  std::optional<std::pair<StoredReport, std::string>> found;
  auto done = database.with_transaction(
      [&](Connection& c) -> store::Result<void> {
        found.reset();
        auto rows = c.query(std::string("SELECT ") + kColumns + " FROM reports WHERE tracking_id = $1", {tracking_id});
        if (!rows) return tl::unexpected(rows.error());
        if (rows->empty()) return {};
        StoredReport report = from_row((*rows)[0]);
        if (auto loaded = load_attachments(c, report); !loaded) return loaded;
        found.emplace(std::move(report), (*rows)[0].text(19));
        return {};
      },
      store::TransactionMode::read);
  if (!done) return tl::unexpected(done.error());
  return found;
}

}  // namespace

bool is_tracking_id(std::string_view text) {
  if (text.size() != 12 || !text.starts_with("LT-") || text[7] != '-') return false;
  for (std::size_t i = 3; i < text.size(); ++i) {
    if (i == 7) continue;
    const char c = text[i];
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

store::Result<void> insert_row(Connection& c, const Submission& s, std::int64_t now, const std::string& tracking_id,
                               const std::string& secret_hash) {
  auto rows = c.query(
      "INSERT INTO reports (tracking_id, secret_hash, anonymous, reporter_name, reporter_email, "
      "reporter_organisation, reporter_phone, vendor, product, version, description, impact, "
      "exploitation_known, already_public, planned_disclosure_date, credit_consent, credit_name, "
      "reporter_openpgp_key, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, "
      "$15, $16, $17, $18, $19) RETURNING id",
      {tracking_id, secret_hash, flag(s.anonymous), optional_value(s.reporter_name),
       optional_value(s.reporter_email), optional_value(s.reporter_organisation), optional_value(s.reporter_phone),
       s.vendor, s.product, s.version, s.description, s.impact, flag(s.exploitation_known),
       flag(s.already_public), optional_value(s.planned_disclosure_date), flag(s.credit_consent),
       optional_value(s.credit_name), optional_value(s.reporter_openpgp_key), now});
  if (!rows) return tl::unexpected(rows.error());
  const std::int64_t id = (*rows)[0].integer(0);
  for (const Attachment& a : s.attachments) {
    auto added = c.execute(
        "INSERT INTO report_attachments (report_id, filename, media_type, size, content) "
        "VALUES ($1, $2, $3, $4, $5)",
        {id, a.filename, a.media_type, static_cast<std::int64_t>(a.content.size()), store::Blob{a.content}});
    if (!added) return tl::unexpected(added.error());
  }
  return {};
}

std::string new_tracking_id() { return "LT-" + secrets::random_code(4) + "-" + secrets::random_code(4); }

store::Result<Created> insert(store::Database& database, const Submission& s, std::int64_t now) {
  const std::string secret = secrets::random_token();
  const std::string secret_hash = secrets::hash_token(secret);
  for (int attempt = 0;; ++attempt) {
    const std::string tracking_id = new_tracking_id();
    auto done = database.with_transaction(
        [&](Connection& c) -> store::Result<void> { return insert_row(c, s, now, tracking_id, secret_hash); });
    if (done) return Created{tracking_id, secret};
    if (done.error().kind != store::Error::Kind::unique_violation || attempt >= 4) return tl::unexpected(done.error());
  }
}

store::Result<std::optional<StoredReport>> find(store::Database& database, const std::string& tracking_id) {
  auto found = find_with_hash(database, tracking_id);
  if (!found) return tl::unexpected(found.error());
  if (!*found) return std::optional<StoredReport>();
  return std::optional<StoredReport>(std::move((*found)->first));
}

store::Result<std::optional<StoredReport>> find_by_follow_link(store::Database& database,
                                                                const std::string& tracking_id,
                                                                const std::string& secret) {
  auto found = find_with_hash(database, tracking_id);
  if (!found) return tl::unexpected(found.error());
  if (!*found || !secrets::equal_constant_time((*found)->second, secrets::hash_token(secret))) {
    return std::optional<StoredReport>();
  }
  return std::optional<StoredReport>(std::move((*found)->first));
}

store::Result<std::optional<AttachmentContent>> find_attachment(store::Database& database,
                                                                const std::string& tracking_id,
                                                                std::int64_t attachment_id) {
  std::optional<AttachmentContent> found;
  auto done = database.with_transaction(
      [&](Connection& c) -> store::Result<void> {
        found.reset();
        auto rows = c.query(
            "SELECT a.id, a.filename, a.media_type, a.size, a.content FROM report_attachments a "
            "JOIN reports r ON r.id = a.report_id WHERE r.tracking_id = $1 AND a.id = $2",
            {tracking_id, attachment_id});
        if (!rows) return tl::unexpected(rows.error());
        if (rows->empty()) return {};
        const Row& row = (*rows)[0];
        found = AttachmentContent{AttachmentInfo{row.integer(0), row.text(1), row.text(2), row.integer(3)}, row.blob(4)};
        return {};
      },
      store::TransactionMode::read);
  if (!done) return tl::unexpected(done.error());
  return found;
}

store::Result<std::vector<StoredReport>> list(store::Database& database, std::int64_t limit, std::int64_t offset) {
  std::vector<StoredReport> reports;
  auto done = database.with_transaction(
      [&](Connection& c) -> store::Result<void> {
        reports.clear();
        auto rows = c.query(std::string("SELECT ") + kColumns +
                                " FROM reports ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2",
                            {limit, offset});
        if (!rows) return tl::unexpected(rows.error());
        for (const Row& row : *rows) {
          reports.push_back(from_row(row));
          if (auto loaded = load_attachments(c, reports.back()); !loaded) return loaded;
        }
        return {};
      },
      store::TransactionMode::read);
  if (!done) return tl::unexpected(done.error());
  return reports;
}

}  // namespace lotse::server::reports
