#include <cstdio>
#include <iostream>

#include "cli/command.hpp"

#ifndef LOTSE_VERSION
#define LOTSE_VERSION "0.0.0"
#endif

namespace lotse::cli {

std::span<const CommandSpec> commands() {
  static const CommandSpec kCommands[] = {
      {"validate", "Validate CSAF documents (files, directories, or - for stdin)",
       &configure_validate},
      {"keys", "Manage the OpenPGP signing key (generate, import, export, show)", &configure_keys},
      {"publish", "Publish advisories as a CSAF provider tree (static files for a web server)",
       &configure_publish},
      {"check", "Check a CSAF provider against the distribution requirements (CSAF 2.0 section 7)", &configure_check},
      {"serve", "Run the platform: report intake, accounts and the JSON API (HTTP)", &configure_serve},
  };
  return kCommands;
}

int run(int argc, char** argv) {
  CLI::App app{"Lotse: guides product vulnerabilities from the first report to a fixed installation.",
               "lotse"};
  app.set_version_flag("--version", std::string("lotse ") + LOTSE_VERSION);
  app.require_subcommand(1, 1);
  app.footer("Run `lotse help COMMAND` or `lotse COMMAND --help` for a command's options.");

  CLI::App* help = app.add_subcommand("help", "Show help for lotse or for one command");
  std::string help_topic;
  help->add_option("command", help_topic, "The command to explain");

  Action chosen;
  for (const CommandSpec& spec : commands()) {
    CLI::App* sub = app.add_subcommand(std::string(spec.name), std::string(spec.summary));
    Action action = spec.configure(*sub);
    sub->callback([&chosen, action] { chosen = action; });
  }

  // Rendered before parsing: afterwards CLI11 renders the chosen subcommand.
  const std::string top_help = app.help();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 reports usage errors (and --help/--version) by exception; its
    // exit codes are 0 for help and version, 2 is ours for usage errors.
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (help->parsed()) {
    if (help_topic.empty()) {
      std::cout << top_help;
      return 0;
    }
    for (CLI::App* sub : app.get_subcommands({})) {
      if (sub->get_name() == help_topic) {
        std::cout << sub->help();
        return 0;
      }
    }
    std::cerr << "lotse help: unknown command \"" << help_topic << "\"\n";
    return 2;
  }
  return chosen ? chosen() : 2;
}

}  // namespace lotse::cli
