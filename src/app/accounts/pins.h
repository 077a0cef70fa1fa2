// A personal PIN for proving presence in person on a shared device: when one device serves
// several participants, each one's ready and resume must come from that person (I3), by
// their PIN or their own password, checked here. The PIN is set after the account password,
// stored as an Argon2id hash sealed under the person's key, and is weak by nature, so its
// guesses are bounded: kMaxPinFailures wrong PINs in a row and only the password proves
// presence, until the password does or the PIN is set again. Every check goes through the
// password gate's growing delay (password_gate.h).
#pragma once

#include <string>

#include "app/accounts/password_gate.h"
#include "app/actor.h"
#include "app/context.h"
#include "base/error.h"

namespace attune::app {

// One participant's proof of being at the shared device: a PIN or their password.
struct InPersonProof {
  std::string account_id;
  std::string pin;
  std::string password;
};

class Pins {
 public:
  Pins(Context& context, PasswordGate& gate) : context_(context), gate_(gate) {}

  // Sets or replaces the caller's PIN, after their password.
  base::Status set(const Actor& actor, const std::string& password, const std::string& pin);
  // Removes it, after their password; not_found when there is none.
  base::Status remove(const Actor& actor, const std::string& password);
  bool is_set(const Actor& actor);

  // Whether proof.account_id is present in person: proof_required (403) when the proof is
  // missing, wrong, or a PIN after too many wrong ones; rate_limited while a delay runs.
  base::Status prove(const InPersonProof& proof);

  static constexpr std::size_t kMinDigits = 6;
  static constexpr std::size_t kMaxDigits = 12;
  static constexpr std::int64_t kMaxPinFailures = 5;

 private:
  base::Status check_own_password(const std::string& account_id, const std::string& password,
                                  base::ErrorCode wrong);
  base::Status prove_by_pin(const std::string& account_id, const std::string& pin);

  Context& context_;
  PasswordGate& gate_;
};

// Six to twelve digits, not one digit repeated nor a straight run (123456, 987654).
base::Status validate_pin(const std::string& pin);

}  // namespace attune::app
