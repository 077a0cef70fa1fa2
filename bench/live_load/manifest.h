// The seeded world a load run starts from: per couple, both session tokens and their
// signed agreement. Written by `live_load seed`, read by `live_load run`, so one seeding
// serves every N. (The e-mails and relationship go to wrk's files: see mix_files.h.)
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace attune::bench {

struct SeededPair {
  std::string token_a;
  std::string token_b;
  std::string agreement_id;
  std::string email_a;  // not in the manifest
  std::string email_b;
  std::string relationship_id;
};

// One line per pair: token_a, token_b and agreement_id separated by tabs.
bool write_manifest(const std::string& path, const std::vector<SeededPair>& pairs);
// `limit` pairs after the first `skip`; nullopt when the file cannot be read or is malformed.
std::optional<std::vector<SeededPair>> read_manifest(const std::string& path, std::size_t limit,
                                                     std::size_t skip = 0);

}  // namespace attune::bench
