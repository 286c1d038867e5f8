// `lotse validate`: checks CSAF documents given as files, directories
// (searched recursively for *.json) or "-" (standard input), on several
// cores, and prints findings as text, JSON Lines or one SARIF 2.1.0 log in
// input order.
// Exit code: 0 all valid, 1 any invalid, 2 usage or I/O error.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "cli/command.hpp"
#include "csaf/report.hpp"
#include "csaf/sarif.hpp"
#include "csaf/validator.hpp"
#include "json/writer.hpp"
#include "util/file.hpp"
#include "util/memory.hpp"

namespace lotse::cli {

namespace {

struct ValidateArgs {
  std::vector<std::string> paths;
  std::string preset = "schema";
  std::vector<std::string> tests;
  std::string format = "text";
  unsigned jobs = 0;
  std::size_t max_size = 64u << 20;
  std::size_t max_depth = 512;
  bool stats = false;
  bool online = false;
  std::vector<std::string> resolve;
  std::vector<std::string> connect_to;
  std::string ca_file;
  unsigned timeout_seconds = 10;
};

// Expands directories into their *.json files (sorted, so output is
// reproducible). Unreadable directories become I/O errors in `errors`.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths,
                                      std::vector<std::string>& errors) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path != "-" && fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
      for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".json") {
          found.push_back(it->path().string());
        }
      }
      if (ec) errors.push_back(path + ": " + ec.message());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(path);
    }
  }
  return files;
}

struct Outcome {
  std::string output;  // for an I/O error under SARIF: the bare message
  bool io_error = false;
  bool valid = true;
};

// One document's output in the chosen format; `sarif` is set for
// --format sarif, `index` is the document's input position.
std::string render(const csaf::DocumentResult& result, const ValidateArgs& args,
                   const csaf::SarifWriter* sarif, std::size_t index) {
  if (sarif) return sarif->render(result, index);
  return args.format == "json" ? csaf::render_json_line(result) : csaf::render_text(result);
}

Outcome validate_one(const std::string& file, std::size_t index, const ValidateArgs& args,
                     const csaf::ValidateOptions& options, const csaf::SarifWriter* sarif) {
  Outcome outcome;
  auto text = util::read_file(file, args.max_size);
  if (!text && text.error().kind == util::FileError::Kind::too_large) {
    // Too large is a verdict on the document, not an I/O failure.
    csaf::DocumentResult result = csaf::refused_document(
        file, text.error().message + " (raise the limit with --max-size)");
    outcome.valid = false;
    outcome.output = render(result, args, sarif, index);
    return outcome;
  }
  if (!text) {
    outcome.io_error = true;
    outcome.valid = false;
    if (sarif) {
      outcome.output = text.error().message;
    } else if (args.format == "json") {
      outcome.output = "{\"file\":";
      json::write_string(outcome.output, file);
      outcome.output += ",\"valid\":false,\"error\":";
      json::write_string(outcome.output, text.error().message);
      outcome.output += ",\"results\":[],\"skipped\":[]}\n";
    } else {
      outcome.output = "lotse validate: " + text.error().message + "\n";
    }
    return outcome;
  }
  // SARIF counts columns in UTF-16 code units, findings in bytes: keep the
  // text for the conversion, but only when it is not plain ASCII.
  std::string source;
  if (sarif && csaf::columns_need_conversion(*text)) source = *text;
  csaf::DocumentResult result = csaf::validate_document(std::move(*text), file, options);
  if (!source.empty()) csaf::to_utf16_columns(result, source);
  outcome.valid = result.valid;
  outcome.output = render(result, args, sarif, index);
  return outcome;
}

