#include "live_load/mix_files.h"

#include <fstream>

namespace attune::bench {

bool write_mix_users(const std::string& path, const std::vector<SeededPair>& pairs,
                     std::string_view password) {
  std::ofstream out(path, std::ios::trunc);
  for (const auto& pair : pairs) {
    out << pair.email_a << '\t' << password << '\t' << pair.token_a << '\t' << pair.relationship_id
        << '\n';
    out << pair.email_b << '\t' << password << '\t' << pair.token_b << '\t' << pair.relationship_id
        << '\n';
  }
  return static_cast<bool>(out);
}

bool write_mix_items(const std::string& path, const std::vector<std::string>& item_ids) {
  std::ofstream out(path, std::ios::trunc);
  for (const auto& id : item_ids) out << id << '\n';
  return static_cast<bool>(out) && !item_ids.empty();
}

}  // namespace attune::bench
