#include "app/measures/measure_records.h"

#include <nlohmann/json.hpp>

namespace attune::app {

MeasureResponseRecord measure_response_from_entry(const EntryRecord& entry) {
  const auto body = nlohmann::json::parse(entry.body);
  MeasureResponseRecord response;
  response.id = entry.id;
  response.author_id = entry.author_id;
  response.measure_id = body.at("measure_id").get<std::string>();
  for (const auto& [item, value] : body.at("answers").items()) {
    response.answers[item] = value.get<int>();
  }
  response.total = body.at("total").get<int>();
  response.visibility = entry.visibility;
  response.created_at = entry.created_at;
  return response;
}

std::string measure_response_body(const std::string& measure_id,
                                  const core::MeasureAnswers& answers, int total) {
  nlohmann::json items = nlohmann::json::object();
  for (const auto& [item, value] : answers) items[item] = value;
  return nlohmann::json{{"measure_id", measure_id}, {"answers", items}, {"total", total}}.dump();
}

std::vector<MeasureResponseRecord> measure_responses_readable_by(
    const Context& context, store::Transaction& tx, const policy::MemberAccess& viewer) {
  std::vector<MeasureResponseRecord> responses;
  for (const auto& entry : entries_readable_by(context, tx, viewer, kMeasureFeature)) {
    responses.push_back(measure_response_from_entry(entry));
  }
  return responses;
}

std::vector<MeasureResponseRecord> measure_responses_for_therapist(
    const Context& context, store::Transaction& tx, const policy::MembershipAccess& author) {
  std::vector<MeasureResponseRecord> responses;
  for (const auto& entry : own_entries(context, tx, author)) {
    if (entry.feature != kMeasureFeature || !core::reaches_therapist(entry.visibility)) continue;
    responses.push_back(measure_response_from_entry(entry));
  }
  return responses;
}

std::string measure_schedule_body(const std::string& measure_id, int every_days) {
  return nlohmann::json{{"measure_id", measure_id}, {"every_days", every_days}}.dump();
}

std::vector<MeasureScheduleRecord> own_measure_schedules(const Context& context,
                                                         store::Transaction& tx,
                                                         const policy::MemberAccess& member) {
  std::vector<MeasureScheduleRecord> schedules;
  for (const auto& entry : entries_readable_by(context, tx, member, kMeasureScheduleFeature)) {
    if (entry.author_id != member.account_id()) continue;
    const auto body = nlohmann::json::parse(entry.body);
    schedules.push_back(
        {entry.id, body.at("measure_id").get<std::string>(), body.at("every_days").get<int>()});
  }
  return schedules;
}

ImportedTexts imported_item_texts(store::Transaction& tx) {
  ImportedTexts texts;
  for (const auto& row : tx.query(
           "SELECT measure_id, item_id, text, low_label, high_label FROM measure_item_texts")) {
    texts[row.text(0)][row.text(1)] =
        content::ItemText{row.text(0), row.text(1), row.text(2), row.text(3), row.text(4)};
  }
  return texts;
}

void save_item_texts(store::Transaction& tx, const std::vector<content::ItemText>& texts,
                     std::int64_t at) {
  for (const auto& text : texts) {
    tx.execute("DELETE FROM measure_item_texts WHERE measure_id = ? AND item_id = ?",
               {text.measure_id, text.item_id});
    tx.execute(
        "INSERT INTO measure_item_texts (measure_id, item_id, text, low_label, high_label, "
        "imported_at) VALUES (?,?,?,?,?,?)",
        {text.measure_id, text.item_id, text.text, text.low_label, text.high_label, at});
  }
}

std::vector<std::string> relationship_member_ids_for_operator(store::Transaction& tx,
                                                              const std::string& relationship_id) {
  std::vector<std::string> ids;
  for (const auto& row : tx.query(
           "SELECT account_id FROM memberships WHERE relationship_id = ? AND status = 'active' "
           "ORDER BY account_id",
           {relationship_id})) {
    ids.push_back(row.text(0));
  }
  return ids;
}

}  // namespace attune::app
