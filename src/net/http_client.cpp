#include "net/http_client.hpp"

#include <curl/curl.h>

#include <deque>
#include <mutex>
#include <vector>

#include "net/curl_support.hpp"
#include "net/http_probe.hpp"

namespace lotse::net {

using detail::make_slist;
using detail::Slist;

namespace {

// The transfer of one request, possibly over several redirect hops.
struct Transfer {
  std::size_t index = 0;
  std::size_t max_bytes = 0;
  bool prefix_only = false;
  bool too_large = false;
  CURL* easy = nullptr;
  char error[CURL_ERROR_SIZE] = {};
  Response* response = nullptr;
};

size_t collect_body(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const size_t bytes = size * count;
  if (transfer->response->body.size() + bytes > transfer->max_bytes) {
    transfer->too_large = true;
    return 0;  // ends the transfer with CURLE_WRITE_ERROR
  }
  transfer->response->body.append(data, bytes);
  return bytes;
}

// Why `url` is not requested at all; empty when it may be.
std::string refusal(const std::string& url) {
  if (url.size() > kMaxUrlLength) return "URL longer than " + std::to_string(kMaxUrlLength) + " characters";
  const std::string scheme = url_scheme(url);
  if (scheme != "https" && scheme != "http") return "not an http(s) URL";
  return {};
}

}  // namespace

struct Client::Impl {
  CURLM* multi = nullptr;
  CURLSH* share = nullptr;
  Slist resolve;
  Slist connect_to;
  // Easy handles between transfers, with the options every request shares
  // already set: creating, configuring and freeing one per request was
  // about a fifth of the client's CPU time in `lotse check` (perf).
  std::vector<CURL*> idle;
  ~Impl() {
    for (CURL* e : idle) curl_easy_cleanup(e);
    if (multi) curl_multi_cleanup(multi);
    if (share) curl_share_cleanup(share);
  }
};

Client::Client(ClientOptions options) : options_(std::move(options)), impl_(std::make_unique<Impl>()) {
  detail::init_curl_once();
  impl_->multi = curl_multi_init();
  impl_->share = curl_share_init();
  if (impl_->share) {
    // DNS and TLS sessions shared across handles; connections are pooled by
    // the multi handle itself.
    curl_share_setopt(impl_->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    curl_share_setopt(impl_->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
  }
  if (impl_->multi) {
    const long parallel = static_cast<long>(options_.max_parallel ? options_.max_parallel : 1);
    curl_multi_setopt(impl_->multi, CURLMOPT_MAX_HOST_CONNECTIONS, parallel);
    curl_multi_setopt(impl_->multi, CURLMOPT_MAXCONNECTS, parallel * 2);
  }
  impl_->resolve = make_slist(options_.resolve);
  impl_->connect_to = make_slist(options_.connect_to);
}

Client::~Client() = default;

Response Client::fetch_one(const std::string& url, std::size_t max_bytes) {
  const Request request{url, max_bytes};
  return std::move(fetch(std::span<const Request>(&request, 1)).front());
}

std::vector<Response> Client::fetch(std::span<const Request> requests) {
  std::vector<Response> responses(requests.size());
  std::deque<Transfer> transfers;  // stable addresses for curl's user pointers
  std::deque<Transfer*> queue;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    responses[i].url = requests[i].url;
    responses[i].final_url = requests[i].url;
    if (std::string why = refusal(requests[i].url); !why.empty()) {
      responses[i].error = std::move(why);
      continue;
    }
    Transfer& t = transfers.emplace_back();
    t.index = i;
    t.max_bytes = requests[i].max_bytes;
    t.prefix_only = requests[i].prefix_only;
    t.response = &responses[i];
    queue.push_back(&t);
  }
  if (!impl_->multi) {
    for (Transfer* t : queue) t->response->error = "cannot create a curl multi handle";
    return responses;
  }

  // A handle with the options shared by every request (taken from the idle
  // ones or made), or nullptr.
  auto handle = [&]() -> CURL* {
    if (!impl_->idle.empty()) {
      CURL* e = impl_->idle.back();
      impl_->idle.pop_back();
      return e;
    }
    CURL* e = curl_easy_init();
    if (!e) return nullptr;
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout.count()));
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.timeout.count()));
    curl_easy_setopt(e, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &collect_body);
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // gzip etc. if offered; capped after decoding
    if (impl_->share) curl_easy_setopt(e, CURLOPT_SHARE, impl_->share);
    if (impl_->resolve) curl_easy_setopt(e, CURLOPT_RESOLVE, impl_->resolve.get());
    if (impl_->connect_to) curl_easy_setopt(e, CURLOPT_CONNECT_TO, impl_->connect_to.get());
    if (!options_.ca_file.empty()) curl_easy_setopt(e, CURLOPT_CAINFO, options_.ca_file.c_str());
    return e;
  };
  // The handle back to the idle ones (a redirect hop keeps it instead).
  auto release = [&](Transfer& t) {
    if (!t.easy) return;
    curl_easy_setopt(t.easy, CURLOPT_ERRORBUFFER, nullptr);  // t.error dies with this call
    curl_easy_setopt(t.easy, CURLOPT_WRITEDATA, nullptr);
    curl_easy_setopt(t.easy, CURLOPT_PRIVATE, nullptr);
    impl_->idle.push_back(t.easy);
    t.easy = nullptr;
  };

  auto start = [&](Transfer& t) -> bool {
    if (!t.easy) t.easy = handle();
    if (!t.easy) {
      t.response->error = "cannot create a curl handle";
      return false;
    }
    CURL* e = t.easy;
    curl_easy_setopt(e, CURLOPT_URL, t.response->final_url.c_str());
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t.error);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(e, CURLOPT_PRIVATE, &t);
    // 0: no limit (a prefix is cut by collect_body instead).
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(t.prefix_only ? 0 : t.max_bytes));
    t.error[0] = '\0';
    t.too_large = false;
    t.response->body.clear();
    if (curl_multi_add_handle(impl_->multi, e) != CURLM_OK) {
      t.response->error = "cannot start the transfer";
      release(t);
      return false;
    }
    return true;
  };

  const std::size_t parallel = options_.max_parallel ? options_.max_parallel : 1;
  std::size_t active = 0;
  while (!queue.empty() || active > 0) {
    while (active < parallel && !queue.empty()) {
      Transfer* t = queue.front();
      queue.pop_front();
      if (start(*t)) ++active;
    }
    int running = 0;
    curl_multi_perform(impl_->multi, &running);
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(impl_->multi, &left)) {
      if (message->msg != CURLMSG_DONE) continue;
      Transfer* t = nullptr;
      curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &t);
      CURL* e = message->easy_handle;
      curl_multi_remove_handle(impl_->multi, e);
      --active;
      if (!t) continue;
      Response& r = *t->response;
      curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &r.status);
      if (char* type = nullptr; curl_easy_getinfo(e, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type) {
        r.content_type = type;
      }
      const CURLcode code = message->data.result;
      if (t->too_large && t->prefix_only) {
        r.truncated = true;
      } else if (t->too_large || code == CURLE_FILESIZE_EXCEEDED) {
        r.error = "larger than " + std::to_string(t->max_bytes) + " bytes";
      } else if (code != CURLE_OK) {
        r.error = t->error[0] ? t->error : curl_easy_strerror(code);
      } else if (r.status >= 300 && r.status < 400) {
        char* location = nullptr;
        curl_easy_getinfo(e, CURLINFO_REDIRECT_URL, &location);
        if (location && static_cast<int>(r.redirects.size()) < options_.max_redirects &&
            refusal(location).empty()) {
          r.redirects.emplace_back(location);
          r.final_url = location;
          queue.push_back(t);  // the next hop, on the same handle
          continue;
        }
        r.error = location ? "redirect not followed to " + std::string(location) : "redirect without Location";
      }
      release(*t);
    }
    if (!queue.empty() && active < parallel) continue;
    if (active > 0) curl_multi_poll(impl_->multi, nullptr, 0, 100, nullptr);
  }
  return responses;
}

}  // namespace lotse::net
