// Batched report writes on both back ends: concurrent reports share
// commits yet each gets its own tracking id and is stored once; a report
// the database refuses fails alone, the others of its batch are stored.
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "server/reports/intake_writer.hpp"
#include "store/backends.hpp"

namespace lotse::server::reports {
namespace {

using store::testing::BackendTest;

class IntakeWriterTest : public BackendTest {};
LOTSE_BOTH_BACKENDS(IntakeWriterTest);

Submission sample(const std::string& vendor) {
  Submission s;
  s.anonymous = true;
  s.vendor = vendor;
  s.product = "P";
  s.description = "D";
  s.attachments.push_back(Attachment{"a.bin", "application/octet-stream", std::string(100, 'x')});
  return s;
}

TEST_P(IntakeWriterTest, ConcurrentReportsShareCommitsAndEachIsStoredOnce) {
  auto database = open_migrated();
  ASSERT_TRUE(database);
  constexpr int kThreads = 8, kEach = 25;
  std::vector<std::vector<Created>> created(kThreads);
  {
    IntakeWriter writer(*database);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < kEach; ++i) {
          auto done = writer.insert(sample("vendor " + std::to_string(t)), 1000 + i);
          ASSERT_TRUE(done) << done.error().message;
          created[t].push_back(*done);
        }
      });
    }
    for (std::thread& thread : threads) thread.join();
    EXPECT_LE(writer.batches(), static_cast<std::uint64_t>(kThreads * kEach));
    EXPECT_GE(writer.batches(), 1u);
  }
  std::set<std::string> ids;
  for (const auto& list : created) {
    for (const Created& c : list) {
      ids.insert(c.tracking_id);
      auto found = find_by_follow_link(*database, c.tracking_id, c.secret);
      ASSERT_TRUE(found && *found) << c.tracking_id;
      EXPECT_EQ((*found)->attachments.size(), 1u);
    }
  }
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(kThreads * kEach));
  EXPECT_EQ(store::testing::row_count(*database, "reports"), kThreads * kEach);
  EXPECT_EQ(store::testing::row_count(*database, "report_attachments"), kThreads * kEach);
}

TEST_P(IntakeWriterTest, AReportTheDatabaseRefusesFailsAloneInItsBatch) {
  auto database = open_migrated();
  ASSERT_TRUE(database);
  IntakeWriter writer(*database);
  std::vector<std::thread> threads;
  std::atomic<int> ok{0}, failed{0};
  for (int t = 0; t < 10; ++t) {
    threads.emplace_back([&, t] {
      // Text with NUL passes no validation; the store refuses it.
      auto done = writer.insert(sample(t == 3 ? std::string("bad\0vendor", 10) : "good"), 1);
      (done ? ok : failed)++;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(ok, 9);
  EXPECT_EQ(failed, 1);
  EXPECT_EQ(store::testing::row_count(*database, "reports"), 9);
}

}  // namespace
}  // namespace lotse::server::reports
