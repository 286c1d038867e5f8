// Report writes batched into shared transactions (group commit). Each
// commit costs a sync of the database's log (SQLite's WAL with
// synchronous=FULL, PostgreSQL's WAL), and SQLite takes one writer at a
// time, so one transaction per report caps intake at the disk's sync rate
// and makes reports queue behind each other. The IntakeWriter's thread
// takes every report waiting (up to max_batch) into one transaction; each
// caller's insert() returns only after that transaction committed, so an
// acknowledged tracking id is as durable as before.
//
// A batch that fails (a tracking id collision, or one report the database
// refuses) is retried report by report, so one bad report fails alone.
//
// Thread safety: insert() may be called from any number of threads.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <future>
#include <mutex>
#include <thread>

#include "server/reports/repository.hpp"

namespace lotse::server::reports {

class IntakeWriter {
 public:
  // REQUIRES: `database` outlives the writer.
  explicit IntakeWriter(store::Database& database, std::size_t max_batch = 64);
  // Writes what is queued, then stops the thread.
  ~IntakeWriter();
  IntakeWriter(const IntakeWriter&) = delete;
  IntakeWriter& operator=(const IntakeWriter&) = delete;

  // Stores `submission` at `now`; returns once it is committed (or failed).
  store::Result<Created> insert(const Submission& submission, std::int64_t now);

  // Transactions committed so far (each with one or more reports), for
  // tests and statistics.
  std::uint64_t batches() const { return batches_.load(); }

 private:
  struct Job {
    const Submission* submission;
    std::int64_t now;
    std::promise<store::Result<Created>> done;
  };
  void run();
  void write(std::deque<Job>& jobs);

  store::Database& database_;
  std::size_t max_batch_;
  std::mutex mutex_;
  std::condition_variable queued_;
  std::deque<Job> jobs_;
  bool stopping_ = false;
  std::atomic<std::uint64_t> batches_{0};
  std::thread thread_;  // last: started after everything it uses
};

}  // namespace lotse::server::reports
