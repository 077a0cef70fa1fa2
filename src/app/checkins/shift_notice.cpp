#include "app/checkins/shift_notice.h"

namespace attune::app {
namespace {

std::string noticed(core::Score score) {
  switch (score) {
    case core::Score::kMood:
      return "Your mood has been a little lower in your recent check-ins than it was before.";
    case core::Score::kEnergy:
      return "Your energy has been a little lower in your recent check-ins than it was before.";
    case core::Score::kInterest:
      return "Your interest has been a little lower in your recent check-ins than it was before.";
    case core::Score::kSafety:
      return "You have been feeling a little less safe in your recent check-ins than before.";
    case core::Score::kStress:
      return "Your stress has been a little higher in your recent check-ins than it was before.";
  }
  return {};
}

}  // namespace

ShiftNotice notice_of(const core::Shift& shift, std::int64_t since) {
  ShiftNotice notice;
  notice.score = shift.score;
  notice.direction = shift.rise ? "up" : "down";
  notice.since = since;
  notice.message = noticed(shift.score) +
                   " Only you can see this. It is not a judgement, just something you may want "
                   "to notice.";
  notice.offers = {
      {"note", "Write a few words in your next check-in about what has been going on."},
      {"conversation",
       "If it feels right, you could tell your partner how you have been, in your own words "
       "and at your own pace."},
      {"resources", "If things feel heavy, support is there for you any time."},
  };
  return notice;
}

}  // namespace attune::app
