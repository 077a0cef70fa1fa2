#include "app/consent/boundaries.h"

#include "app/consent/agreement_voiding.h"
#include "app/policy/policy.h"
#include "core/group.h"
#include "core/text.h"
#include "crypto/tokens.h"

namespace attune::app {
namespace {

constexpr std::size_t kMaxNote = 500;
constexpr std::size_t kMaxCustomLabel = 80;
constexpr int kMaxCustomItemsPerPerson = 100;

}  // namespace

bool item_visible_to(const Context& context, store::Transaction& tx,
                     const policy::MemberAccess& access, const std::string& partner_id,
                     const std::string& item_id) {
  if (context.content.find_item(item_id)) return true;
  return custom_item_visible_to(tx, access, partner_id, item_id);
}

base::Result<std::vector<CatalogueEntry>> Boundaries::catalogue(const Actor& actor,
                                                                const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto member = context_.policy.member(*tx, actor, rid);
  if (!member) return base::error_of(member);
  std::vector<CatalogueEntry> entries;
  for (const auto& item : context_.content.catalogue.items) {
    entries.push_back({item.id, item.category, item.label, item.description, false, false, false});
  }
  for (const auto& item : visible_custom_items(context_, *tx, *member)) {
    entries.push_back({item.id, item.category, item.label, "", true,
                       item.author_id == actor.account_id, item.proposed});
  }
  return entries;
}

base::Status Boundaries::answer(const Actor& actor, const std::string& rid,
                                const std::string& item_id, core::Answer answer,
                                const std::string& note) {
  if (auto ok = core::check_text("note", note, kMaxNote, false); !ok) return ok;
  std::vector<std::string> touched;
  auto done = context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    auto member = context_.policy.member(tx, actor, rid);
    if (!member) return base::error_of(member);
    if (!item_visible_to(context_, tx, *member, actor.account_id, item_id)) {
      return std::unexpected(policy::not_found());
    }
    const auto now = context_.now_ms();
    record_answer(context_, tx, *member, {item_id, answer, note}, now);
    touched = void_agreements_broken_by(context_, tx, *member, item_id, answer);
    return {};
  });
  if (done) context_.notify_practices(touched);
  return done;
}

base::Result<std::vector<MyAnswer>> Boundaries::mine(const Actor& actor, const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto member = context_.policy.member(*tx, actor, rid);
  if (!member) return base::error_of(member);
  return own_answers(context_, *tx, *member);
}

base::Result<std::vector<AnswerChange>> Boundaries::history(const Actor& actor,
                                                            const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto member = context_.policy.member(*tx, actor, rid);
  if (!member) return base::error_of(member);
  return own_answer_history(context_, *tx, *member);
}

base::Result<std::vector<core::SharedItem>> Boundaries::shared(
    const Actor& actor, const std::string& rid, const std::vector<std::string>& with) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto member = context_.policy.member(*tx, actor, rid);
  if (!member) return base::error_of(member);
  const SealedSheets sealed = sealed_sheets(*tx, *member);
  auto group = core::resolve_group(sealed.members, actor.account_id, with);
  if (!group) return base::error_of(group);
  const GroupAnswers answers = open_group_answers(context_, *member, sealed, *group);
  std::vector<const core::AnswerSheet*> pointers;
  for (const auto& sheet : answers.sheets) pointers.push_back(&sheet);
  // A custom item that is not proposed may still be in everyone's sheets only if its author
  // answered it; it is invisible to the others, so it is filtered out unless proposed.
  auto items = core::mutual_items(pointers);
  std::erase_if(items, [&](const core::SharedItem& item) {
    return !context_.content.find_item(item.item_id) &&
           !answers.visible_custom_items.contains(item.item_id);
  });
  return items;
}

base::Result<std::string> Boundaries::add_custom_item(const Actor& actor, const std::string& rid,
                                                      const std::string& category,
                                                      const std::string& label) {
  ATTUNE_TRY(core::check_text("label", label, kMaxCustomLabel, true));
  bool known_category = false;
  for (const auto& c : context_.content.catalogue.categories) known_category |= c.id == category;
  if (!known_category) {
    return base::fail(base::ErrorCode::invalid_field, "Please choose one of the categories.");
  }
  const std::string id = "custom-" + crypto::random_id();
  return context_.write(actor, [&](store::Transaction& tx) -> base::Result<std::string> {
    auto member = context_.policy.member(tx, actor, rid);
    if (!member) return base::error_of(member);
    if (count_own_custom_items(tx, *member) >= kMaxCustomItemsPerPerson) {
      return base::fail(base::ErrorCode::rule_violated,
                        "You have reached the limit of custom items here.");
    }
    insert_custom_item(
        context_, tx, *member,
        {id, actor.account_id, category, core::trim(label), false, context_.now_ms()});
    return id;
  });
}

base::Status Boundaries::propose(const Actor& actor, const std::string& item_id) {
  return context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    auto rid = own_custom_item_relationship(tx, actor.account_id, item_id);
    if (!rid) return std::unexpected(policy::not_found());
    auto member = context_.policy.member(tx, actor, *rid);
    if (!member) return base::error_of(member);
    propose_custom_item(tx, *member, item_id, context_.now_ms());
    return {};
  });
}

}  // namespace attune::app
