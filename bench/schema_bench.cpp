// Schema-only CSAF validation throughput on one core (run under
// `taskset -c 0`): what `lotse validate --preset schema` costs per document,
// split into parsing and schema evaluation so we see where the time goes.
//
//   BM_Validate        parse + validate 1,000 documents (the real path)
//   BM_ParseOnly       lotse::json::parse of the same 1,000 texts
//   BM_SchemaOnly      Schema::validate of the same 1,000, pre-parsed
//   BM_LargeAdvisory*  one generated advisory with N products, same split
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "corpus.hpp"
#include "csaf/schemas.hpp"
#include "csaf/test_registry.hpp"
#include "csaf/validator.hpp"
#include "generate_advisory.hpp"
#include "json/parser.hpp"

namespace {

using lotse::bench::Corpus;

constexpr std::size_t kCorpusSize = 1000;

// Loaded on first use, not at static-init time: `--benchmark_list_tests`
// should not need the test suites.
const Corpus& corpus() {
  static const Corpus c = lotse::bench::load_csaf20_examples(kCorpusSize);
  return c;
}

const lotse::schema::Schema& csaf20_schema() {
  // Compiling happens once per process; fetching it here keeps that cost
  // out of every timed loop.
  static const lotse::schema::Schema* s =
      lotse::csaf::document_schema("2.0", lotse::csaf::SchemaFlavour::normal);
  return *s;
}

[[noreturn]] void die(const std::string& message) {
  std::fprintf(stderr, "schema_bench: %s\n", message.c_str());
  std::abort();
}

lotse::json::Document parse_or_die(const std::string& text, const std::string& name) {
  auto doc = lotse::json::parse(text);
  if (!doc) die(name + ": " + doc.error().describe());
  return std::move(*doc);
}

void set_throughput(benchmark::State& state, std::size_t docs, std::size_t bytes) {
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * docs));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

// Parse + validate the 1,000 documents with `preset`: the real
// `lotse validate` path.
// `tests`, when given, replaces the preset (as `lotse validate --test`).
void validate_corpus(benchmark::State& state, lotse::csaf::Preset preset,
                     std::vector<std::string> tests = {}) {
  const Corpus& c = corpus();
  csaf20_schema();
  lotse::csaf::ValidateOptions options;
  options.preset = preset;
  options.tests = std::move(tests);
  std::size_t invalid = 0;
  for (auto _ : state) {
    invalid = 0;
    for (std::size_t i = 0; i < c.texts.size(); ++i) {
      auto result = lotse::csaf::validate_document(c.texts[i], c.names[i], options);
      invalid += result.valid ? 0 : 1;
      benchmark::DoNotOptimize(result);
    }
  }
  set_throughput(state, c.texts.size(), c.bytes);
  // The OASIS examples are all valid; a non-zero count means the benchmark
  // measured error reporting, not validation.
  state.counters["invalid_docs"] = static_cast<double>(invalid);
  state.counters["distinct_docs"] = static_cast<double>(c.distinct);
}

void BM_Validate(benchmark::State& state) { validate_corpus(state, lotse::csaf::Preset::schema); }
BENCHMARK(BM_Validate)->Unit(benchmark::kMillisecond);

// Preset basic: schema + every mandatory test (6.1.x), the figure compared
// with csaf-validator-lib's `basic` (bench/peer).
void BM_ValidateBasic(benchmark::State& state) { validate_corpus(state, lotse::csaf::Preset::basic); }
BENCHMARK(BM_ValidateBasic)->Unit(benchmark::kMillisecond);

// Preset full: basic + every optional (6.2.x) and informative (6.3.x) test,
// offline (6.3.6 and 6.3.7 are skipped without --online), compared with
// csaf-validator-lib's `full` without its two network tests.
void BM_ValidateFull(benchmark::State& state) { validate_corpus(state, lotse::csaf::Preset::full); }
BENCHMARK(BM_ValidateFull)->Unit(benchmark::kMillisecond);

// The same without the spell check 6.3.8 (the peer spawns a hunspell
// process per text there, which would swamp every other difference).
void BM_ValidateFullWithoutSpelling(benchmark::State& state) {
  std::vector<std::string> tests{"schema"};
  for (const lotse::csaf::TestDefinition& test : lotse::csaf::all_tests()) {
    if (test.csaf_version == "2.0" && test.id != "6.3.8") tests.emplace_back(test.id);
  }
  validate_corpus(state, lotse::csaf::Preset::full, std::move(tests));
}
BENCHMARK(BM_ValidateFullWithoutSpelling)->Unit(benchmark::kMillisecond);

