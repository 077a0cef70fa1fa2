// core::mutual_items for the largest group a relationship allows: 8 partners who each
// answered all 200 items of a catalogue, mostly yes or maybe (the worst case, since
// every item survives every sheet but one).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "core/reveal.h"

namespace attune::core {
namespace {

constexpr int kPartners = 8;
constexpr int kItems = 200;

std::vector<AnswerSheet> make_sheets() {
  std::vector<AnswerSheet> sheets(kPartners);
  for (int p = 0; p < kPartners; ++p) {
    for (int i = 0; i < kItems; ++i) {
      // A few no's spread over the partners so some items drop out late in the scan.
      Answer answer = (i * 7 + p) % 23 == 0 ? Answer::kNo
                      : (i + p) % 3 == 0    ? Answer::kMaybe
                                            : Answer::kYes;
      sheets[p].emplace("item-" + std::to_string(i), answer);
    }
  }
  return sheets;
}

void BM_MutualItems_8x200(benchmark::State& state) {
  const auto sheets = make_sheets();
  std::vector<const AnswerSheet*> group;
  for (const auto& sheet : sheets) group.push_back(&sheet);
  std::size_t shared = 0;
  for (auto _ : state) {
    auto items = mutual_items(group);
    shared = items.size();
    benchmark::DoNotOptimize(items);
  }
  state.counters["shared_items"] = static_cast<double>(shared);
}
BENCHMARK(BM_MutualItems_8x200);

}  // namespace
}  // namespace attune::core
