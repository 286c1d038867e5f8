// CSAF 2.0 tests 6.3.6 Use of non-self referencing URLs Failing to Resolve
// and 6.3.7 Use of self referencing URLs Failing to Resolve (see
// url_checks.hpp). The places are the specification's relevant paths; the
// full product name paths come from csaf/full_product_names.hpp.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "csaf/full_product_names.hpp"
#include "csaf/informative/finding_budget.hpp"
#include "csaf/informative/informative_tests.hpp"
#include "csaf/informative/relevant_paths.hpp"
#include "csaf/informative/url_checks.hpp"
#include "csaf/text.hpp"
#include "json/pointer.hpp"
#include "util/string_map.hpp"

namespace lotse::csaf::informative {

namespace {

struct UrlPlace {
  std::string_view url;
  std::string pointer;
};

void add_strings_at(const json::Value& root, std::string_view pattern, std::vector<UrlPlace>& out) {
  for (LocatedValue& at : values_at(root, pattern)) {
    if (at.value->is_string()) out.push_back({at.value->as_string(), std::move(at.pointer)});
  }
}

// The `url` of each references_t item under `pattern` whose category is
// (or, for `self_wanted` false, is not) "self". A missing category is the
// default, "external".
void add_references(const json::Value& root, std::string_view pattern, bool self_wanted,
                    std::vector<UrlPlace>& out) {
  for (LocatedValue& reference : values_at(root, pattern)) {
    const json::Value* category = reference.value->find("category");
    const bool self = category && category->is_string() && category->as_string() == "self";
    const json::Value* url = reference.value->find("url");
    if (self != self_wanted || !url || !url->is_string()) continue;
    out.push_back({url->as_string(), reference.pointer + "/url"});
  }
}

void add_product_helper_urls(const json::Value& root, std::vector<UrlPlace>& out) {
  for_each_full_product_name(root, [&](const json::Value& product, const std::string& pointer) {
    const json::Value* helper = product.find("product_identification_helper");
    if (!helper || !helper->is_object()) return;
    const std::string helper_pointer = pointer + "/product_identification_helper";
    for (LocatedValue& at : values_at(*helper, "/sbom_urls[]")) {
      if (at.value->is_string()) out.push_back({at.value->as_string(), helper_pointer + at.pointer});
    }
    for (LocatedValue& generic : values_at(*helper, "/x_generic_uris[]")) {
      for (std::string_view key : {"namespace", "uri"}) {
        const json::Value* value = generic.value->find(key);
        if (!value || !value->is_string()) continue;
        std::string at = helper_pointer + generic.pointer;
        json::append_pointer_token(at, key);
        out.push_back({value->as_string(), std::move(at)});
      }
    }
  });
}

std::vector<UrlPlace> collect(const json::Value& root, UrlSelection selection) {
  std::vector<UrlPlace> places;
  if (selection == UrlSelection::self_referencing) {
    add_references(root, "/document/references[]", true, places);
    add_references(root, "/vulnerabilities[]/references[]", true, places);
    return places;
  }
  add_strings_at(root, "/document/acknowledgments[]/urls[]", places);
  add_strings_at(root, "/document/aggregate_severity/namespace", places);
  add_strings_at(root, "/document/distribution/tlp/url", places);
  add_references(root, "/document/references[]", false, places);
  add_strings_at(root, "/document/publisher/namespace", places);
  add_product_helper_urls(root, places);
  add_strings_at(root, "/vulnerabilities[]/acknowledgments[]/urls[]", places);
  add_references(root, "/vulnerabilities[]/references[]", false, places);
  add_strings_at(root, "/vulnerabilities[]/remediations[]/url", places);
  return places;
}

std::string failure_message(std::string_view url, const net::ProbeResult& result, UrlSelection selection) {
  std::string why = result.status > 0 ? "the server answered with HTTP status " + std::to_string(result.status)
                                      : result.error;
  std::string kind = selection == UrlSelection::self_referencing ? "the self reference URL " : "the URL ";
  return kind + quote_text(url) + " does not resolve: " + why +
         "; expected an HTTP status code of the class 2xx (Successful) or 3xx (Redirection)";
}

void report_findings(TestContext& context, UrlSelection selection) {
  if (!context.options().online) {
    context.skip("needs --online (requests every URL of the document)");
    return;
  }
  FindingBudget findings(context);
  for (UrlFinding& f : check_urls(context.root(), selection, probe_options_for(context.options()))) {
    findings.report(std::move(f.pointer), std::move(f.message));
  }
}

}  // namespace

std::vector<UrlFinding> check_urls(const json::Value& root, UrlSelection selection,
                                   const net::ProbeOptions& probe) {
  const std::vector<UrlPlace> places = collect(root, selection);
  // Each distinct URL once, the first kMaxUrlsPerDocument of them.
  util::StringViewMap<std::size_t> distinct;
  std::vector<std::string> urls;
  std::vector<std::size_t> url_of(places.size(), SIZE_MAX);
  std::size_t unchecked = 0;
  const UrlPlace* first_unchecked = nullptr;
  for (std::size_t i = 0; i < places.size(); ++i) {
    auto found = distinct.find(places[i].url);
    if (found != distinct.end()) {
      url_of[i] = found->second;
      continue;
    }
    if (urls.size() == kMaxUrlsPerDocument) {
      ++unchecked;
      if (!first_unchecked) first_unchecked = &places[i];
      distinct.emplace(places[i].url, SIZE_MAX);
      continue;
    }
    distinct.emplace(places[i].url, urls.size());
    url_of[i] = urls.size();
    urls.emplace_back(places[i].url);
  }
  const std::vector<net::ProbeResult> results = net::probe_urls(urls, probe);

  std::vector<UrlFinding> findings;
  for (std::size_t i = 0; i < places.size(); ++i) {
    if (url_of[i] == SIZE_MAX) continue;
    const net::ProbeResult& result = results[url_of[i]];
    if (result.resolves()) continue;
    findings.push_back({places[i].pointer, failure_message(places[i].url, result, selection)});
  }
  if (first_unchecked) {
    findings.push_back(
        {first_unchecked->pointer,
         "not checked: this and " + std::to_string(unchecked - 1) +
             " more distinct URLs were not requested, as only the first " +
             std::to_string(kMaxUrlsPerDocument) +
             " distinct URLs of a document are (bounded work); expected to check them separately"});
  }
  return findings;
}

net::ProbeOptions probe_options_for(const TestOptions& options) {
  net::ProbeOptions probe;
  probe.timeout = options.timeout;
  probe.resolve = options.resolve;
  probe.connect_to = options.connect_to;
  probe.ca_file = options.ca_file;
  return probe;
}

void use_of_non_self_referencing_urls_failing_to_resolve(TestContext& context) {
  report_findings(context, UrlSelection::non_self_referencing);
}

void use_of_self_referencing_urls_failing_to_resolve(TestContext& context) {
  report_findings(context, UrlSelection::self_referencing);
}

}  // namespace lotse::csaf::informative