void BM_ParseOnly(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state) {
    for (const std::string& text : c.texts) {
      auto doc = lotse::json::parse(text);
      if (!doc) die("parse failed: " + doc.error().describe());
      benchmark::DoNotOptimize(doc->root());
    }
  }
  set_throughput(state, c.texts.size(), c.bytes);
}
BENCHMARK(BM_ParseOnly)->Unit(benchmark::kMillisecond);

void BM_SchemaOnly(benchmark::State& state) {
  const Corpus& c = corpus();
  const lotse::schema::Schema& schema = csaf20_schema();
  std::vector<lotse::json::Document> docs;
  docs.reserve(c.texts.size());
  for (std::size_t i = 0; i < c.texts.size(); ++i) docs.push_back(parse_or_die(c.texts[i], c.names[i]));
  std::vector<lotse::schema::Violation> violations;
  for (auto _ : state) {
    for (const lotse::json::Document& doc : docs) {
      violations.clear();
      // With a violations vector, as validate_parsed() calls it: evaluation
      // then visits every keyword instead of stopping at the first failure.
      benchmark::DoNotOptimize(schema.validate(doc.root(), &violations));
    }
  }
  set_throughput(state, c.texts.size(), c.bytes);
}
BENCHMARK(BM_SchemaOnly)->Unit(benchmark::kMillisecond);

// The generated advisory for `products`, checked to be valid once.
const std::string& large_advisory(std::size_t products) {
  // Small cache: each Arg is generated once even though the three large
  // benchmarks all use it.
  static std::vector<std::pair<std::size_t, std::unique_ptr<std::string>>> cache;
  for (const auto& [n, text] : cache) {
    if (n == products) return *text;
  }
  auto text = std::make_unique<std::string>(lotse::bench::generate_advisory(products));
  const auto result = lotse::csaf::validate_document(*text, "generated", {});
  if (!result.valid) {
    std::string message = "the generated advisory with " + std::to_string(products) +
                          " products is not valid:";
    for (const auto& f : result.findings) {
      message += "\n  " + f.pointer + ": " + f.message;
    }
    die(message);
  }
  cache.emplace_back(products, std::move(text));
  return *cache.back().second;
}

// Validates the generated advisory with `preset`; a finding means the
// benchmark measured error reporting, so it stops.
void validate_large_advisory(benchmark::State& state, lotse::csaf::Preset preset) {
  const std::string& text = large_advisory(static_cast<std::size_t>(state.range(0)));
  csaf20_schema();
  lotse::csaf::ValidateOptions options;
  options.preset = preset;
  for (auto _ : state) {
    auto result = lotse::csaf::validate_document(text, "generated", options);
    if (!result.valid) {
      die("the generated advisory is not valid: [" + result.findings[0].test + "] " +
          result.findings[0].message);
    }
    benchmark::DoNotOptimize(result);
  }
  set_throughput(state, 1, text.size());
  state.counters["MB"] = static_cast<double>(text.size()) / 1e6;
}

void BM_LargeAdvisory(benchmark::State& state) {
  validate_large_advisory(state, lotse::csaf::Preset::schema);
}
BENCHMARK(BM_LargeAdvisory)
    ->Arg(1'000)->Arg(10'000)->Arg(50'000)->Arg(100'000)
    ->Unit(benchmark::kMillisecond);

void BM_LargeAdvisoryBasic(benchmark::State& state) {
  validate_large_advisory(state, lotse::csaf::Preset::basic);
}
BENCHMARK(BM_LargeAdvisoryBasic)
    ->Arg(1'000)->Arg(10'000)->Arg(50'000)->Arg(100'000)
    ->Unit(benchmark::kMillisecond);

void BM_LargeAdvisoryParseOnly(benchmark::State& state) {
  const std::string& text = large_advisory(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto doc = lotse::json::parse(text);
    benchmark::DoNotOptimize(doc->root());
  }
  set_throughput(state, 1, text.size());
}
BENCHMARK(BM_LargeAdvisoryParseOnly)
    ->Arg(1'000)->Arg(10'000)->Arg(50'000)->Arg(100'000)
    ->Unit(benchmark::kMillisecond);

void BM_LargeAdvisorySchemaOnly(benchmark::State& state) {
  const std::string& text = large_advisory(static_cast<std::size_t>(state.range(0)));
  const lotse::json::Document doc = parse_or_die(text, "generated");
  const lotse::schema::Schema& schema = csaf20_schema();
  std::vector<lotse::schema::Violation> violations;
  for (auto _ : state) {
    violations.clear();
    benchmark::DoNotOptimize(schema.validate(doc.root(), &violations));
  }
  set_throughput(state, 1, text.size());
}
BENCHMARK(BM_LargeAdvisorySchemaOnly)
    ->Arg(1'000)->Arg(10'000)->Arg(50'000)->Arg(100'000)
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
