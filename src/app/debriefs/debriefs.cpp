#include "app/debriefs/debriefs.h"

#include "app/debriefs/debrief_records.h"
#include "app/policy/policy.h"
#include "app/practice/practice_records.h"
#include "core/text.h"

namespace attune::app {
namespace {

base::Status check_input(const DebriefInput& input) {
  if (input.skip) {
    if (!input.nourishing.empty() || !input.discomfort.empty() || !input.adjust.empty()) {
      return base::fail(base::ErrorCode::invalid_field,
                        "Skipping sends no text: send skip alone, or the three answers.");
    }
    return {};
  }
  ATTUNE_TRY(core::check_text("nourishing", input.nourishing, kMaxDebriefChars, false));
  ATTUNE_TRY(core::check_text("discomfort", input.discomfort, kMaxDebriefChars, false));
  ATTUNE_TRY(core::check_text("adjust", input.adjust, kMaxDebriefChars, false));
  if (core::is_blank(input.nourishing) && core::is_blank(input.discomfort) &&
      core::is_blank(input.adjust)) {
    return base::fail(base::ErrorCode::missing_field,
                      "Write something in at least one of the three, or skip.");
  }
  return {};
}

// Everything the reveal rule needs about one practice, read in one transaction.
class PracticeDebriefs {
 public:
  PracticeDebriefs(const Context& context, store::Transaction& tx,
                   const policy::PracticeAccess& access)
      : context_(context),
        tx_(tx),
        access_(access),
        practice_(load_practice(context, tx, access)),
        now_(context.clock.now()),
        ended_at_(practice_.state_at(now_).ended_at) {}

  const PracticeRecord& practice() const { return practice_; }
  std::optional<base::TimePoint> ended_at() const { return ended_at_; }
  base::TimePoint now() const { return now_; }

  core::DebriefReveal reveal() const {
    return core::reveal_debriefs(order(), still_taking_part(),
                                 practice_debriefs(context_, tx_, access_));
  }

 private:
  // The practice's participants the policy still lets in: anyone who left never blocks.
  std::vector<std::string> still_taking_part() const {
    std::vector<std::string> expected;
    for (const auto& id : practice_.setup.participants) {
      Actor someone;
      someone.account_id = id;
      if (context_.policy.practice_participant(tx_, someone, practice_.id)) {
        expected.push_back(id);
      }
    }
    return expected;
  }

  std::vector<std::string> order() const {
    std::vector<core::PracticeMark> marks;
    std::optional<core::PracticeMark> self;
    for (const auto& other : practices_of(context_, tx_, access_.member())) {
      core::PracticeMark mark{other.id, other.acts.empty() ? base::TimePoint{} : other.acts[0].at,
                              other.setup.participants, other.state_at(now_).ended_at};
      if (other.id == practice_.id) self = mark;
      marks.push_back(std::move(mark));
    }
    const auto turn = self ? core::earlier_ended_practices(marks, *self) : 0;
    return core::speaking_order(practice_.setup.participants, turn);
  }

  const Context& context_;
  store::Transaction& tx_;
  const policy::PracticeAccess& access_;
  PracticeRecord practice_;
  base::TimePoint now_;
  std::optional<base::TimePoint> ended_at_;
};

}  // namespace

base::Status Debriefs::give(const Actor& actor, const std::string& practice_id,
                            const DebriefInput& input) {
  ATTUNE_TRY(check_input(input));
  bool revealed = false;
  auto done = context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    auto access = context_.policy.practice_participant(tx, actor, practice_id);
    if (!access) return base::error_of(access);
    PracticeDebriefs debriefs(context_, tx, *access);
    if (!debriefs.practice().names(actor.account_id)) return std::unexpected(policy::not_found());
    switch (core::debrief_opening(debriefs.ended_at(), debriefs.now())) {
      case core::DebriefOpening::kNotEnded:
        return base::fail(base::ErrorCode::practice_not_ended,
                          "The debrief opens once the practice has ended.");
      case core::DebriefOpening::kClosed:
        return base::fail(base::ErrorCode::debrief_closed,
                          "This debrief closed seven days after the practice ended.");
      case core::DebriefOpening::kOpen:
        break;
    }
    if (has_given_debrief(tx, *access)) {
      return base::fail(base::ErrorCode::debrief_already_given,
                        "Your reflections on this practice are already in.");
    }
    core::DebriefAnswer answer;
    answer.skipped = input.skip;
    if (!input.skip) {
      answer.nourishing = core::trim(input.nourishing);
      answer.discomfort = core::trim(input.discomfort);
      answer.adjust = core::trim(input.adjust);
    }
    insert_debrief(context_, tx, *access, answer, context_.now_ms());
    revealed = debriefs.reveal().status == core::DebriefStatus::kRevealed;
    return {};
  });
  // Only the answer that completes the reveal tells anyone anything: an earlier answer sends
  // nothing, so no open screen can learn that someone has answered.
  if (done && revealed) context_.notify_practices({practice_id});
  return done;
}

base::Result<DebriefsView> Debriefs::get(const Actor& actor, const std::string& practice_id) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto access = context_.policy.practice_participant(*tx, actor, practice_id);
  if (!access) return base::error_of(access);
  PracticeDebriefs debriefs(context_, *tx, *access);
  if (!debriefs.practice().names(actor.account_id)) return std::unexpected(policy::not_found());
  DebriefsView view;
  if (auto ended = debriefs.ended_at()) view.closes_at = *ended + core::kDebriefWindow;
  // Nothing is revealed before the practice ends (nobody can have answered).
  if (!debriefs.ended_at()) return view;
  auto reveal = debriefs.reveal();
  view.status = reveal.status;
  for (auto& shown : reveal.debriefs) {
    const bool mine = shown.answer.author == actor.account_id;
    view.debriefs.push_back({shown.order, mine, std::move(shown.answer)});
  }
  return view;
}

bool Debriefs::revealed_to(const std::string& practice_id, const Actor& participant) {
  auto view = get(participant, practice_id);
  return view && view->status == core::DebriefStatus::kRevealed;
}

}  // namespace attune::app
