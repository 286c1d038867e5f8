// Reports in the database: storing a submission with its attachments in one
// transaction, and reading reports back (by tracking id, by follow link,
// the newest first).
//
// A stored report gets a tracking id people can read aloud
// ("LT-7K2M-Q9XD", Crockford base32, 40 random bits; a collision is
// retried with a new id) and a follow secret of 256 bits that is returned
// once and kept only as its hash: the database alone cannot open anyone's
// follow link.
//
// Thread safety: functions over a shared Database, safe concurrently.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/reports/submission.hpp"
#include "store/database.hpp"

namespace lotse::server::reports {

struct AttachmentInfo {
  std::int64_t id = 0;
  std::string filename;
  std::string media_type;
  std::int64_t size = 0;
};

struct StoredReport {
  std::int64_t id = 0;
  std::string tracking_id;
  std::int64_t created_at = 0;
  Submission submission;                 // attachments left empty: see attachments
  std::vector<AttachmentInfo> attachments;
};

struct Created {
  std::string tracking_id;
  std::string secret;  // the follow secret; never stored, never shown again
};

// Stores `submission` at time `now`; committed when this returns a value.
store::Result<Created> insert(store::Database& database, const Submission& submission, std::int64_t now);

// The statements of insert() inside a transaction the caller runs (the
// batching IntakeWriter): the report row with `tracking_id` and
// `secret_hash`, and its attachments.
store::Result<void> insert_row(store::Connection& connection, const Submission& submission, std::int64_t now,
                               const std::string& tracking_id, const std::string& secret_hash);

// A fresh random tracking id.
std::string new_tracking_id();

// The report with `tracking_id`, or nullopt.
store::Result<std::optional<StoredReport>> find(store::Database& database, const std::string& tracking_id);

// The report whose follow link is (`tracking_id`, `secret`), or nullopt
// when either is wrong (told apart by nobody: same answer).
store::Result<std::optional<StoredReport>> find_by_follow_link(store::Database& database,
                                                                const std::string& tracking_id,
                                                                const std::string& secret);

struct AttachmentContent {
  AttachmentInfo info;
  std::string content;
};

// Attachment `attachment_id` of the report `tracking_id`, or nullopt.
store::Result<std::optional<AttachmentContent>> find_attachment(store::Database& database,
                                                                const std::string& tracking_id,
                                                                std::int64_t attachment_id);

// Up to `limit` reports, newest first, from `offset`.
store::Result<std::vector<StoredReport>> list(store::Database& database, std::int64_t limit, std::int64_t offset);

// Whether `text` has the form of a tracking id (checked before any lookup).
bool is_tracking_id(std::string_view text);

}  // namespace lotse::server::reports
