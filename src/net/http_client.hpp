// Downloading from a stranger's web server: the bodies, status codes and
// redirects of many URLs at once, as `lotse check` needs them to judge a
// CSAF provider (CSAF 2.0 section 7.1).
//
// A Client keeps one curl multi handle (and its easy handles, reused from
// request to request) for its lifetime, so connections to the provider
// stay open between batches (keep-alive) and up to
// ClientOptions::max_parallel requests run at once. Every body is capped
// (a larger one ends its transfer with an error, never an allocation the
// server chose), every request is bounded in time, only https and http are
// ever requested, and redirects are not followed by curl: the client
// follows at most ClientOptions::max_redirects HTTP header redirects itself
// and records each hop, because requirement 6 asks whether there were any.
//
// Thread safety: one thread at a time per Client; distinct Clients are
// independent.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace lotse::net {

struct ClientOptions {
  // Whole-request limit per URL and hop (connect, TLS, download).
  std::chrono::milliseconds timeout{15000};
  // curl-style "HOST:PORT:ADDRESS" (CURLOPT_RESOLVE) and
  // "HOST:PORT:CONNECT-TO-HOST:CONNECT-TO-PORT" (CURLOPT_CONNECT_TO).
  std::vector<std::string> resolve;
  std::vector<std::string> connect_to;
  // PEM file of CA certificates to trust instead of the system store.
  std::string ca_file;
  std::size_t max_parallel = 8;
  // HTTP header redirects followed per URL (each one recorded).
  int max_redirects = 3;
  std::string user_agent = "lotse-check";
};

// One download request: the URL and the most bytes its body may have.
struct Request {
  std::string url;
  std::size_t max_bytes = 1 << 20;
  // Whether the first max_bytes of a longer body will do (a directory
  // listing is recognised from its start): then the transfer stops there
  // and the response is marked truncated instead of failing.
  bool prefix_only = false;
};

struct Response {
  std::string url;                     // as requested
  std::vector<std::string> redirects;  // each Location followed, in order
  std::string final_url;               // the URL that answered last
  long status = 0;                     // HTTP status of the last answer; 0: none
  std::string content_type;
  std::string body;                    // complete only when error is empty and !truncated
  bool truncated = false;              // prefix_only and the body was longer
  std::string error;                   // no answer, too large, refused scheme ...

  // A 2xx answer with the whole body (or, prefix_only, its first bytes).
  bool ok() const { return error.empty() && status >= 200 && status < 300; }
};

class Client {
 public:
  explicit Client(ClientOptions options);
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // Downloads every request (in parallel, on kept-alive connections);
  // response i belongs to requests[i]. Never throws on any server answer.
  std::vector<Response> fetch(std::span<const Request> requests);

  // One request; the same as fetch() with a single element.
  Response fetch_one(const std::string& url, std::size_t max_bytes);

  const ClientOptions& options() const { return options_; }

 private:
  struct Impl;
  ClientOptions options_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lotse::net
