// `lotse serve`: the platform: the JSON API under /api/v1, the report form
// and the reporter's follow pages (src/server/app.hpp lists the areas),
// over SQLite in the data directory (DIR/lotse.db, WAL) by default or
// PostgreSQL with --database postgresql://...
//
// First run: `--bootstrap-admin EMAIL` creates the CERT's organisation and
// its admin when the database has no account yet, with the password from
// the environment variable --admin-password-env names, or else prints a
// one-time setup link (/setup/TOKEN, valid 24 h; the token also works with
// POST /api/v1/setup). There is no
// default password. `--demo` seeds an empty database with one account per
// role (random passwords, printed) and a sample report (server/demo.hpp).
// `--intake-keyring DIR` (a keyring from `lotse keys generate
// --encryption-subkey`) publishes that key and accepts reports encrypted
// to it.
//
// Prints "lotse serve: listening on URL" once it accepts connections, runs
// until SIGTERM or SIGINT, then stops gracefully (requests in flight may
// finish for up to 10 s). Exit code: 0 after a signal, 1 the database or
// the listener failed, 2 usage error.
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "server/accounts/repository.hpp"
#include "openpgp/keyring.hpp"
#include "openpgp/passphrase.hpp"
#include "server/accounts/routes.hpp"
#include "server/app.hpp"
#include "server/demo.hpp"
#include "server/http/daemon.hpp"
#include "server/reports/routes.hpp"
#include "server/secrets.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace lotse::cli {

namespace {

struct ServeArgs {
  std::string listen = "127.0.0.1:8080";
  std::string data_dir = "lotse-data";
  std::string database;
  std::string public_url;
  unsigned threads = 8;
  std::size_t max_body_mib = 16;
  unsigned max_connections = 512;
  int idle_timeout = 30;
  int login_attempts = 10;
  int login_window = 900;
  int intake_limit = 30;
  int intake_window = 3600;
  std::string bootstrap_admin;
  std::string organisation = "CERT";
  std::string admin_password_env;
  bool demo = false;
  std::string intake_keyring;
  std::vector<std::string> trusted_proxies;
  std::string intake_passphrase_env;
};

int fail(int code, const std::string& message) {
  std::cerr << "lotse serve: " << message << "\n";
  return code;
}

// "ADDR:PORT" or "[V6ADDR]:PORT" split, or nullopt.
std::optional<std::pair<std::string, std::uint16_t>> parse_listen(const std::string& text) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return std::nullopt;
  std::string host = text.substr(0, colon);
  if (host.front() == '[') {
    if (host.back() != ']') return std::nullopt;
    host = host.substr(1, host.size() - 2);
  }
  const std::string port_text = text.substr(colon + 1);
  if (port_text.find_first_not_of("0123456789") != std::string::npos || port_text.size() > 5) return std::nullopt;
  const unsigned long port = std::stoul(port_text);
  if (port > 65535) return std::nullopt;
  return std::pair(host, static_cast<std::uint16_t>(port));
}

// Creates the first admin (see the file comment); false on failure (printed).
bool bootstrap(store::Database& database, const ServeArgs& args, const server::AppConfig& config) {
  std::optional<std::string> password_hash;
  if (!args.admin_password_env.empty()) {
    const char* password = std::getenv(args.admin_password_env.c_str());
    if (password == nullptr || *password == '\0') {
      fail(2, "environment variable " + args.admin_password_env + " is unset or empty");
      return false;
    }
    if (auto fit = server::secrets::check_new_password(password); !fit) {
      fail(2, "the admin password " + fit.error());
      return false;
    }
    auto hash = server::secrets::hash_password(password);
    if (!hash) {
      fail(1, hash.error());
      return false;
    }
    password_hash = std::move(*hash);
  }
  const std::string email = server::accounts::normalise_email(args.bootstrap_admin);
  auto outcome = server::accounts::bootstrap_admin(database, email, args.organisation, password_hash,
                                                   server::system_clock()(), config.setup_seconds);
  if (!outcome) {
    fail(1, "cannot create the admin: " + outcome.error().message);
    return false;
  }
  if (!outcome->created) {
    fail(2, "the database has accounts already; --bootstrap-admin works only on the first run");
    return false;
  }
  std::cout << "lotse serve: created the admin " << email << " of " << args.organisation << "\n";
  if (outcome->setup_token) {
    std::cout << "lotse serve: set the admin's password within 24 hours; the link works once:\n  "
              << config.public_url << "/setup/" << *outcome->setup_token << "\n";
  }
  return true;
}

