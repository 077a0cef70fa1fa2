// crypto::seal and crypto::open of a 1 KiB field (a long note or aftercare text), the
// work every sealed column costs on each write and read.
#include <benchmark/benchmark.h>

#include <string>

#include "crypto/initialize.h"
#include "crypto/seal.h"

namespace attune::crypto {
namespace {

constexpr std::size_t kFieldBytes = 1024;

void BM_Seal_1KiB(benchmark::State& state) {
  initialize();
  const auto key = SecretKey::random();
  const std::string plaintext(kFieldBytes, 'n');
  const std::string aad = field_aad("0f3c9a1e7d2b4c8a", "note");
  for (auto _ : state) {
    auto sealed = seal(key, plaintext, aad);
    benchmark::DoNotOptimize(sealed);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kFieldBytes));
}
BENCHMARK(BM_Seal_1KiB);

void BM_Open_1KiB(benchmark::State& state) {
  initialize();
  const auto key = SecretKey::random();
  const std::string aad = field_aad("0f3c9a1e7d2b4c8a", "note");
  const std::string sealed = seal(key, std::string(kFieldBytes, 'n'), aad);
  for (auto _ : state) {
    auto opened = open(key, sealed, aad);
    if (!opened) state.SkipWithError("open failed");
    benchmark::DoNotOptimize(opened);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kFieldBytes));
}
BENCHMARK(BM_Open_1KiB);

}  // namespace
}  // namespace attune::crypto
