// `lotse check DOMAIN|URL`: judges a CSAF provider against the distribution
// requirements of CSAF 2.0 section 7.1 as its claimed role needs them
// (src/check/checker.hpp). One line per requirement with its verdict and
// evidence, or one JSON object with --format json.
// Exit code: 0 the role's requirements are met, 1 one it needs fails (or is
// not checked yet), 2 usage error.
#include <iostream>
#include <memory>
#include <thread>

#include "check/checker.hpp"
#include "check/report.hpp"
#include "cli/command.hpp"

namespace lotse::cli {

namespace {

struct CheckArgs {
  std::string input;
  std::string ca_file;
  std::vector<std::string> resolve;
  std::vector<std::string> connect_to;
  std::string format = "text";
  std::size_t jobs = 0;
  int timeout_seconds = 15;
};

int run_check(const CheckArgs& args) {
  check::CheckOptions options;
  options.client.ca_file = args.ca_file;
  options.client.resolve = args.resolve;
  options.client.connect_to = args.connect_to;
  options.client.timeout = std::chrono::seconds(args.timeout_seconds);
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  options.threads = args.jobs ? args.jobs : cores;
  options.client.max_parallel = args.jobs ? args.jobs : 8;
  const check::Report report = check::check(args.input, options);
  std::cout << (args.format == "json" ? check::render_json(report) : check::render_text(report));
  return report.role_satisfied ? 0 : 1;
}

}  // namespace

Action configure_check(CLI::App& app) {
  auto args = std::make_shared<CheckArgs>();
  app.add_option("provider", args->input, "DOMAIN[:PORT] or the https URL of a provider-metadata.json")->required();
  app.add_option("--ca-file", args->ca_file, "PEM file of CA certificates to trust instead of the system store");
  app.add_option("--resolve", args->resolve, "HOST:PORT:ADDRESS: connect to ADDRESS for HOST:PORT (as curl)");
  app.add_option("--connect-to", args->connect_to, "HOST:PORT:CONNECT-HOST:CONNECT-PORT (as curl)");
  app.add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  app.add_option("-j,--jobs", args->jobs, "downloads and document checks at once (default: 8 downloads, all cores)");
  app.add_option("--timeout", args->timeout_seconds, "seconds per request")->check(CLI::Range(1, 600));
  return [args]() -> int { return run_check(*args); };
}

}  // namespace lotse::cli
