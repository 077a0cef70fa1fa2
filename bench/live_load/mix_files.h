// The files wrk's API mix (bench/wrk/api_mix.lua) runs over, written by `live_load seed`:
// who can log in and where they belong, and which catalogue items they may answer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "live_load/manifest.h"

namespace attune::bench {

// Two lines per pair, one per person: e-mail, password, session token and relationship id
// separated by tabs.
bool write_mix_users(const std::string& path, const std::vector<SeededPair>& pairs,
                     std::string_view password);
// One catalogue item id per line. Answering these never touches a seeded agreement, so the
// mix measures plain boundary writes, not agreement voiding.
bool write_mix_items(const std::string& path, const std::vector<std::string>& item_ids);

}  // namespace attune::bench
