#include "server/rate_limiter.hpp"

namespace lotse::server {

void RateLimiter::prune(std::int64_t now) {
  for (auto it = entries_.begin(); it != entries_.end();) {
    it = now >= it->second.window_start + limit_.window_seconds ? entries_.erase(it) : std::next(it);
  }
}

std::int64_t RateLimiter::retry_after(std::string_view key) {
  if (limit_.events <= 0) return 0;
  const std::int64_t now = clock_();
  std::lock_guard lock(mutex_);
  auto it = entries_.find(std::string(key));
  if (it == entries_.end()) {
    if (entries_.size() < max_keys_) return 0;
    prune(now);
    return entries_.size() < max_keys_ ? 0 : limit_.window_seconds;
  }
  const std::int64_t end = it->second.window_start + limit_.window_seconds;
  if (now >= end) return 0;
  return it->second.count >= limit_.events ? end - now : 0;
}

void RateLimiter::record(std::string_view key) {
  if (limit_.events <= 0) return;
  const std::int64_t now = clock_();
  std::lock_guard lock(mutex_);
  auto it = entries_.find(std::string(key));
  if (it == entries_.end()) {
    if (entries_.size() >= max_keys_) prune(now);
    if (entries_.size() >= max_keys_) return;  // retry_after() refuses unknown keys meanwhile
    entries_.emplace(std::string(key), Entry{now, 1});
    return;
  }
  if (now >= it->second.window_start + limit_.window_seconds) {
    it->second = Entry{now, 1};
  } else {
    ++it->second.count;
  }
}

void RateLimiter::reset(std::string_view key) {
  std::lock_guard lock(mutex_);
  entries_.erase(std::string(key));
}

}  // namespace lotse::server
