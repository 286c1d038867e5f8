#include "csaf/cwe_catalog.hpp"

#include <algorithm>
#include <charconv>

#include "resources/resources.hpp"

namespace lotse::csaf {

namespace {

// Splits `line` at tabs into at most `max` fields; the last field keeps any
// further tabs (names never contain one; convert.py checks).
std::vector<std::string_view> split_tabs(std::string_view line, std::size_t max) {
  std::vector<std::string_view> fields;
  while (fields.size() + 1 < max) {
    std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) break;
    fields.push_back(line.substr(0, tab));
    line.remove_prefix(tab + 1);
  }
  fields.push_back(line);
  return fields;
}

bool parse_index(std::string_view text, std::size_t& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

}  // namespace

tl::expected<CweCatalog, std::string> CweCatalog::parse(std::string_view text) {
  CweCatalog catalog;
  std::size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    auto error = [&](std::string_view what) {
      return tl::unexpected("CWE catalog line " + std::to_string(line_number) + ": " +
                            std::string(what));
    };
    if (line.starts_with("V\t")) {
      auto f = split_tabs(line, 4);
      std::size_t index = 0;
      if (f.size() != 4 || !parse_index(f[1], index) || index != catalog.releases_.size()) {
        return error("expected V<TAB>index<TAB>version<TAB>date, releases numbered from 0");
      }
      catalog.releases_.push_back({f[2], f[3]});
    } else if (line.starts_with("W\t")) {
      auto f = split_tabs(line, 7);
      Record r;
      if (f.size() != 7 || !parse_index(f[2], r.first) || !parse_index(f[3], r.last) ||
          r.first > r.last || r.last >= catalog.releases_.size() || f[1].empty()) {
        return error("expected W<TAB>id<TAB>first<TAB>last<TAB>status<TAB>usage<TAB>name "
                     "with first <= last naming releases listed before");
      }
      r.id = f[1];
      r.status = f[4];
      r.usage = f[5];
      r.name = f[6];
      catalog.records_.push_back(r);
    } else {
      return error("expected a line starting with V, W or #");
    }
  }
  // By id, each id's records oldest first (stable: the file lists them so).
  std::stable_sort(catalog.records_.begin(), catalog.records_.end(),
                   [](const Record& a, const Record& b) { return a.id < b.id; });
  return catalog;
}

const CweCatalog& CweCatalog::embedded() {
  // Built once; a missing or broken resource is a build defect that the
  // unit tests catch, so fall back to an empty catalog rather than abort.
  static const CweCatalog catalog = [] {
    const resources::Resource* resource = resources::find("data/cwe/cwe_catalog.tsv");
    if (!resource) return CweCatalog{};
    auto parsed = parse(resource->data);
    return parsed ? std::move(*parsed) : CweCatalog{};
  }();
  return catalog;
}

std::size_t CweCatalog::release_index(std::string_view version) const {
  for (std::size_t i = 0; i < releases_.size(); ++i) {
    if (releases_[i].version == version) return i;
  }
  return releases_.size();
}

std::span<const CweCatalog::Record> CweCatalog::history(std::string_view id) const {
  struct ById {
    bool operator()(const Record& a, std::string_view b) const { return a.id < b; }
    bool operator()(std::string_view a, const Record& b) const { return a < b.id; }
  };
  auto [begin, end] = std::equal_range(records_.begin(), records_.end(), id, ById{});
  return {records_.data() + (begin - records_.begin()), static_cast<std::size_t>(end - begin)};
}

const CweCatalog::Record* CweCatalog::find(std::string_view id, std::size_t release) const {
  for (const Record& r : history(id)) {
    if (r.first <= release && release <= r.last) return &r;
  }
  return nullptr;
}

const CweCatalog::Record* CweCatalog::latest(std::string_view id) const {
  std::span<const Record> records = history(id);
  return records.empty() ? nullptr : &records.back();
}

}  // namespace lotse::csaf
