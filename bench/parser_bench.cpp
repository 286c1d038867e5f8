// JSON parse throughput of Lotse's parser against simdjson (DOM) and
// nlohmann-json, on one core: the measurement behind the parser choice.
//
// All parsers get the same inputs (the replicated OASIS CSAF 2.0 corpus and
// the generated ~9 MB advisory with 50,000 products) as std::strings, and
// each builds a full tree it could hand to a validator. What each tree
// offers differs: Lotse's keeps source offsets and number literals and
// rejects duplicate keys; simdjson's DOM does neither; nlohmann::json sorts
// object keys (losing source order, which CSAF test 6.2.13 needs), and
// ordered_json keeps it.
#include <cstdio>
#include <cstdlib>
#include <string>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "corpus.hpp"
#include "generate_advisory.hpp"
#include "json/parser.hpp"

namespace {

using lotse::bench::Corpus;

constexpr std::size_t kCorpusSize = 1000;
constexpr std::size_t kLargeProducts = 50'000;

// Built on first use, not at static-init time (see schema_bench.cpp).
const Corpus& corpus() {
  static const Corpus c = lotse::bench::load_csaf20_examples(kCorpusSize);
  return c;
}

// The large advisory as a one-document corpus, so both inputs run through
// the same loops.
const Corpus& large() {
  static const Corpus c = [] {
    Corpus l;
    l.names.push_back("generated-50000");
    l.texts.push_back(lotse::bench::generate_advisory(kLargeProducts));
    l.bytes = l.texts.back().size();
    l.distinct = 1;
    return l;
  }();
  return c;
}

const Corpus& input(const benchmark::State& state) {
  return state.range(0) == 0 ? corpus() : large();
}

[[noreturn]] void die(const char* parser, const std::string& message) {
  std::fprintf(stderr, "parser_bench: %s: %s\n", parser, message.c_str());
  std::abort();
}

void finish(benchmark::State& state, const Corpus& c) {
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * c.texts.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * c.bytes));
  state.SetLabel(state.range(0) == 0 ? "corpus" : "large");
}

void BM_Lotse(benchmark::State& state) {
  const Corpus& c = input(state);
  for (auto _ : state) {
    for (const std::string& text : c.texts) {
      auto doc = lotse::json::parse(text);
      if (!doc) die("lotse", doc.error().describe());
      benchmark::DoNotOptimize(doc->root());
    }
  }
  finish(state, c);
}

void BM_SimdjsonDom(benchmark::State& state) {
  const Corpus& c = input(state);
  // One parser reused for all documents, as simdjson is meant to be used
  // (it keeps its buffers). parse() copies each input into a padded buffer,
  // as Lotse copies its input into the Document: same work on both sides.
  simdjson::dom::parser parser;
  for (auto _ : state) {
    for (const std::string& text : c.texts) {
      simdjson::dom::element root;
      if (auto error = parser.parse(text).get(root)) die("simdjson", simdjson::error_message(error));
      benchmark::DoNotOptimize(root);
    }
  }
  finish(state, c);
  state.SetLabel(std::string(state.range(0) == 0 ? "corpus" : "large") + ", " +
                 simdjson::get_active_implementation()->name());
}

template <typename Json>
void BM_Nlohmann(benchmark::State& state) {
  const Corpus& c = input(state);
  for (auto _ : state) {
    for (const std::string& text : c.texts) {
      // allow_exceptions=false: a failed parse yields a discarded value
      // instead of throwing, so the check below stays explicit.
      Json doc = Json::parse(text, nullptr, false);
      if (doc.is_discarded()) die("nlohmann", "parse failed");
      benchmark::DoNotOptimize(doc);
    }
  }
  finish(state, c);
}

// Arg 0: the 1,000-document corpus; Arg 1: the 50,000-product advisory.
BENCHMARK(BM_Lotse)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SimdjsonDom)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Nlohmann, nlohmann::json)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_Nlohmann, nlohmann::ordered_json)
    ->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
