// The in-memory cache behind kept data keys and agreement terms: a stated lifetime, a
// capped size, and forgetting an owner's entries at once.
#include "app/expiring_cache.h"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>
#include <thread>

namespace attune::app {
namespace {

using namespace std::chrono_literals;
using Cache = ExpiringCache<std::string>;

std::optional<std::string> read(Cache& cache, const std::string& key, Cache::Clock::time_point at) {
  return cache.find(key, at, [](const std::string& value) { return std::optional(value); });
}

TEST(ExpiringCache, AnEntryIsFoundWithinItsLifetime) {
  Cache cache(5s, 8);
  const auto start = Cache::Clock::now();
  cache.keep("k", "owner", "value", start);
  EXPECT_EQ(read(cache, "k", start + 4999ms), "value");
}

TEST(ExpiringCache, AnEntryIsGoneOnceItsLifetimeIsUp) {
  Cache cache(5s, 8);
  const auto start = Cache::Clock::now();
  cache.keep("k", "owner", "value", start);
  EXPECT_EQ(read(cache, "k", start + 5s), std::nullopt);
  EXPECT_EQ(cache.size(), 0u);
}

TEST(ExpiringCache, BeingFoundDoesNotLengthenALife) {
  Cache cache(5s, 8);
  const auto start = Cache::Clock::now();
  cache.keep("k", "owner", "value", start);
  ASSERT_EQ(read(cache, "k", start + 4s), "value");
  EXPECT_EQ(read(cache, "k", start + 5s), std::nullopt);
}

TEST(ExpiringCache, AFullCacheLetsItsOldestEntryGo) {
  Cache cache(5s, 2);
  const auto start = Cache::Clock::now();
  cache.keep("a", "owner", "1", start);
  cache.keep("b", "owner", "2", start + 1ms);
  cache.keep("c", "owner", "3", start + 2ms);
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(read(cache, "a", start + 3ms), std::nullopt);
  EXPECT_EQ(read(cache, "b", start + 3ms), "2");
  EXPECT_EQ(read(cache, "c", start + 3ms), "3");
}

TEST(ExpiringCache, ForgettingAGroupDropsItsEntriesAndKeepsThemOutForALifetime) {
  Cache cache(5s, 8);
  const auto start = Cache::Clock::now();
  cache.keep("a", "gone", "1", start);
  cache.keep("b", "stays", "2", start);
  cache.forget("gone", start + 1s);
  EXPECT_FALSE(cache.holds_group("gone"));
  EXPECT_EQ(read(cache, "a", start + 1s), std::nullopt);
  EXPECT_EQ(read(cache, "b", start + 1s), "2");
  // A reader that began before the forgetting does not put it back.
  cache.keep("a", "gone", "1", start + 2s);
  EXPECT_EQ(read(cache, "a", start + 2s), std::nullopt);
  cache.keep("a", "gone", "1", start + 6s);
  EXPECT_EQ(read(cache, "a", start + 6s), "1");
}

TEST(ExpiringCache, AReaderCanRefuseAnEntry) {
  Cache cache(5s, 8);
  const auto start = Cache::Clock::now();
  cache.keep("k", "owner", "old", start);
  auto found = cache.find("k", start, [](const std::string& value) {
    return value == "new" ? std::optional(value) : std::nullopt;
  });
  EXPECT_EQ(found, std::nullopt);
}

TEST(ExpiringCache, NothingOutlivesItsLifetimeOnAnIdleCache) {
  Cache cache(50ms, 8);
  cache.keep("k", "owner", "value", Cache::Clock::now());
  ASSERT_EQ(cache.size(), 1u);
  // Nobody asks again: the sweeper alone must let it go.
  const auto deadline = Cache::Clock::now() + 10s;
  while (cache.size() != 0 && Cache::Clock::now() < deadline) std::this_thread::sleep_for(5ms);
  EXPECT_EQ(cache.size(), 0u);
}

}  // namespace
}  // namespace attune::app
