#include "live/in_person_proofs.h"

namespace attune::live {
namespace {

constexpr std::size_t kMaxId = 128;
constexpr std::size_t kMaxPin = 32;
constexpr std::size_t kMaxPassword = 4096;

// A non-empty string of at most max bytes without NUL, or nullopt.
std::optional<std::string> short_text(const nlohmann::json& value, std::size_t max) {
  if (!value.is_string()) return std::nullopt;
  const auto& text = value.get_ref<const std::string&>();
  if (text.empty() || text.size() > max || text.find('\0') != std::string::npos) {
    return std::nullopt;
  }
  return text;
}

std::optional<app::InPersonProof> proof_from(const nlohmann::json& entry) {
  if (!entry.is_object() || entry.size() != 2 || !entry.contains("account_id")) {
    return std::nullopt;
  }
  auto id = short_text(entry["account_id"], kMaxId);
  if (!id) return std::nullopt;
  app::InPersonProof proof{*id, {}, {}};
  if (auto pin = entry.find("pin"); pin != entry.end()) {
    auto text = short_text(*pin, kMaxPin);
    if (!text) return std::nullopt;
    proof.pin = *text;
  } else if (auto password = entry.find("password"); password != entry.end()) {
    auto text = short_text(*password, kMaxPassword);
    if (!text) return std::nullopt;
    proof.password = *text;
  } else {
    return std::nullopt;
  }
  return proof;
}

}  // namespace

std::optional<std::vector<app::InPersonProof>> proofs_from(const nlohmann::json& message) {
  std::vector<app::InPersonProof> proofs;
  auto list = message.find("proofs");
  if (list == message.end() || list->is_null()) return proofs;
  if (!list->is_array() || list->size() > kMaxProofs) return std::nullopt;
  for (const auto& entry : *list) {
    auto proof = proof_from(entry);
    if (!proof) return std::nullopt;
    proofs.push_back(std::move(*proof));
  }
  return proofs;
}

}  // namespace attune::live
