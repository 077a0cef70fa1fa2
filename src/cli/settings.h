// Server settings from, in rising priority: defaults, a TOML config file, ATTUNE_*
// environment variables, and command-line flags.
#pragma once

#include <string>
#include <vector>

#include "app/app_config.h"
#include "base/error.h"

namespace attune::cli {

struct Settings {
  std::string listen = "127.0.0.1:8080";
  std::string data_dir = "var";
  std::string web_dir;       // "" = found beside the binary (cli/install_paths.h)
  std::string content_dir;   // "" = found beside the binary (cli/install_paths.h)
  std::string database_url;  // "" = SQLite in data_dir; postgresql://… = PostgreSQL
  std::vector<std::string> trusted_proxies;
  int worker_threads = 4;
  int write_threads = 32;              // http::ServerOptions::write_threads
  std::string log_format = "json";     // "json" lines for collectors, or "text"
  bool fast_password_hashing = false;  // tests only
  std::string smtp_from;               // sender of e-mail; "" = attune@ the public_url's host
  std::string chromium;  // browser printing report PDFs; "" = found on the usual paths
  app::AppConfig app;
};

// Applies the config file (if path non-empty) and then the environment.
base::Status load_settings_file(Settings& settings, const std::string& path);
void apply_environment(Settings& settings);

// "host:port" → parts; port must be 0..65535.
base::Result<std::pair<std::string, std::uint16_t>> parse_listen(const std::string& listen);

}  // namespace attune::cli
