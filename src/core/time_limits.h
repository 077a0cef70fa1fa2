// The bounds of a practice's time limit, shared by agreements and practices.
#pragma once

namespace attune::core {

inline constexpr int kMinTimeLimitMinutes = 5;
inline constexpr int kMaxTimeLimitMinutes = 180;

}  // namespace attune::core
