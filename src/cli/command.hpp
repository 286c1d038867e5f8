// The subcommands of `lotse`. Each lives in its own file (validate.cpp,
// ...) and is listed once in commands.cpp, so "where is `lotse X`?" has a
// one-word answer: src/cli/X.cpp.
//
// A command adds its options to a CLI11 subcommand and returns the action to
// run after parsing; the action returns the process exit code.
#pragma once

#include <functional>
#include <span>
#include <string_view>

#include <CLI/CLI.hpp>

namespace lotse::cli {

using Action = std::function<int()>;

struct CommandSpec {
  std::string_view name;
  std::string_view summary;
  // Adds options to `app` (the subcommand); the returned action runs when
  // this subcommand was chosen.
  Action (*configure)(CLI::App& app);
};

// Every subcommand, in the order `lotse help` lists them.
std::span<const CommandSpec> commands();

// Runs `lotse` with the given arguments; returns the exit code.
int run(int argc, char** argv);

// The commands (one file each).
Action configure_validate(CLI::App& app);
Action configure_keys(CLI::App& app);
Action configure_publish(CLI::App& app);
Action configure_check(CLI::App& app);
Action configure_serve(CLI::App& app);

}  // namespace lotse::cli
