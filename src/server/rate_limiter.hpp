// A limit of N events per key in a fixed window of W seconds (login
// failures per account and per client address, report submissions per
// client address). The window starts at a key's first event and the count
// restarts when it has passed.
//
// Memory is bounded: at most max_keys keys are tracked. When the table is
// full, expired entries are dropped; if it is still full, a new key is
// treated as over its limit (refusing a few strangers is better than
// letting a flood of distinct keys either grow memory or evict the counts
// of an attacked account).
//
// Thread safety: all members may be called concurrently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "server/clock.hpp"

namespace lotse::server {

struct RateLimit {
  int events = 10;             // allowed per window; 0 disables the limit
  std::int64_t window_seconds = 900;
};

class RateLimiter {
 public:
  RateLimiter(RateLimit limit, Clock clock, std::size_t max_keys = 100000)
      : limit_(limit), clock_(std::move(clock)), max_keys_(max_keys) {}

  // Seconds until `key` may act again; 0 when it may act now.
  std::int64_t retry_after(std::string_view key);

  // Counts one event of `key`.
  void record(std::string_view key);

  // Forgets `key` (a successful login clears its failures).
  void reset(std::string_view key);

  // The configured limit (for messages and tests).
  const RateLimit& limit() const { return limit_; }

 private:
  struct Entry {
    std::int64_t window_start = 0;
    int count = 0;
  };
  void prune(std::int64_t now);

  RateLimit limit_;
  Clock clock_;
  std::size_t max_keys_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace lotse::server
