// One API request on its way through a handler: the request, the path parameters, the
// authenticated caller, and helpers that read a JSON body with clear 400s.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.h"
#include "base/error.h"
#include "http/request.h"
#include "http/response.h"

namespace attune::http {

// A failed validation, thrown inside a handler and turned into its 4xx by the dispatcher:
// it keeps field-by-field parsing flat.
struct BadInput {
  base::Error error;
};

class ApiCall {
 public:
  ApiCall(const Request& request, std::vector<std::string> params)
      : request(request), params(std::move(params)) {}

  const Request& request;
  std::vector<std::string> params;
  std::optional<app::Actor> actor;
  // What must commit with each of this request's writes (its Idempotency-Key's claim): also
  // carried by the actor, and given to sign-up, which has none.
  store::CommitHook on_commit;

  const app::Actor& me() const { return *actor; }
  const std::string& param(std::size_t i) const { return params.at(i); }

  // The body as a JSON object ({} when empty and allowed).
  const nlohmann::json& body(bool allow_empty = false);
  std::string text(const char* field, std::size_t max_bytes = 16 * 1024);
  std::optional<std::string> optional_text(const char* field, std::size_t max_bytes = 16 * 1024);
  std::int64_t integer(const char* field);
  bool boolean(const char* field, bool fallback);
  std::vector<std::string> text_list(const char* field, std::size_t max_items, bool required);

 private:
  std::optional<nlohmann::json> body_;
};

[[noreturn]] void reject(base::ErrorCode code, std::string message);

// What an id from a client may be: 1..128 bytes of UTF-8 without NUL. Path segments that
// are not never match a route; list elements that are not are refused.
bool is_id_shaped(std::string_view text);

// A core error mapped to its HTTP response.
Response error_response(const base::Error& error);
Response ok_json(const nlohmann::json& body, int status = 200);
// A 200 the browser saves as a file named `filename` (API responses are never cached:
// security_headers.h).
Response download(std::string body, std::string content_type, std::string_view filename);

// By value: a reference into a temporary Result would dangle in a range-for.
template <class T>
T unwrap(base::Result<T> result) {
  if (!result) throw BadInput{std::move(result.error())};
  return std::move(*result);
}
inline void unwrap(const base::Status& status) {
  if (!status) throw BadInput{status.error()};
}

}  // namespace attune::http
