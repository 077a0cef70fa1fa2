// core::fold_practice over a 200-act log: a couple who start and then pause and resume
// together again and again, the longest log a real practice plausibly reaches.
#include <benchmark/benchmark.h>

#include <chrono>
#include <string>
#include <vector>

#include "core/practice_fold.h"

namespace attune::core {
namespace {

constexpr int kActs = 200;
const base::TimePoint kStart = base::TimePoint{} + std::chrono::milliseconds(1'700'000'000'000);

PracticeSetup couple() {
  PracticeSetup setup;
  setup.participants = {"ana", "ben"};
  setup.role_order = {"ana", "ben"};
  setup.exercise.id = "arriving-together";
  setup.exercise.steps = {{"settle", "Settle in.", 120, StepRoles::kTogether},
                          {"breathe", "Breathe.", 180, StepRoles::kTogether},
                          {"lead-1", "Lead.", 150, StepRoles::kGiverReceiver},
                          {"lead-2", "Swap.", 150, StepRoles::kGiverReceiver},
                          {"share", "Share.", 120, StepRoles::kTogether}};
  setup.time_limit_minutes = 180;
  return setup;
}

// created, ready ×2, then (pause, consent, consent) cycles 10 s apart: 10 s running per
// cycle keeps the whole log inside the exercise's 12 running minutes.
std::vector<Act> pause_resume_log() {
  std::vector<Act> acts;
  auto at = kStart;
  auto add = [&](ActKind kind, const char* actor) {
    acts.push_back(next_act(acts, kind, actor, at));
    at += std::chrono::seconds(10);
  };
  add(ActKind::kCreated, "ana");
  add(ActKind::kReady, "ana");
  add(ActKind::kReady, "ben");
  const char* pausers[] = {"ana", "ben"};
  for (int cycle = 0; static_cast<int>(acts.size()) < kActs; ++cycle) {
    add(ActKind::kPaused, pausers[cycle % 2]);
    if (static_cast<int>(acts.size()) < kActs) add(ActKind::kResumeConsent, "ana");
    if (static_cast<int>(acts.size()) < kActs) add(ActKind::kResumeConsent, "ben");
  }
  return acts;
}

void BM_FoldPractice_200Acts(benchmark::State& state) {
  const auto setup = couple();
  const auto acts = pause_resume_log();
  const auto now = acts.back().at + std::chrono::seconds(1);
  for (auto _ : state) {
    auto folded = fold_practice(setup, acts, now);
    benchmark::DoNotOptimize(folded);
  }
  state.counters["acts"] = static_cast<double>(acts.size());
  state.counters["final_seq"] = static_cast<double>(fold_practice(setup, acts, now).seq);
}
BENCHMARK(BM_FoldPractice_200Acts);

}  // namespace
}  // namespace attune::core
