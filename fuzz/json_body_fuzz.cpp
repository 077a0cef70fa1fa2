// A request body as the handlers read it: the strict JSON parse, then each field reader
// and the validators the routes run on what they read. Every outcome must be a value or a
// BadInput (a 4xx), never a crash, another exception or a value breaking its contract.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/display_name.h"
#include "core/email.h"
#include "core/rfc3339_parse.h"
#include "core/strict_json.h"
#include "core/text.h"
#include "core/visibility.h"
#include "fuzz_check.h"
#include "http/api_call.h"

namespace {

using attune::http::ApiCall;
using attune::http::BadInput;

// Runs one field reader; a refusal must be a 4xx.
template <class Read>
void read_field(Read read) {
  try {
    read();
  } catch (const BadInput& bad) {
    FUZZ_CHECK(attune::http::error_response(bad.error).status / 100 == 4);
  }
}

void validate(std::string_view text) {
  (void)attune::core::check_visible_name("name", text);
  (void)attune::core::check_text("text", text, 200, true);
  if (auto email = attune::core::normalize_email(text)) {
    FUZZ_CHECK(attune::core::normalize_email(*email) == email);
  }
  if (auto visibility = attune::core::parse_visibility(text)) {
    FUZZ_CHECK(attune::core::visibility_name(*visibility) == text);
  }
  (void)attune::core::parse_rfc3339_ms(text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  attune::http::Request request;
  request.method = "POST";
  request.path = "/api/v1/fuzz";
  request.body.assign(reinterpret_cast<const char*>(data), size);

  // What the parser accepts survives a round trip unchanged.
  if (auto parsed = attune::core::parse_strict_json(request.body)) {
    FUZZ_CHECK(attune::core::parse_strict_json(parsed->dump()) == parsed);
  }

  ApiCall call(request, {});
  read_field([&] { call.body(true); });
  read_field([&] {
    const auto text = call.text("text", 512);
    FUZZ_CHECK(text.size() <= 512 && text.find('\0') == std::string::npos);
    FUZZ_CHECK(attune::core::is_valid_utf8(text));
    validate(text);
  });
  read_field([&] {
    if (auto name = call.optional_text("name", 64)) validate(*name);
  });
  read_field([&] { call.integer("count"); });
  read_field([&] { call.boolean("flag", false); });
  read_field([&] {
    const auto ids = call.text_list("ids", 8, false);
    FUZZ_CHECK(ids.size() <= 8);
    for (const auto& id : ids) FUZZ_CHECK(attune::http::is_id_shaped(id));
  });
  return 0;
}
