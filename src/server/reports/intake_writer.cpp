#include "server/reports/intake_writer.hpp"

#include "server/secrets.hpp"

namespace lotse::server::reports {

IntakeWriter::IntakeWriter(store::Database& database, std::size_t max_batch)
    : database_(database), max_batch_(std::max<std::size_t>(1, max_batch)), thread_([this] { run(); }) {}

IntakeWriter::~IntakeWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  queued_.notify_one();
  thread_.join();
}

store::Result<Created> IntakeWriter::insert(const Submission& submission, std::int64_t now) {
  std::future<store::Result<Created>> result;
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(Job{&submission, now, {}});
    result = jobs_.back().done.get_future();
  }
  queued_.notify_one();
  return result.get();
}

void IntakeWriter::run() {
  for (;;) {
    std::deque<Job> batch;
    {
      std::unique_lock lock(mutex_);
      queued_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) return;  // stopping, and nothing left
      while (!jobs_.empty() && batch.size() < max_batch_) {
        batch.push_back(std::move(jobs_.front()));
        jobs_.pop_front();
      }
    }
    write(batch);
  }
}

void IntakeWriter::write(std::deque<Job>& jobs) {
  std::vector<Created> created(jobs.size());
  for (Created& c : created) c.secret = secrets::random_token();
  auto done = database_.with_transaction([&](store::Connection& connection) -> store::Result<void> {
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      created[i].tracking_id = new_tracking_id();
      auto inserted = insert_row(connection, *jobs[i].submission, jobs[i].now, created[i].tracking_id,
                                 secrets::hash_token(created[i].secret));
      if (!inserted) return inserted;
    }
    return {};
  });
  if (done) {
    ++batches_;
    for (std::size_t i = 0; i < jobs.size(); ++i) jobs[i].done.set_value(std::move(created[i]));
    return;
  }
  // One at a time: a collision gets a new id, a refused report fails alone.
  for (Job& job : jobs) {
    auto single = reports::insert(database_, *job.submission, job.now);
    if (single) ++batches_;
    job.done.set_value(std::move(single));
  }
}

}  // namespace lotse::server::reports
