// What both of net's libcurl users (http_probe, http_client) need: the
// one-time global initialisation and curl's string lists (for
// CURLOPT_RESOLVE and CURLOPT_CONNECT_TO) owned by a unique_ptr.
// Internal to src/net.
#pragma once

#include <curl/curl.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace lotse::net::detail {

// curl_global_init once per process, before the first handle (it is not
// thread-safe itself).
inline void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

// The entries as a curl string list (null when empty). Out of memory
// midway: the entries appended so far.
inline Slist make_slist(const std::vector<std::string>& entries) {
  curl_slist* list = nullptr;
  for (const std::string& e : entries) {
    curl_slist* grown = curl_slist_append(list, e.c_str());
    if (!grown) break;
    list = grown;
  }
  return Slist(list);
}

}  // namespace lotse::net::detail
