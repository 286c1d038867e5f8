// The process the kill test kills: writes reports as fast as it can, each
// with three attachments in one transaction, and after every commit writes
// the report's number to standard output (a pipe to the test), so that
// every number the test reads was acknowledged after its commit.
//
// Usage: store_burst_writer DATABASE-URL (an already migrated database)
#include <unistd.h>

#include <cstdio>
#include <string>

#include "store/database.hpp"

namespace {

using lotse::store::Blob;
using lotse::store::Connection;
using lotse::store::Result;

// Attachment `k` of report `i`: contents the test can recompute.
std::string content(long i, int k) { return std::string(static_cast<std::size_t>(1000 + 997 * k), static_cast<char>('a' + (i + k) % 26)); }

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: store_burst_writer DATABASE-URL\n");
    return 2;
  }
  auto database = lotse::store::Database::open(argv[1]);
  if (!database) {
    std::fprintf(stderr, "%s\n", database.error().message.c_str());
    return 1;
  }
  for (long i = 0; i < 1000000; ++i) {
    auto done = (*database)->with_transaction([&](Connection& c) -> Result<void> {
      auto rows = c.query(
          "INSERT INTO reports (tracking_id, secret_hash, anonymous, vendor, product, version, description, "
          "impact, exploitation_known, already_public, credit_consent, created_at) "
          "VALUES ($1, 's', 1, 'v', 'p', '', 'd', '', 0, 0, 0, $2) RETURNING id",
          {"LT-" + std::to_string(i), static_cast<std::int64_t>(i)});
      if (!rows) return tl::unexpected(rows.error());
      for (int k = 0; k < 3; ++k) {
        const std::string bytes = content(i, k);
        auto added = c.execute(
            "INSERT INTO report_attachments (report_id, filename, media_type, size, content) "
            "VALUES ($1, $2, 'text/plain', $3, $4)",
            {(*rows)[0].integer(0), "part" + std::to_string(k), static_cast<std::int64_t>(bytes.size()), Blob{bytes}});
        if (!added) return tl::unexpected(added.error());
      }
      return {};
    });
    if (!done) {
      std::fprintf(stderr, "report %ld: %s\n", i, done.error().message.c_str());
      return 1;
    }
    const std::string line = std::to_string(i) + "\n";
    if (::write(1, line.data(), line.size()) != static_cast<ssize_t>(line.size())) return 1;
  }
  return 0;
}