// Seeds the demo data and prints the accounts; false on failure (printed).
bool seed_demo(store::Database& database, const server::AppConfig& config) {
  auto seeded = server::demo::seed(database, server::system_clock()());
  if (!seeded) {
    fail(1, "cannot seed the demo data: " + seeded.error().message);
    return false;
  }
  if (!seeded->seeded) {
    fail(2, "--demo needs an empty database; this one has accounts");
    return false;
  }
  std::cout << "lotse serve: demo data: one account per role (passwords shown only now):\n";
  for (const auto& account : seeded->accounts) {
    std::cout << "  " << account.role << "\t" << account.email << "\t" << account.password << "\n";
  }
  std::cout << "lotse serve: sample report " << seeded->report.tracking_id << ", follow link "
            << config.public_url << server::reports::follow_path(seeded->report.tracking_id, seeded->report.secret)
            << "\n"
            << "lotse serve: report form " << config.public_url << "/report, log in with POST " << config.public_url
            << "/api/v1/session\n";
  return true;
}

int run_serve(const ServeArgs& args) {
  auto listen = parse_listen(args.listen);
  if (!listen) return fail(2, "--listen wants ADDR:PORT, e.g. 127.0.0.1:8080 or [::1]:8080");
  if (args.demo && !args.bootstrap_admin.empty()) return fail(2, "give either --demo or --bootstrap-admin");
  if (!args.admin_password_env.empty() && args.bootstrap_admin.empty()) {
    return fail(2, "--admin-password-env needs --bootstrap-admin");
  }
  std::string url = args.database;
  if (url.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(args.data_dir, ec);
    if (ec) return fail(1, "cannot create the data directory " + args.data_dir + ": " + ec.message());
    ::chmod(args.data_dir.c_str(), 0700);
    url = "sqlite:" + (std::filesystem::path(args.data_dir) / "lotse.db").string();
  }
  auto database = store::Database::open(url);
  if (!database) return fail(1, "cannot open the database: " + database.error().message);
  if (auto version = store::migrate(**database); !version) {
    return fail(1, "cannot migrate the database: " + version.error().message);
  }

  // Blocked before any thread starts, so that every thread inherits the
  // mask and only sigwait() below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  server::http::DaemonOptions options;
  options.address = listen->first;
  options.port = listen->second;
  options.threads = args.threads;
  options.max_body_bytes = args.max_body_mib << 20;
  options.max_connections = args.max_connections;
  options.idle_timeout = std::chrono::seconds(args.idle_timeout);
  options.trusted_proxies = args.trusted_proxies;

  server::AppConfig config;
  if (!args.intake_keyring.empty()) {
    auto key = openpgp::load_secret_key(args.intake_keyring);
    if (!key) return fail(2, "--intake-keyring: " + key.error());
    openpgp::Passphrase passphrase;
    if (!args.intake_passphrase_env.empty()) {
      auto read = openpgp::passphrase_from_env(args.intake_passphrase_env);
      if (!read) return fail(2, read.error());
      passphrase = std::move(*read);
    }
    auto intake = server::IntakeKey::create(*key, passphrase);
    if (!intake) return fail(2, "--intake-keyring: " + intake.error());
    config.intake_key = std::move(*intake);
  }
  config.login = server::RateLimit{args.login_attempts, args.login_window};
  config.intake = server::RateLimit{args.intake_limit, args.intake_window};
  config.max_attachment_bytes = std::min<std::size_t>(config.max_attachment_bytes, options.max_body_bytes / 2);
  const std::string host = listen->first.find(':') != std::string::npos ? "[" + listen->first + "]" : listen->first;

  // Bound first, so that links name the real port (also when the system
  // chose it: port 0), then the routes, then the daemon on that socket.
  auto listener = server::http::bind_listener(listen->first, listen->second);
  if (!listener) return fail(1, listener.error());
  options.listen_fd = listener->fd;
  config.public_url =
      args.public_url.empty() ? "http://" + host + ":" + std::to_string(listener->port) : args.public_url;
  server::App app(**database, config);
  auto daemon = server::http::Daemon::start(options, app.router());
  if (!daemon) return fail(1, daemon.error());
  if (!args.bootstrap_admin.empty() && !bootstrap(**database, args, config)) {
    (*daemon)->stop();
    return 2;
  }
  if (args.demo && !seed_demo(**database, config)) {
    (*daemon)->stop();
    return 2;
  }
  std::cout << "lotse serve: listening on " << config.public_url << " (database: "
            << ((*database)->dialect() == store::Dialect::sqlite ? url : std::string("PostgreSQL")) << ")"
            << std::endl;
  int received = 0;
  sigwait(&stop_signals, &received);
  std::cout << "lotse serve: stopping (" << (received == SIGTERM ? "SIGTERM" : "SIGINT") << ")" << std::endl;
  (*daemon)->stop();
  std::cout << "lotse serve: stopped" << std::endl;
  return 0;
}

}  // namespace

