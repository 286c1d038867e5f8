// The benchmark corpus: the OASIS CSAF 2.0 example advisories, read once
// into memory and replicated round-robin to a fixed number of documents, so
// that throughput figures do not depend on the disk or on how many examples
// the test suite happens to hold.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace lotse::bench {

struct Corpus {
  std::vector<std::string> names;  // file name of each document's original
  std::vector<std::string> texts;  // one separate copy per document
  std::size_t bytes = 0;           // sum of texts[i].size()
  std::size_t distinct = 0;        // how many example files were found
};

// $LOTSE_TESTSUITES if set, else LOTSE_SOURCE_DIR/../shared/testsuites.
std::filesystem::path testsuites_dir();

// Every *.json under <testsuites>/csaf/csaf_2.0/examples/csaf (recursively,
// in sorted order), replicated to `count` documents. Exits with a message
// when the directory is missing or holds no examples: a benchmark over an
// empty corpus would report nonsense.
Corpus load_csaf20_examples(std::size_t count);

}  // namespace lotse::bench
