#include "http/api_call.h"

#include "core/strict_json.h"
#include "core/text.h"

namespace attune::http {

bool is_id_shaped(std::string_view text) {
  // Ids are stored as text: bytes PostgreSQL cannot hold in text (NUL, invalid UTF-8) would
  // turn a harmless "no such thing" into a store error.
  return !text.empty() && text.size() <= 128 && text.find('\0') == std::string_view::npos &&
         core::is_valid_utf8(text);
}

void reject(base::ErrorCode code, std::string message) {
  throw BadInput{base::Error{code, std::move(message)}};
}

const nlohmann::json& ApiCall::body(bool allow_empty) {
  if (body_) return *body_;
  if (request.body.empty() && allow_empty) {
    body_ = nlohmann::json::object();
    return *body_;
  }
  if (!core::is_valid_utf8(request.body))
    reject(base::ErrorCode::invalid_utf8, "The request is not valid UTF-8.");
  auto parsed = core::parse_strict_json(request.body);
  if (!parsed || !parsed->is_object()) {
    reject(base::ErrorCode::invalid_json,
           "The request body must be a JSON object, each key named once.");
  }
  body_ = std::move(*parsed);
  return *body_;
}

std::optional<std::string> ApiCall::optional_text(const char* field, std::size_t max_bytes) {
  const auto& json = body();
  auto it = json.find(field);
  if (it == json.end() || it->is_null()) return std::nullopt;
  if (!it->is_string())
    reject(base::ErrorCode::invalid_field, std::string(field) + " must be text.");
  const auto& value = it->get_ref<const std::string&>();
  if (value.size() > max_bytes)
    reject(base::ErrorCode::field_too_long, std::string(field) + " is too long.");
  // JSON can carry "\u0000"; no field has a use for it, and PostgreSQL text cannot hold it.
  if (value.find('\0') != std::string::npos) {
    reject(base::ErrorCode::invalid_field,
           std::string(field) + " must not contain a NUL character.");
  }
  return value;
}

std::string ApiCall::text(const char* field, std::size_t max_bytes) {
  auto value = optional_text(field, max_bytes);
  if (!value) reject(base::ErrorCode::missing_field, std::string(field) + " is required.");
  return *value;
}

std::int64_t ApiCall::integer(const char* field) {
  const auto& json = body();
  auto it = json.find(field);
  if (it == json.end() || it->is_null())
    reject(base::ErrorCode::missing_field, std::string(field) + " is required.");
  if (!it->is_number_integer())
    reject(base::ErrorCode::invalid_field, std::string(field) + " must be a whole number.");
  return it->get<std::int64_t>();
}

bool ApiCall::boolean(const char* field, bool fallback) {
  const auto& json = body();
  auto it = json.find(field);
  if (it == json.end() || it->is_null()) return fallback;
  if (!it->is_boolean())
    reject(base::ErrorCode::invalid_field, std::string(field) + " must be true or false.");
  return it->get<bool>();
}

std::vector<std::string> ApiCall::text_list(const char* field, std::size_t max_items,
                                            bool required) {
  const auto& json = body();
  auto it = json.find(field);
  if (it == json.end() || it->is_null()) {
    if (required) reject(base::ErrorCode::missing_field, std::string(field) + " is required.");
    return {};
  }
  if (!it->is_array() || it->size() > max_items) {
    reject(base::ErrorCode::invalid_field, std::string(field) + " must be a list of at most " +
                                               std::to_string(max_items) + " ids.");
  }
  std::vector<std::string> values;
  for (const auto& element : *it) {
    if (!element.is_string() || !is_id_shaped(element.get_ref<const std::string&>())) {
      reject(base::ErrorCode::invalid_field, std::string(field) + " must hold ids.");
    }
    values.push_back(element.get<std::string>());
  }
  return values;
}

Response error_response(const base::Error& error) {
  int status = 500;
  switch (base::kind_of(error.code)) {
    case base::ErrorKind::kBadInput:
      status = 400;
      break;
    case base::ErrorKind::kUnauthenticated:
      status = 401;
      break;
    case base::ErrorKind::kForbidden:
      status = 403;
      break;
    case base::ErrorKind::kNotFound:
      status = 404;
      break;
    case base::ErrorKind::kMethodNotAllowed:
      status = 405;
      break;
    case base::ErrorKind::kConflict:
      status = 409;
      break;
    case base::ErrorKind::kTooLarge:
      status = 413;
      break;
    case base::ErrorKind::kUnsupportedMediaType:
      status = 415;
      break;
    case base::ErrorKind::kRuleViolated:
      status = 422;
      break;
    case base::ErrorKind::kRateLimited:
      status = 429;
      break;
    case base::ErrorKind::kBusy:
      status = 503;
      break;
    case base::ErrorKind::kInternal:
      status = 500;
      break;
  }
  auto response = Response::error(status, base::code_name(error.code), error.message);
  if (error.retry_after_seconds > 0) {
    response.set_header("Retry-After", std::to_string(error.retry_after_seconds));
  }
  return response;
}

Response ok_json(const nlohmann::json& body, int status) {
  return Response::json(status, body.dump());
}

Response download(std::string body, std::string content_type, std::string_view filename) {
  Response response;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  response.set_header("Content-Disposition",
                      "attachment; filename=\"" + std::string(filename) + "\"");
  return response;
}

}  // namespace attune::http
