#include "app/checkins/checkin_records.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace attune::app {

CheckinRecord checkin_from_entry(const EntryRecord& entry) {
  auto body = nlohmann::json::parse(entry.body);
  CheckinRecord checkin;
  checkin.id = entry.id;
  checkin.author_id = entry.author_id;
  checkin.kind = core::parse_checkin_kind(body.at("kind").get<std::string>())
                     .value_or(core::CheckinKind::kDaily);
  checkin.practice_id = body.value("practice_id", "");
  for (auto score : core::kScores) {
    checkin.scores.values[static_cast<std::size_t>(score)] =
        body.at(std::string(core::score_name(score))).get<int>();
  }
  checkin.note = body.value("note", "");
  checkin.visibility = entry.visibility;
  checkin.created_at = entry.created_at;
  return checkin;
}

std::string checkin_body(const CheckinRecord& checkin) {
  nlohmann::json body{{"kind", core::checkin_kind_name(checkin.kind)}, {"note", checkin.note}};
  if (!checkin.practice_id.empty()) body["practice_id"] = checkin.practice_id;
  for (auto score : core::kScores)
    body[std::string(core::score_name(score))] = checkin.scores.of(score);
  return body.dump();
}

std::vector<CheckinRecord> checkins_readable_by(const Context& context, store::Transaction& tx,
                                                const policy::MemberAccess& viewer) {
  std::vector<CheckinRecord> checkins;
  for (const auto& entry : entries_readable_by(context, tx, viewer, kCheckinFeature)) {
    checkins.push_back(checkin_from_entry(entry));
  }
  return checkins;
}

std::vector<CheckinRecord> own_daily_series(const Context& context, store::Transaction& tx,
                                            const policy::MemberAccess& member) {
  std::vector<CheckinRecord> series;
  for (auto& checkin : checkins_readable_by(context, tx, member)) {
    if (checkin.author_id == member.account_id() && checkin.kind == core::CheckinKind::kDaily) {
      series.push_back(std::move(checkin));
    }
  }
  std::ranges::reverse(series);
  return series;
}

std::vector<CheckinRecord> post_checkins_for_rules(const Context& context, store::Transaction& tx,
                                                   const policy::MemberAccess& member) {
  std::vector<CheckinRecord> checkins;
  for (const auto& entry : entries_for_rules(context, tx, member, kCheckinFeature)) {
    auto checkin = checkin_from_entry(entry);
    if (checkin.kind == core::CheckinKind::kPost) checkins.push_back(std::move(checkin));
  }
  return checkins;
}

}  // namespace attune::app