int run_validate(const ValidateArgs& args) {
  const auto started = std::chrono::steady_clock::now();
  auto preset = csaf::parse_preset(args.preset);
  if (!preset) {
    std::cerr << "lotse validate: " << preset.error() << "\n";
    return 2;
  }
  if (auto ok = csaf::check_test_ids(args.tests); !ok) {
    std::cerr << "lotse validate: " << ok.error() << "\n";
    return 2;
  }
  csaf::ValidateOptions options;
  options.preset = *preset;
  options.tests = args.tests;
  options.limits.max_size = args.max_size;
  options.limits.max_depth = args.max_depth;
  options.test_options.online = args.online;
  options.test_options.resolve = args.resolve;
  options.test_options.connect_to = args.connect_to;
  options.test_options.ca_file = args.ca_file;
  options.test_options.timeout = std::chrono::seconds(args.timeout_seconds);

  std::vector<std::string> errors;
  const std::vector<std::string> files = expand_paths(args.paths, errors);
  for (const std::string& e : errors) std::cerr << "lotse validate: " << e << "\n";

  // SARIF is one log for the whole run: its header names every file.
  std::optional<csaf::SarifWriter> sarif;
  if (args.format == "sarif") {
    std::error_code ec;
    sarif.emplace(csaf::sarif_rules(options), files, LOTSE_VERSION,
                  std::filesystem::current_path(ec).string());
    for (const std::string& e : errors) sarif->note_error(csaf::SarifWriter::npos, e);
    std::cout << sarif->begin();
  }
  const csaf::SarifWriter* sarif_writer = sarif ? &*sarif : nullptr;

  unsigned jobs = args.jobs ? args.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(files.size(), 1)));

  // Workers fill `outcomes`; this thread prints them in input order as soon
  // as each is ready, so output stays deterministic and memory stays small.
  std::vector<std::optional<Outcome>> outcomes(files.size());
  std::mutex mutex;
  std::condition_variable ready;
  std::atomic<std::size_t> next{0};
  // Workers stay at most `window` documents ahead of the printer, so a slow
  // terminal or a starved printer cannot make finished results pile up.
  const std::size_t window = 64 * static_cast<std::size_t>(jobs);
  std::size_t printed = 0;
  std::condition_variable room;
  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < files.size();) {
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return i < printed + window; });
      }
      Outcome outcome = validate_one(files[i], i, args, options, sarif_writer);
      std::lock_guard lock(mutex);
      outcomes[i] = std::move(outcome);
      ready.notify_one();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);  // this thread prints

  std::size_t invalid = 0, io_errors = errors.size();
  for (std::size_t i = 0; i < files.size(); ++i) {
    Outcome outcome;
    {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] { return outcomes[i].has_value(); });
      outcome = std::move(*outcomes[i]);
      outcomes[i].reset();
      printed = i + 1;
    }
    room.notify_all();
    if (outcome.io_error) {
      ++io_errors;
      if (sarif) {
        std::cerr << "lotse validate: " << outcome.output << "\n";
        sarif->note_error(i, std::move(outcome.output));
      } else {
        (args.format == "json" ? std::cout : std::cerr) << outcome.output;
      }
    } else {
      if (!outcome.valid) ++invalid;
      std::cout << (sarif ? sarif->add(std::move(outcome.output)) : outcome.output);
    }
  }
  for (std::thread& t : threads) t.join();
  const int exit_code = io_errors ? 2 : invalid ? 1 : 0;
  if (sarif) std::cout << sarif->end(exit_code);
  std::cout.flush();
  std::cerr << files.size() << " document(s): " << files.size() - invalid - io_errors
            << " valid, " << invalid << " invalid";
  if (io_errors) std::cerr << ", " << io_errors << " unreadable";
  std::cerr << "\n";
  if (args.stats) {
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
    std::fprintf(stderr, "lotse validate: %.3f s, peak memory %zu KiB\n", elapsed.count(),
                 util::peak_rss_bytes() / 1024);
  }
  return exit_code;
}

}  // namespace

Action configure_validate(CLI::App& app) {
  auto args = std::make_shared<ValidateArgs>();
  app.add_option("paths", args->paths, "CSAF files, directories (recursive, *.json) or - for stdin")
      ->required();
  app.add_option("--preset", args->preset,
                 "Checks to run: schema | strict | basic (schema + mandatory tests 6.1.x) | "
                 "extended (basic + optional tests 6.2.x) | full (extended + informative 6.3.x)")
      ->capture_default_str();
  app.add_option("--test", args->tests,
                 "Run only this test instead of a preset (repeatable): schema, 6.1.1 ... 6.3.11");
  app.add_option("--format", args->format,
                 "Output: text (one line per finding) | json (JSON Lines) | sarif (one SARIF 2.1.0 "
                 "log; skipped tests are results of kind notApplicable)")
      ->check(CLI::IsMember({"text", "json", "sarif"}))
      ->capture_default_str();
  app.add_option("-j,--jobs", args->jobs, "Documents validated in parallel (default: all cores)");
  app.add_option("--max-size", args->max_size, "Largest accepted document in bytes")
      ->capture_default_str();
  app.add_option("--max-depth", args->max_depth, "Deepest accepted JSON nesting")
      ->capture_default_str();
  app.add_flag("--stats", args->stats, "Print elapsed time and peak memory to stderr");
  app.add_flag("--online", args->online,
               "Run the tests that fetch the document's URLs (6.3.6, 6.3.7); skipped otherwise");
  app.add_option("--resolve", args->resolve,
                 "HOST:PORT:ADDRESS: connect to ADDRESS for HOST:PORT in online tests (repeatable)");
  app.add_option("--connect-to", args->connect_to,
                 "HOST:PORT:TO-HOST:TO-PORT: connect there instead for HOST:PORT in online tests; "
                 "empty HOST or PORT match any (repeatable)");
  app.add_option("--ca-file", args->ca_file,
                 "PEM file of CA certificates trusted by online tests instead of the system's");
  app.add_option("--timeout", args->timeout_seconds, "Seconds per request in online tests")
      ->capture_default_str();
  return [args] { return run_validate(*args); };
}

}  // namespace lotse::cli
