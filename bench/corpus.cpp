#include "corpus.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

#ifndef LOTSE_SOURCE_DIR
#error "LOTSE_SOURCE_DIR must name the source tree (set by bench/CMakeLists.txt)"
#endif

namespace lotse::bench {

namespace fs = std::filesystem;

fs::path testsuites_dir() {
  if (const char* env = std::getenv("LOTSE_TESTSUITES"); env && *env) return env;
  return fs::path(LOTSE_SOURCE_DIR) / ".." / "shared" / "testsuites";
}

namespace {

[[noreturn]] void die(const std::string& message) {
  std::fprintf(stderr, "bench: %s\n", message.c_str());
  std::exit(2);
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) die("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

}  // namespace

Corpus load_csaf20_examples(std::size_t count) {
  const fs::path root = testsuites_dir() / "csaf" / "csaf_2.0" / "examples" / "csaf";
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    die(root.string() + " is not a directory (set LOTSE_TESTSUITES to the testsuites folder)");
  }
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".json") files.push_back(it->path());
  }
  if (ec) die(root.string() + ": " + ec.message());
  if (files.empty()) die("no *.json examples under " + root.string());
  // Sorted: the same corpus, in the same order, on every machine.
  std::sort(files.begin(), files.end());

  std::vector<std::string> originals;
  originals.reserve(files.size());
  for (const fs::path& file : files) originals.push_back(read_all(file));

  Corpus corpus;
  corpus.distinct = files.size();
  corpus.names.reserve(count);
  corpus.texts.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t k = i % files.size();
    corpus.names.push_back(files[k].filename().string());
    // Separate copies, as 1,000 real documents would be: the working set
    // (~14 MB) exceeds the caches like a real batch does.
    corpus.texts.push_back(originals[k]);
    corpus.bytes += originals[k].size();
  }
  return corpus;
}

}  // namespace lotse::bench
