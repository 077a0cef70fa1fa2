// One log-in's password hash at the production cost (Argon2id, 64 MiB, 2 passes, 1 lane),
// three ways (issue 13 item 7): libsodium, as attune hashes today (it maps and unmaps its
// 64 MiB for every hash, so the kernel populates the pages each time); and Debian's
// libargon2 through its allocation callbacks, once with fresh memory for every hash and once
// reusing one buffer per thread, as a password-gate thread could. Process CPU time per hash
// is the inverse of log-ins per second per core; docs/benchmarks.md has the numbers.
#include <argon2.h>
#include <benchmark/benchmark.h>
#include <sodium.h>

#include <array>
#include <cstdlib>
#include <string>
#include <thread>

namespace attune::crypto {
namespace {

constexpr std::uint32_t kPasses = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr std::uint32_t kMemoryKib = crypto_pwhash_MEMLIMIT_INTERACTIVE / 1024;
const std::string kPassword = "a long enough password";
const std::array<std::uint8_t, 16> kSalt{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

thread_local std::uint8_t* kept = nullptr;  // this thread's reused buffer, if any
thread_local bool keep = false;

int allocate(std::uint8_t** memory, std::size_t bytes) {
  if (keep && kept) {
    *memory = kept;
    return ARGON2_OK;
  }
  *memory = static_cast<std::uint8_t*>(std::aligned_alloc(64, (bytes + 63) / 64 * 64));
  if (keep) kept = *memory;
  return *memory ? ARGON2_OK : ARGON2_MEMORY_ALLOCATION_ERROR;
}

void release(std::uint8_t* memory, std::size_t) {
  if (memory != kept) std::free(memory);
}

int libargon2_hash(std::array<std::uint8_t, 32>& out) {
  argon2_context context{};
  context.out = out.data();
  context.outlen = out.size();
  context.pwd = reinterpret_cast<std::uint8_t*>(const_cast<char*>(kPassword.data()));
  context.pwdlen = static_cast<std::uint32_t>(kPassword.size());
  context.salt = const_cast<std::uint8_t*>(kSalt.data());
  context.saltlen = kSalt.size();
  context.t_cost = kPasses;
  context.m_cost = kMemoryKib;
  context.lanes = 1;
  context.threads = 1;
  context.version = ARGON2_VERSION_13;
  context.allocate_cbk = allocate;
  context.free_cbk = release;
  return argon2_ctx(&context, Argon2_id);
}

void BM_LoginHashLibsodium(benchmark::State& state) {
  if (sodium_init() < 0) state.SkipWithError("libsodium did not start");
  std::array<std::uint8_t, 32> out{};
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        crypto_pwhash(out.data(), out.size(), kPassword.data(), kPassword.size(), kSalt.data(),
                      kPasses, std::size_t{kMemoryKib} * 1024, crypto_pwhash_ALG_ARGON2ID13));
  }
}

// On a thread of its own, so that keeping the buffer stays with that thread.
void libargon2_on_thread(benchmark::State& state, bool keep_buffer) {
  std::thread worker([&] {
    keep = keep_buffer;
    std::array<std::uint8_t, 32> out{};
    for (auto _ : state) benchmark::DoNotOptimize(libargon2_hash(out));
    std::free(kept);
  });
  worker.join();
}

void BM_LoginHashLibargon2Fresh(benchmark::State& state) { libargon2_on_thread(state, false); }
void BM_LoginHashLibargon2Kept(benchmark::State& state) { libargon2_on_thread(state, true); }

BENCHMARK(BM_LoginHashLibsodium)->MeasureProcessCPUTime()->UseRealTime()->MinTime(5.0);
BENCHMARK(BM_LoginHashLibargon2Fresh)->MeasureProcessCPUTime()->UseRealTime()->MinTime(5.0);
BENCHMARK(BM_LoginHashLibargon2Kept)->MeasureProcessCPUTime()->UseRealTime()->MinTime(5.0);

}  // namespace
}  // namespace attune::crypto
