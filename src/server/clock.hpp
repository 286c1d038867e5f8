// The platform's notion of "now", injectable: session expiry and rate
// limits are tested by moving a test clock forward instead of sleeping.
// Thread safety: the system clock is thread-safe; a test clock must be too
// (ManualClock is).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>

namespace lotse::server {

// Unix seconds, UTC.
using Clock = std::function<std::int64_t()>;

// The real time.
inline Clock system_clock() {
  return [] {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
}

// A clock tests set and advance.
class ManualClock {
 public:
  explicit ManualClock(std::int64_t start) : now_(start) {}
  // Moves time forward (sessions expire, rate-limit windows pass).
  void advance(std::int64_t seconds) { now_ += seconds; }
  // A Clock reading this one; REQUIRES: this outlives it.
  Clock clock() {
    return [this] { return now_.load(); };
  }

 private:
  std::atomic<std::int64_t> now_;
};

}  // namespace lotse::server
