#include "net/http_probe.hpp"

#include <curl/curl.h>

#include <deque>
#include <memory>
#include <mutex>

#include "net/curl_support.hpp"

namespace lotse::net {

using detail::make_slist;
using detail::Slist;

namespace {

struct MultiDeleter {
  void operator()(CURLM* multi) const { curl_multi_cleanup(multi); }
};

// One request in flight: which URL, which method, curl's error text.
struct Transfer {
  std::size_t index = 0;
  bool head = true;
  CURL* easy = nullptr;
  char error[CURL_ERROR_SIZE] = {};
};

// The body of a GET fallback is not wanted: stop at its first bytes (the
// status line and headers have been read by then). Returning less than
// given makes curl end the transfer with CURLE_WRITE_ERROR, which
// finish() ignores when a status code arrived.
size_t refuse_body(char*, size_t, size_t, void*) { return 0; }

bool is_scheme_char(char c, bool first) {
  const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (first) return alpha;
  return alpha || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

class Prober {
 public:
  Prober(std::span<const std::string> urls, const ProbeOptions& options)
      : urls_(urls),
        options_(options),
        results_(urls.size()),
        resolve_(make_slist(options.resolve)),
        connect_to_(make_slist(options.connect_to)) {}

  std::vector<ProbeResult> run() {
    for (std::size_t i = 0; i < urls_.size(); ++i) {
      if (std::string why = refusal(urls_[i]); !why.empty()) {
        results_[i].error = std::move(why);
      } else {
        queue_.push_back({i, true});
      }
    }
    if (queue_.empty()) return std::move(results_);
    std::unique_ptr<CURLM, MultiDeleter> multi(curl_multi_init());
    if (!multi) return fail_all_queued("cannot create a curl multi handle");
    const std::size_t parallel = options_.max_parallel ? options_.max_parallel : 1;
    std::size_t active = 0;
    while (!queue_.empty() || active > 0) {
      while (active < parallel && !queue_.empty()) {
        Queued next = queue_.front();
        queue_.pop_front();
        if (start(multi.get(), next)) ++active;
      }
      int running = 0;
      curl_multi_perform(multi.get(), &running);
      int left = 0;
      while (CURLMsg* message = curl_multi_info_read(multi.get(), &left)) {
        if (message->msg != CURLMSG_DONE) continue;
        finish(multi.get(), message->easy_handle, message->data.result);
        --active;
      }
      if (active > 0) curl_multi_poll(multi.get(), nullptr, 0, 100, nullptr);
    }
    return std::move(results_);
  }

 private:
  struct Queued {
    std::size_t index;
    bool head;
  };

  // Why `url` is not requested at all; empty when it may be.
  static std::string refusal(const std::string& url) {
    if (url.size() > kMaxUrlLength) {
      return "not requested: longer than " + std::to_string(kMaxUrlLength) + " bytes";
    }
    const std::string scheme = url_scheme(url);
    if (scheme != "http" && scheme != "https") {
      return scheme.empty() ? "not an absolute URL with scheme http or https"
                            : "scheme \"" + scheme + "\" is not http or https";
    }
    return {};
  }

  std::vector<ProbeResult> fail_all_queued(const std::string& why) {
    for (const Queued& q : queue_) results_[q.index].error = why;
    return std::move(results_);
  }

  bool start(CURLM* multi, const Queued& queued) {
    auto transfer = std::make_unique<Transfer>();
    transfer->index = queued.index;
    transfer->head = queued.head;
    CURL* easy = curl_easy_init();
    if (!easy) {
      results_[queued.index].error = "cannot create a curl handle";
      return false;
    }
    transfer->easy = easy;
    const long timeout_ms = static_cast<long>(options_.timeout.count() > 0 ? options_.timeout.count() : 1);
    curl_easy_setopt(easy, CURLOPT_URL, urls_[queued.index].c_str());
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
    curl_easy_setopt(easy, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->error);
    curl_easy_setopt(easy, CURLOPT_BUFFERSIZE, 1024L);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &refuse_body);
    if (queued.head) {
      curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
    } else {
      curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
    }
    if (resolve_) curl_easy_setopt(easy, CURLOPT_RESOLVE, resolve_.get());
    if (connect_to_) curl_easy_setopt(easy, CURLOPT_CONNECT_TO, connect_to_.get());
    if (!options_.ca_file.empty()) {
      curl_easy_setopt(easy, CURLOPT_CAINFO, options_.ca_file.c_str());
      curl_easy_setopt(easy, CURLOPT_CAPATH, nullptr);  // only this file
    }
    curl_easy_setopt(easy, CURLOPT_PRIVATE, transfer.get());
    if (curl_multi_add_handle(multi, easy) != CURLM_OK) {
      results_[queued.index].error = "cannot start the request";
      curl_easy_cleanup(easy);
      return false;
    }
    transfer.release();  // owned through CURLOPT_PRIVATE until finish()
    return true;
  }

  void finish(CURLM* multi, CURL* easy, CURLcode code) {
    char* raw = nullptr;
    curl_easy_getinfo(easy, CURLINFO_PRIVATE, &raw);
    std::unique_ptr<Transfer> transfer(reinterpret_cast<Transfer*>(raw));
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    curl_multi_remove_handle(multi, easy);
    curl_easy_cleanup(easy);
    ProbeResult& result = results_[transfer->index];
    if (status > 0) {
      // Servers that do not implement HEAD: ask again with a GET.
      if (transfer->head && (status == 405 || status == 501)) {
        queue_.push_back({transfer->index, false});
        return;
      }
      result.status = status;
      result.error.clear();
      return;
    }
    result.error = transfer->error[0] ? transfer->error : curl_easy_strerror(code);
  }

  std::span<const std::string> urls_;
  const ProbeOptions& options_;
  std::vector<ProbeResult> results_;
  Slist resolve_;
  Slist connect_to_;
  std::deque<Queued> queue_;
};

}  // namespace

std::string url_scheme(std::string_view url) {
  const std::size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return {};
  std::string scheme;
  for (std::size_t i = 0; i < colon; ++i) {
    if (!is_scheme_char(url[i], i == 0)) return {};
    const char c = url[i];
    scheme += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return scheme;
}

std::vector<ProbeResult> probe_urls(std::span<const std::string> urls, const ProbeOptions& options) {
  detail::init_curl_once();
  return Prober(urls, options).run();
}

ProbeResult probe_url(std::string_view url, const ProbeOptions& options) {
  const std::string one[] = {std::string(url)};
  return probe_urls(one, options).front();
}

}  // namespace lotse::net
