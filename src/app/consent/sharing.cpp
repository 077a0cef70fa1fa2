#include "app/consent/sharing.h"

#include <algorithm>

#include "app/nudge_topics.h"
#include "crypto/tokens.h"

namespace attune::app {

std::string Sharing::create(store::Transaction& tx, const policy::MemberAccess& author,
                            const std::string& feature, const std::string& body,
                            core::Visibility visibility) {
  const auto now = context_.now_ms();
  EntryRecord entry{crypto::random_id(),
                    author.relationship_id(),
                    author.account_id(),
                    feature,
                    body,
                    core::Visibility::kPrivate,
                    now,
                    now};
  insert_entry(context_, tx, author, entry);
  set_visibility(tx, author, entry, visibility);
  return entry.id;
}

void Sharing::set_visibility(store::Transaction& tx, const policy::MemberAccess& author,
                             const EntryRecord& entry, core::Visibility visibility) {
  const bool was_shared = core::reaches_partners(entry.visibility);
  touch(tx, author, entry.id);
  update_entry_visibility(tx, author, entry.id, visibility, context_.now_ms());
  if (!core::reaches_partners(visibility)) {
    clear_entry_audience(tx, author, entry.id);
    return;
  }
  if (was_shared) return;  // the audience stays the partners of the moment it was shared
  for (const auto& partner : context_.policy.active_partners(tx, author)) {
    if (partner == entry.author_id) continue;
    add_entry_audience(tx, author, entry.id, partner);
  }
  touch(tx, author, entry.id);
}

void Sharing::touch(store::Transaction& tx, const policy::MemberAccess& author,
                    const std::string& entry_id) {
  reach(entry_audience_ids(tx, author, entry_id), author);
}

void Sharing::reach(const std::vector<std::string>& readers, const policy::MemberAccess& author) {
  relationship_id_ = author.relationship_id();
  for (const auto& reader : readers) {
    if (reader != author.account_id() && std::ranges::find(reached_, reader) == reached_.end()) {
      reached_.push_back(reader);
    }
  }
}

void Sharing::nudge(std::string_view kind) const {
  if (!relationship_id_.empty()) context_.nudge(reached_, nudge_topic::in(kind, relationship_id_));
}

}  // namespace attune::app
