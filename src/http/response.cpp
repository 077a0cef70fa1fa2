#include "http/response.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

namespace attune::http {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return std::ranges::equal(
      a, b, [](unsigned char x, unsigned char y) { return std::tolower(x) == std::tolower(y); });
}

}  // namespace

Response Response::json(int status, std::string body) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

Response Response::error(int status, std::string_view code, std::string_view message) {
  const nlohmann::json body = {{"error", {{"code", code}, {"message", message}}}};
  // Replace rather than throw on invalid UTF-8: an error body must always be produced.
  return json(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response Response::no_content() {
  Response response;
  response.status = 204;
  response.content_type.clear();
  return response;
}

std::string Response::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) return value;
  }
  return {};
}

void Response::set_header(std::string_view name, std::string_view value) {
  std::erase_if(headers, [&](const auto& header) { return iequals(header.first, name); });
  headers.emplace_back(name, value);
}

}  // namespace attune::http
