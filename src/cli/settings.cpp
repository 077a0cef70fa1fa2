#include "cli/settings.h"

#include <toml++/toml.h>
#include <cstdlib>

namespace attune::cli {
namespace {

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) items.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return items;
}

// A pool's threads: zero would never run a request, thousands would only thrash.
constexpr int kMaxThreads = 256;

void from_env(const char* name, std::string& target) {
  if (const char* value = std::getenv(name); value && *value) target = value;
}

}  // namespace

base::Status load_settings_file(Settings& settings, const std::string& path) {
  if (path.empty()) return {};
  toml::table table;
  try {
    table = toml::parse_file(path);
  } catch (const toml::parse_error& error) {
    return base::fail(base::ErrorCode::invalid_field,
                      path + ": " + std::string(error.description()));
  }
  settings.listen = table["listen"].value_or(settings.listen);
  settings.data_dir = table["data_dir"].value_or(settings.data_dir);
  settings.web_dir = table["web_dir"].value_or(settings.web_dir);
  settings.content_dir = table["content_dir"].value_or(settings.content_dir);
  settings.database_url = table["database_url"].value_or(settings.database_url);
  settings.worker_threads = table["worker_threads"].value_or(settings.worker_threads);
  settings.write_threads = table["write_threads"].value_or(settings.write_threads);
  settings.log_format = table["log_format"].value_or(settings.log_format);
  settings.app.resources_file = table["resources_file"].value_or(settings.app.resources_file);
  settings.app.confidentiality_file =
      table["confidentiality_file"].value_or(settings.app.confidentiality_file);
  settings.app.smtp_url = table["smtp_url"].value_or(settings.app.smtp_url);
  settings.app.public_url = table["public_url"].value_or(settings.app.public_url);
  settings.smtp_from = table["smtp_from"].value_or(settings.smtp_from);
  settings.chromium = table["chromium"].value_or(settings.chromium);
  if (auto proxies = table["trusted_proxies"].as_array()) {
    settings.trusted_proxies.clear();
    for (const auto& proxy : *proxies) {
      if (auto text = proxy.value<std::string>()) settings.trusted_proxies.push_back(*text);
    }
  }
  if (auto minutes = table["session_idle_minutes"].value<int>()) {
    settings.app.session_idle = std::chrono::minutes(*minutes);
  }
  if (auto hours = table["session_absolute_hours"].value<int>()) {
    settings.app.session_absolute = std::chrono::hours(*hours);
  }
  if (auto hits = table["login_limit_per_minute"].value<int>())
    settings.app.login_limit.max_hits = *hits;
  if (auto hits = table["write_limit_per_minute"].value<int>())
    settings.app.write_limit.max_hits = *hits;
  if (auto hits = table["signup_limit_per_minute"].value<int>())
    settings.app.signup_limit.max_hits = *hits;
  for (const auto& [name, threads] : {std::pair{"worker_threads", settings.worker_threads},
                                      std::pair{"write_threads", settings.write_threads}}) {
    if (threads < 1 || threads > kMaxThreads) {
      return base::fail(base::ErrorCode::invalid_field,
                        path + ": " + name + " must be 1 to " + std::to_string(kMaxThreads));
    }
  }
  return {};
}

void apply_environment(Settings& settings) {
  from_env("ATTUNE_LISTEN", settings.listen);
  from_env("ATTUNE_DATA_DIR", settings.data_dir);
  from_env("ATTUNE_WEB_DIR", settings.web_dir);
  from_env("ATTUNE_CONTENT_DIR", settings.content_dir);
  from_env("ATTUNE_DATABASE_URL", settings.database_url);
  from_env("ATTUNE_LOG_FORMAT", settings.log_format);
  from_env("ATTUNE_RESOURCES_FILE", settings.app.resources_file);
  from_env("ATTUNE_CONFIDENTIALITY_FILE", settings.app.confidentiality_file);
  from_env("ATTUNE_SMTP_URL", settings.app.smtp_url);
  from_env("ATTUNE_PUBLIC_URL", settings.app.public_url);
  from_env("ATTUNE_SMTP_FROM", settings.smtp_from);
  from_env("ATTUNE_CHROMIUM", settings.chromium);
  std::string proxies;
  from_env("ATTUNE_TRUSTED_PROXIES", proxies);
  if (!proxies.empty()) settings.trusted_proxies = split_list(proxies);
}

base::Result<std::pair<std::string, std::uint16_t>> parse_listen(const std::string& listen) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return base::fail(base::ErrorCode::invalid_field, "--listen must be HOST:PORT");
  }
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  int port = -1;
  try {
    port = std::stoi(listen.substr(colon + 1));
  } catch (const std::exception&) {
  }
  if (port < 0 || port > 65535)
    return base::fail(base::ErrorCode::invalid_field, "--listen port must be 0..65535");
  return std::make_pair(host, static_cast<std::uint16_t>(port));
}

}  // namespace attune::cli
