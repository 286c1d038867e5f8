// Runs the built `lotse` binary as a child process, the way a user would,
// capturing exit code and output. (Peak memory comes from
// `lotse validate --stats`: a child's rusage would include the memory this
// test process held before exec.)
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "support/testsuites.hpp"

extern char** environ;

namespace lotse::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline RunResult run_lotse(const std::vector<std::string>& args, const std::string& stdin_file = "") {
  namespace fs = std::filesystem;
  static int counter = 0;
  fs::path dir = fs::temp_directory_path() / ("lotse-run-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string tag = std::to_string(counter++);
  std::string out_path = (dir / ("out" + tag)).string(), err_path = (dir / ("err" + tag)).string();

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 0, stdin_file.empty() ? "/dev/null" : stdin_file.c_str(),
                                   O_RDONLY, 0);
  std::string binary = std::string(LOTSE_BINARY_DIR) + "/lotse";
  std::vector<char*> argv{binary.data()};
  std::vector<std::string> copy = args;
  for (std::string& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  RunResult result;
  if (posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ) != 0) {
    posix_spawn_file_actions_destroy(&actions);
    return result;
  }
  posix_spawn_file_actions_destroy(&actions);
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_text(out_path);
  result.err = read_text(err_path);
  fs::remove(out_path);
  fs::remove(err_path);
  return result;
}

}  // namespace lotse::testing
