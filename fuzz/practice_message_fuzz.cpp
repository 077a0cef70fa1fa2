// A message on the live practice socket: a ping, or a command with its in-person proofs.
// Either it is refused with a 4xx-kind error or it reads within its limits.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "live/practice_message.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto pong = attune::live::pong_for(text)) {
    // The ping's "t" comes back as it came; nothing else of the message does.
    FUZZ_CHECK(pong->starts_with(R"({"t":)") && pong->ends_with(R"(,"type":"pong"})"));
  }
  auto message = attune::live::parse_practice_message(text);
  if (!message) {
    const auto code = message.error().code;
    FUZZ_CHECK(code == attune::base::ErrorCode::invalid_json ||
               code == attune::base::ErrorCode::invalid_field);
    return 0;
  }
  using attune::core::PracticeCommand;
  FUZZ_CHECK(message->on_behalf_of.size() <= 8);
  FUZZ_CHECK(message->proofs.size() <= 8);
  const bool confirms =
      message->command == PracticeCommand::kReady || message->command == PracticeCommand::kResume;
  if (!confirms) FUZZ_CHECK(message->proofs.empty());
  for (const auto& proof : message->proofs) {
    FUZZ_CHECK(!proof.account_id.empty() && proof.account_id.size() <= 128);
    FUZZ_CHECK(proof.pin.empty() != proof.password.empty());
  }
  return 0;
}
