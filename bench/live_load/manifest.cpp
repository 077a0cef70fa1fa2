#include "live_load/manifest.h"

#include <fstream>
#include <sstream>

namespace attune::bench {

bool write_manifest(const std::string& path, const std::vector<SeededPair>& pairs) {
  std::ofstream out(path, std::ios::trunc);
  for (const auto& pair : pairs) {
    out << pair.token_a << '\t' << pair.token_b << '\t' << pair.agreement_id << '\n';
  }
  return static_cast<bool>(out);
}

std::optional<std::vector<SeededPair>> read_manifest(const std::string& path, std::size_t limit,
                                                     std::size_t skip) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::vector<SeededPair> pairs;
  std::string line;
  for (std::size_t skipped = 0; skipped < skip && std::getline(in, line);) ++skipped;
  while (pairs.size() < limit && std::getline(in, line)) {
    std::istringstream fields(line);
    SeededPair pair;
    if (!std::getline(fields, pair.token_a, '\t') || !std::getline(fields, pair.token_b, '\t') ||
        !std::getline(fields, pair.agreement_id) || pair.agreement_id.empty()) {
      return std::nullopt;
    }
    pairs.push_back(std::move(pair));
  }
  return pairs;
}

}  // namespace attune::bench
