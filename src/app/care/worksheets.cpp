#include "app/care/worksheets.h"

#include "app/accounts/people.h"
#include "app/consent/entry_records.h"
#include "app/consent/sharing.h"
#include "app/nudge_topics.h"
#include "core/text.h"

namespace attune::app {
namespace {

constexpr std::size_t kMaxStep = 4000;

// Each step may be blank while the worksheet is in progress, but not all three.
base::Status check_worksheet(const WorksheetText& text) {
  ATTUNE_TRY(core::check_text("old_script", text.old_script, kMaxStep, false));
  ATTUNE_TRY(core::check_text("notice_now", text.notice_now, kMaxStep, false));
  ATTUNE_TRY(core::check_text("new_narrative", text.new_narrative, kMaxStep, false));
  if (core::is_blank(text.old_script) && core::is_blank(text.notice_now) &&
      core::is_blank(text.new_narrative)) {
    return base::fail(base::ErrorCode::missing_field, "Write at least one of the three steps.");
  }
  return {};
}

}  // namespace

base::Result<std::string> Worksheets::create(const Actor& actor, const std::string& rid,
                                             const WorksheetText& text,
                                             core::Visibility visibility) {
  ATTUNE_TRY(check_worksheet(text));
  Sharing sharing(context_);
  auto id = context_.write(actor, [&](store::Transaction& tx) -> base::Result<std::string> {
    auto member = context_.policy.member(tx, actor, rid);
    if (!member) return base::error_of(member);
    return sharing.create(tx, *member, kWorksheetFeature, worksheet_body(text), visibility);
  });
  if (id) sharing.nudge(nudge_topic::kWorksheets);
  return id;
}

base::Result<std::vector<WorksheetView>> Worksheets::list(const Actor& actor,
                                                          const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto member = context_.policy.member(*tx, actor, rid);
  if (!member) return base::error_of(member);
  std::vector<WorksheetView> result;
  for (auto& record : worksheets_readable_by(context_, *tx, *member)) {
    result.push_back({record.id, std::move(record.text), record.author_id == actor.account_id,
                      record.visibility, display_name_of(context_, *tx, record.author_id),
                      record.created_at, record.updated_at});
  }
  return result;
}

base::Status Worksheets::update(const Actor& actor, const std::string& worksheet_id,
                                const WorksheetChange& change) {
  Sharing sharing(context_);
  auto done = context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    auto author = own_access(tx, actor, worksheet_id);
    if (!author) return base::error_of(author);
    auto entry = load_own_entry(context_, tx, *author, worksheet_id);
    if (!entry) return std::unexpected(policy::not_found());
    const auto before = worksheet_of(*entry).text;
    const WorksheetText after{change.old_script.value_or(before.old_script),
                              change.notice_now.value_or(before.notice_now),
                              change.new_narrative.value_or(before.new_narrative)};
    ATTUNE_TRY(check_worksheet(after));
    const auto now = context_.now_ms();
    if (worksheet_body(after) != worksheet_body(before)) {
      sharing.touch(tx, *author, worksheet_id);
      archive_worksheet_version(context_, tx, *author, worksheet_id, before, now);
      update_entry_body(context_, tx, *author, worksheet_id, worksheet_body(after), now);
    }
    if (change.visibility) sharing.set_visibility(tx, *author, *entry, *change.visibility);
    return {};
  });
  if (done) sharing.nudge(nudge_topic::kWorksheets);
  return done;
}

base::Result<std::vector<WorksheetVersion>> Worksheets::history(const Actor& actor,
                                                                const std::string& worksheet_id) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto author = own_access(*tx, actor, worksheet_id);
  if (!author) return base::error_of(author);
  return worksheet_versions(context_, *tx, *author, worksheet_id);
}

base::Status Worksheets::remove(const Actor& actor, const std::string& worksheet_id) {
  Sharing sharing(context_);
  auto done = context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    auto author = own_access(tx, actor, worksheet_id);
    if (!author) return base::error_of(author);
    sharing.touch(tx, *author, worksheet_id);
    delete_entry(tx, *author, worksheet_id);  // its earlier versions go with it
    return {};
  });
  if (done) {
    context_.db.scrub_after_delete();
    sharing.nudge(nudge_topic::kWorksheets);
  }
  return done;
}

base::Result<policy::MemberAccess> Worksheets::own_access(store::Transaction& tx,
                                                          const Actor& actor,
                                                          const std::string& worksheet_id) const {
  auto rid = own_entry_relationship(tx, actor.account_id, worksheet_id, kWorksheetFeature);
  if (!rid) return std::unexpected(policy::not_found());
  return context_.policy.member(tx, actor, *rid);
}

}  // namespace attune::app
