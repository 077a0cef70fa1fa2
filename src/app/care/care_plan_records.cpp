#include "app/care/care_plan_records.h"

#include <nlohmann/json.hpp>

#include "app/accounts/people.h"

namespace attune::app {

bool is_care_plan_kind(const std::string& kind) {
  return kind == "trigger" || kind == "helps" || kind == "reassurance";
}

std::string care_plan_body(const std::string& kind, const std::string& text, bool show_name) {
  return nlohmann::json{{"kind", kind}, {"text", text}, {"show_name", show_name}}.dump();
}

CarePlanRecord care_plan_of(const EntryRecord& entry) {
  auto body = nlohmann::json::parse(entry.body);
  return {entry.id,
          entry.author_id,
          body.at("kind").get<std::string>(),
          body.at("text").get<std::string>(),
          body.value("show_name", false),
          entry.visibility,
          entry.created_at,
          entry.updated_at};
}

std::vector<CarePlanRecord> care_plan_readable_by(const Context& context, store::Transaction& tx,
                                                  const policy::MemberAccess& viewer) {
  std::vector<CarePlanRecord> records;
  for (const auto& entry : entries_readable_by(context, tx, viewer, kCarePlanFeature)) {
    records.push_back(care_plan_of(entry));
  }
  return records;
}

std::vector<CareNote> care_notes_among(const Context& context, store::Transaction& tx,
                                       const policy::MemberAccess& member,
                                       const std::vector<std::string>& participants) {
  std::vector<CareNote> notes;
  for (const auto& entry :
       entries_shared_among(context, tx, member, kCarePlanFeature, participants)) {
    auto record = care_plan_of(entry);
    notes.push_back({std::move(record.kind), std::move(record.text),
                     record.show_name ? display_name_of(context, tx, record.author_id) : ""});
  }
  return notes;
}

}  // namespace attune::app
