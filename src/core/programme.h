// The practice programme's rules (SPEC 7), pure: which stages are open, whether the next
// one is on offer, and whether to suggest a gentler stage after a hard practice. Nothing
// here counts days or streaks, and nothing opens by itself: a stage opens only when every
// current partner has accepted its offer.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace attune::core {

// How a post-practice check-in reads: comfortable when felt safety is at least
// `comfortable_safety` and stress at most `comfortable_stress`; hard when safety is at most
// `hard_safety` or stress at least `hard_stress`.
struct RatingThresholds {
  int comfortable_safety = 7;
  int comfortable_stress = 4;
  int hard_safety = 3;
  int hard_stress = 7;
};

struct ProgrammeStage {
  int stage = 1;
  std::string title;
  // The next stage is offered when this many of the most recent ended practices at this
  // stage were rated comfortable by every participant still in the relationship, and none
  // of them hard by anyone. 0 for the last stage (nothing comes after it).
  int comfortable_practices_to_offer_next = 2;
};

struct Programme {
  RatingThresholds thresholds;
  std::vector<ProgrammeStage> stages;  // 1..N in order

  int last_stage() const { return static_cast<int>(stages.size()); }
  const ProgrammeStage* find(int stage) const;
};

struct PostRating {
  std::string author_id;
  int safety = 0;
  int stress = 0;
};

// One ended practice, with the post-practice check-ins of its participants (the latest per
// participant), newest practice first in every list below.
struct EndedPractice {
  int stage = 1;
  std::vector<std::string> participants;  // those still partners in the relationship
  std::vector<PostRating> ratings;
};

bool is_comfortable(const RatingThresholds& thresholds, const PostRating& rating);
bool is_hard(const RatingThresholds& thresholds, const PostRating& rating);

// The stage rule: true when the next stage after `stage` may be offered.
bool next_stage_earned(const Programme& programme, int stage,
                       const std::vector<EndedPractice>& newest_first);

enum class StageStatus { kOpen, kOffered, kClosed };

struct ProgrammeFacts {
  std::set<int> opened;            // stages opened so far (stage 1 is always open)
  std::set<int> therapist_offers;  // stages a therapist offered
  // Current partners who accepted the stage on offer, if any.
  std::set<std::string> accepted;
  std::vector<std::string> partners;     // the current partners
  std::vector<EndedPractice> practices;  // newest first
};

struct ProgrammeOffer {
  int stage = 0;
  std::size_t accepted_count = 0;
  std::size_t participant_count = 0;
};

struct ProgrammeView {
  std::vector<std::pair<int, StageStatus>> stages;
  std::optional<ProgrammeOffer> offer;
  // After the most recent ended practice, if anyone rated it hard: the stage to suggest.
  std::optional<int> step_back_to;
};

// The highest open stage.
int highest_open(const ProgrammeFacts& facts);
// The stage on offer now: the one after the highest open stage, when a therapist offered it
// or the rule holds for the highest open stage.
std::optional<int> stage_on_offer(const Programme& programme, const ProgrammeFacts& facts);
ProgrammeView programme_view(const Programme& programme, const ProgrammeFacts& facts);
// Whether an exercise of `stage` may go into an agreement.
bool stage_is_open(const ProgrammeFacts& facts, int stage);

}  // namespace attune::core