Action configure_serve(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  app.add_option("--listen", args->listen, "ADDR:PORT to listen on (default 127.0.0.1:8080; port 0: any free one)");
  app.add_option("--data-dir", args->data_dir, "directory for the SQLite database lotse.db (default ./lotse-data)");
  app.add_option("--database", args->database, "postgresql://... to use PostgreSQL instead of SQLite");
  app.add_option("--public-url", args->public_url, "the URL people reach this server at, for links (default http://LISTEN)");
  app.add_option("--threads", args->threads, "request threads (default 8)")->check(CLI::Range(1, 256));
  app.add_option("--max-body-mib", args->max_body_mib, "largest request body in MiB (default 16)")->check(CLI::Range(1, 1024));
  app.add_option("--max-connections", args->max_connections, "connections at once (default 512)")->check(CLI::Range(1, 100000));
  app.add_option("--idle-timeout", args->idle_timeout, "seconds an idle connection stays open (default 30)")->check(CLI::Range(1, 3600));
  app.add_option("--login-attempts", args->login_attempts, "failed logins per account and per address in a window (default 10; 0: no limit)")->check(CLI::Range(0, 1000000));
  app.add_option("--login-window", args->login_window, "seconds of the login window (default 900)")->check(CLI::Range(1, 86400 * 30));
  app.add_option("--intake-limit", args->intake_limit, "reports per address in a window (default 30; 0: no limit)")->check(CLI::Range(0, 1000000));
  app.add_option("--intake-window", args->intake_window, "seconds of the intake window (default 3600)")->check(CLI::Range(1, 86400 * 30));
  app.add_option("--bootstrap-admin", args->bootstrap_admin, "first run: create the admin account with this e-mail address");
  app.add_option("--organisation", args->organisation, "first run: the name of the CERT's organisation (default CERT)");
  app.add_option("--admin-password-env", args->admin_password_env, "first run: environment variable holding the admin's password (else a setup token is printed)");
  app.add_option("--intake-keyring", args->intake_keyring,
                 "keyring whose key (with an encryption subkey) reporters may encrypt reports to; published at "
                 "/api/v1/openpgp-key");
  app.add_option("--intake-passphrase-env", args->intake_passphrase_env,
                 "environment variable holding the passphrase of the intake key");
  app.add_option("--trusted-proxy", args->trusted_proxies,
                 "address of a reverse proxy whose X-Forwarded-For names the client (repeatable)");
  app.add_flag("--demo", args->demo, "seed an empty database with one account per role and a sample report, and print them");
  return [args]() -> int { return run_serve(*args); };
}

}  // namespace lotse::cli
