// Stored data that cannot be what this code wrote: a sealed field that will not open, a
// data key that does not unwrap, an act kind no version knows. Never caused by user input
// and never cured by retrying, so the API answers 500 `internal` and logs it as corruption
// (not 503 like store::Unavailable, whose next attempt may well succeed).
#pragma once

#include <stdexcept>

namespace attune::base {

struct Corruption : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace attune::base
