// An open-loop load generator for `lotse serve`: requests start at a fixed
// rate whatever the server's answers do (a slow answer does not delay the
// next request, so queueing shows in the latencies instead of hiding:
// no coordinated omission), latency counted from each request's scheduled
// start. libcurl multi with kept-alive connections, one thread.
//
// Usage: serve_load URL MODE RATE SECONDS
//   MODE intake: POST URL/api/v1/reports (a small JSON report) each time
//   MODE read:   GET the follow link of one report submitted first
// Prints requests, errors, and latency p50/p90/p99/p99.9/max in ms.
// Run the server with --intake-limit 0 (one address sends everything).
#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

const std::string kReport =
    R"({"anonymous": true, "vendor": "ACME", "product": "Widget", "version": "1.2",)"
    R"( "description": "A buffer overflow in the request parser lets a remote attacker run code."})";

struct Transfer {
  CURL* easy = nullptr;
  Clock::time_point scheduled;
  std::string body;
  curl_slist* headers = nullptr;
};

std::size_t collect(char* data, std::size_t size, std::size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

Transfer* start(CURLM* multi, const std::string& url, bool post, Clock::time_point scheduled) {
  auto* t = new Transfer;
  t->easy = curl_easy_init();
  t->scheduled = scheduled;
  curl_easy_setopt(t->easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(t->easy, CURLOPT_WRITEFUNCTION, &collect);
  curl_easy_setopt(t->easy, CURLOPT_WRITEDATA, &t->body);
  curl_easy_setopt(t->easy, CURLOPT_PRIVATE, t);
  curl_easy_setopt(t->easy, CURLOPT_PROXY, "");
  curl_easy_setopt(t->easy, CURLOPT_TIMEOUT, 30L);
  if (post) {
    t->headers = curl_slist_append(nullptr, "Content-Type: application/json");
    t->headers = curl_slist_append(t->headers, "Expect:");
    curl_easy_setopt(t->easy, CURLOPT_HTTPHEADER, t->headers);
    curl_easy_setopt(t->easy, CURLOPT_POSTFIELDS, kReport.c_str());
  }
  curl_multi_add_handle(multi, t->easy);
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: serve_load URL intake|read RATE SECONDS\n");
    return 2;
  }
  const std::string base = argv[1];
  const std::string mode = argv[2];
  const double rate = std::atof(argv[3]);
  const double seconds = std::atof(argv[4]);
  if ((mode != "intake" && mode != "read") || rate <= 0 || seconds <= 0) {
    std::fprintf(stderr, "usage: serve_load URL intake|read RATE SECONDS\n");
    return 2;
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  CURLM* multi = curl_multi_init();
  curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, 48L);
  std::string url = base + "/api/v1/reports";
  if (mode == "read") {
    // One report to read, submitted first; its follow link is read.
    Transfer* first = start(multi, url, true, Clock::now());
    int running = 1;
    while (running) {
      curl_multi_perform(multi, &running);
      curl_multi_poll(multi, nullptr, 0, 100, nullptr);
    }
    const std::size_t at = first->body.find("\"follow_api_url\":\"");
    if (at == std::string::npos) {
      std::fprintf(stderr, "cannot submit the report to read: %s\n", first->body.c_str());
      return 1;
    }
    const std::size_t begin = at + 18;
    url = first->body.substr(begin, first->body.find('"', begin) - begin);
    if (url.starts_with("/")) url = base + url;
    int queued = 0;
    while (curl_multi_info_read(multi, &queued) != nullptr) {
    }
    curl_multi_remove_handle(multi, first->easy);
    curl_easy_cleanup(first->easy);
    curl_slist_free_all(first->headers);
    delete first;
  }
  const auto interval = std::chrono::duration<double>(1.0 / rate);
  const std::size_t total = static_cast<std::size_t>(rate * seconds);
  std::vector<double> latencies;
  latencies.reserve(total);
  std::size_t started = 0, errors = 0;
  std::map<std::string, std::size_t> error_kinds;  // "HTTP 503", "curl: Timeout was reached"
  const auto begin = Clock::now();
  int running = 0;
  while (latencies.size() + errors < total) {
    const auto now = Clock::now();
    while (started < total && begin + std::chrono::duration_cast<Clock::duration>(interval * started) <= now) {
      start(multi, url, mode == "intake", begin + std::chrono::duration_cast<Clock::duration>(interval * started));
      ++started;
    }
    curl_multi_perform(multi, &running);
    int queued = 0;
    while (CURLMsg* message = curl_multi_info_read(multi, &queued)) {
      if (message->msg != CURLMSG_DONE) continue;
      Transfer* t = nullptr;
      curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &t);
      long status = 0;
      curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
      const bool ok = message->data.result == CURLE_OK && status == (mode == "intake" ? 201 : 200);
      if (ok) {
        latencies.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t->scheduled).count());
      } else {
        ++errors;
        ++error_kinds[message->data.result != CURLE_OK ? std::string("curl: ") + curl_easy_strerror(message->data.result)
                                                        : "HTTP " + std::to_string(status)];
      }
      curl_multi_remove_handle(multi, t->easy);
      curl_easy_cleanup(t->easy);
      curl_slist_free_all(t->headers);
      delete t;
    }
    const auto next = begin + std::chrono::duration_cast<Clock::duration>(interval * started);
    const int wait_ms = started < total
                            ? static_cast<int>(std::max<long>(0, std::chrono::duration_cast<std::chrono::milliseconds>(next - Clock::now()).count()))
                            : 10;
    curl_multi_poll(multi, nullptr, 0, wait_ms, nullptr);
  }
  const double elapsed = std::chrono::duration<double>(Clock::now() - begin).count();
  std::sort(latencies.begin(), latencies.end());
  auto pick = [&](double q) {
    return latencies.empty() ? 0.0 : latencies[std::min(latencies.size() - 1, static_cast<std::size_t>(q * latencies.size()))];
  };
  std::printf("mode=%s rate=%.0f/s requests=%zu ok=%zu errors=%zu elapsed=%.2fs p50=%.2fms p90=%.2fms p99=%.2fms "
              "p99.9=%.2fms max=%.2fms\n",
              mode.c_str(), rate, total, latencies.size(), errors, elapsed, pick(0.50), pick(0.90), pick(0.99),
              pick(0.999), latencies.empty() ? 0.0 : latencies.back());
  for (const auto& [kind, count] : error_kinds) std::printf("  error %s: %zu\n", kind.c_str(), count);
  curl_multi_cleanup(multi);
  curl_global_cleanup();
  return errors == 0 ? 0 : 1;
}
