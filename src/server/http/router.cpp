#include "server/http/router.hpp"

#include <stdexcept>

namespace lotse::server::http {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  if (path.empty() || path == "/") return segments;
  if (path.front() == '/') path.remove_prefix(1);
  for (;;) {
    const std::size_t slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

namespace {

bool is_parameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// How well `pattern` matches `path`: -1 not at all, otherwise the number of
// literal segments (more literals = more specific).
int match_score(std::string_view pattern, const std::vector<std::string_view>& path,
                std::vector<std::pair<std::string, std::string>>* params) {
  const auto segments = split_path(pattern);
  if (segments.size() != path.size()) return -1;
  int literals = 0;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (is_parameter(segments[i])) {
      if (path[i].empty()) return -1;
      if (params) params->emplace_back(std::string(segments[i].substr(1, segments[i].size() - 2)), std::string(path[i]));
    } else if (segments[i] == path[i]) {
      ++literals;
    } else {
      return -1;
    }
  }
  return literals;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler, RouteDoc doc) {
  if (pattern.empty() || pattern.front() != '/') throw std::logic_error("route pattern must start with '/': " + pattern);
  for (const Route& route : routes_) {
    if (route.method == method && route.pattern == pattern) {
      throw std::logic_error("route registered twice: " + method + " " + pattern);
    }
  }
  routes_.push_back(Route{std::move(method), std::move(pattern), std::move(handler), std::move(doc)});
}

const Route* Router::match(std::string_view method, std::string_view path,
                           std::vector<std::pair<std::string, std::string>>& params, bool& path_known,
                           std::string& allowed) const {
  const auto segments = split_path(path);
  const Route* best = nullptr;
  int best_score = -1;
  int best_path_score = -1;
  for (const Route& route : routes_) {
    const int score = match_score(route.pattern, segments, nullptr);
    if (score < 0) continue;
    best_path_score = std::max(best_path_score, score);
  }
  if (best_path_score < 0) return nullptr;
  path_known = true;
  // Only the most specific pattern for this path counts: "/reports/new"
  // must not fall through to "/reports/{id}" for another method.
  for (const Route& route : routes_) {
    if (match_score(route.pattern, segments, nullptr) != best_path_score) continue;
    if (!allowed.empty()) allowed += ", ";
    allowed += route.method;
    if (route.method == "GET") allowed += ", HEAD";
    const bool same = route.method == method || (method == "HEAD" && route.method == "GET");
    if (same && best_path_score > best_score) {
      best = &route;
      best_score = best_path_score;
    }
  }
  if (best) match_score(best->pattern, segments, &params);
  return best;
}

Response Router::dispatch(Request& request) const {
  bool path_known = false;
  std::string allowed;
  request.path_params.clear();
  const Route* route = match(request.method, request.path, request.path_params, path_known, allowed);
  if (route) return route->handler(request);
  if (!path_known) return error_response(404, "not_found", "no resource at this path");
  Response response = error_response(405, "method_not_allowed", "this resource does not accept " + request.method);
  response.with_header("Allow", allowed);
  return response;
}

}  // namespace lotse::server::http
