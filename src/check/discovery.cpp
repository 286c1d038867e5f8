#include "check/discovery.hpp"

#include <algorithm>
#include <cctype>

#include "csaf/schemas.hpp"
#include "json/parser.hpp"

namespace lotse::check {

namespace {

constexpr std::string_view kProviderSchema = "https://docs.oasis-open.org/csaf/csaf/v2.0/provider_json_schema.json";

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return std::string(text);
}

// The values of every "CSAF:" field of a security.txt (RFC 9116), in order.
std::vector<std::string> csaf_fields(std::string_view text) {
  std::vector<std::string> values;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string line = trim(text.substr(at, end - at));
    at = end + 1;
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos || line.starts_with("#")) continue;
    if (lower(trim(std::string_view(line).substr(0, colon))) == "csaf") {
      values.push_back(trim(std::string_view(line).substr(colon + 1)));
    }
  }
  return values;
}

// Why `text` is not provider metadata at all; empty when it looks like one.
std::string not_metadata(const net::Response& response) {
  if (!response.ok()) return {};
  auto parsed = json::parse(std::string_view(response.body));
  if (!parsed) return "not JSON: " + parsed.error().describe();
  const json::Value* canonical = parsed->root().find("canonical_url");
  if (!canonical || !canonical->is_string()) return "JSON without canonical_url: not a provider-metadata.json";
  return {};
}

}  // namespace

std::string Fetched::describe() const {
  std::string out;
  if (!redirects.empty()) out += "redirected to " + redirects.back() + ", ";
  if (!error.empty()) return out + error;
  return out + "HTTP " + std::to_string(status);
}

Fetched record(Observations& observations, const net::Response& response) {
  Fetched f;
  f.url = response.url;
  f.status = response.status;
  f.redirects = response.redirects;
  f.error = response.error;
  observations.fetches.push_back(f);
  return f;
}

std::string url_authority(const std::string& url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string::npos) return {};
  const std::size_t start = scheme + 3;
  const std::size_t end = url.find_first_of("/?#", start);
  std::string authority = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (const std::size_t at = authority.rfind('@'); at != std::string::npos) authority.erase(0, at + 1);
  return lower(authority);
}

std::string discover(const std::string& input, net::Client& client, const CheckOptions& options,
                     Observations& observations) {
  const bool is_url = input.find("://") != std::string::npos;
  observations.input = input;
  observations.domain = is_url ? url_authority(input) : lower(input);
  const std::string& domain = observations.domain;

  const std::string well_known = "https://" + domain + "/.well-known/csaf/provider-metadata.json";
  const std::string security_txt = "https://" + domain + "/.well-known/security.txt";
  const std::string dns_path = "https://csaf.data.security." + domain + "/";
  std::vector<net::Request> requests = {{well_known, options.max_small_bytes},
                                        {security_txt, options.max_small_bytes},
                                        {dns_path, options.max_small_bytes}};
  if (is_url) requests.push_back({input, options.max_small_bytes});
  std::vector<net::Response> responses = client.fetch(requests);

  // Requirement 8: the first CSAF field must lead to a provider-metadata.json.
  DiscoveryAttempt txt{8, security_txt, record(observations, responses[1]), {}, {}};
  std::optional<net::Response> txt_target;
  std::vector<std::string> fields;
  if (!responses[1].ok()) {
    txt.problem = "no security.txt: " + txt.fetched.describe();
  } else if (fields = csaf_fields(responses[1].body); fields.empty()) {
    txt.problem = "security.txt has no CSAF field";
  } else {
    txt.metadata_url = fields.front();
    if (!txt.metadata_url.starts_with("https://")) {
      txt.problem = "the first CSAF field does not begin with https://: " + txt.metadata_url;
    } else if (txt.metadata_url == well_known) {
      txt_target = responses[0];
    } else {
      txt_target = client.fetch_one(txt.metadata_url, options.max_small_bytes);
      record(observations, *txt_target);
    }
    if (txt_target && !txt_target->ok()) {
      txt.problem = "the CSAF field points to " + txt.metadata_url + ": " + Fetched{txt.metadata_url, txt_target->status, txt_target->redirects, txt_target->error}.describe();
    } else if (txt_target) {
      txt.problem = not_metadata(*txt_target);
    }
    // "If one of the URLs fulfills requirement 9, this MUST be used as the
    // first CSAF entry."
    if (txt.problem.empty() && txt.metadata_url != well_known && not_metadata(responses[0]).empty() &&
        responses[0].ok() && responses[0].redirects.empty() &&
        std::find(fields.begin(), fields.end(), well_known) != fields.end()) {
      txt.problem = "the first CSAF field is " + txt.metadata_url + ", not the well-known URL " + well_known +
                    " listed after it";
    }
  }

  auto direct = [&](int requirement, const std::string& url, const net::Response& response) {
    DiscoveryAttempt attempt{requirement, url, record(observations, response), url, {}};
    if (!response.ok()) {
      attempt.problem = attempt.fetched.describe();
    } else if (!response.redirects.empty()) {
      attempt.problem = "does not serve it directly: redirected to " + response.redirects.back();
    } else {
      attempt.problem = not_metadata(response);
    }
    return attempt;
  };
  observations.discovery.push_back(direct(9, well_known, responses[0]));
  observations.discovery.push_back(txt);
  observations.discovery.push_back(direct(10, dns_path, responses[2]));

  // The metadata to check: the URL given, else the first way that works.
  const net::Response* chosen = nullptr;
  if (is_url) {
    chosen = &responses[3];
    observations.metadata_url = input;
    observations.metadata_fetched = record(observations, responses[3]);
  } else {
    for (const DiscoveryAttempt& attempt : observations.discovery) {
      if (!attempt.problem.empty()) continue;
      chosen = attempt.requirement == 9 ? &responses[0] : attempt.requirement == 10 ? &responses[2] : &*txt_target;
      observations.metadata_url = attempt.metadata_url;
      observations.metadata_fetched = attempt.fetched;
      break;
    }
  }
  if (!chosen) return {};
  if (!chosen->ok()) {
    observations.metadata_problems.push_back("cannot download: " + observations.metadata_fetched.describe());
    return {};
  }
  auto parsed = json::parse(std::string_view(chosen->body));
  if (!parsed) {
    observations.metadata_problems.push_back("not JSON: " + parsed.error().describe());
    return {};
  }
  observations.metadata_parsed = true;
  static const schema::Schema kSchema = csaf::compile_embedded_schema(kProviderSchema, csaf::SchemaFlavour::normal);
  std::vector<schema::Violation> violations;
  if (!kSchema.validate(parsed->root(), &violations)) {
    for (const schema::Violation& v : violations) {
      observations.metadata_problems.push_back((v.instance_pointer.empty() ? "/" : v.instance_pointer) + ": " +
                                               v.message);
    }
  }
  if (const json::Value* role = parsed->root().find("role"); role && role->is_string()) {
    observations.role = std::string(role->as_string());
  }
  return chosen->body;
}

}  // namespace lotse::check
