// Where the shared test data lives: $LOTSE_TESTSUITES when set, else
// ../shared/testsuites beside the repository (DEVELOPERS.md). Tests only:
// lotse itself never reads it.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace lotse::testing {

inline std::filesystem::path testsuites_dir() {
  if (const char* env = std::getenv("LOTSE_TESTSUITES"); env && *env) return env;
  return std::filesystem::path(LOTSE_SOURCE_DIR) / ".." / "shared" / "testsuites";
}

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace lotse::testing
