#include "app/data_rights/export_json.h"

#include <nlohmann/json.hpp>

#include "app/consent/agreement_terms_json.h"
#include "app/data_rights/export.h"
#include "app/together/reminders_export.h"
#include "base/rfc3339.h"

namespace attune::app {
namespace {

using nlohmann::json;

json answer_json(const std::string& item_id, core::Answer answer, const std::string& note) {
  json entry{{"item_id", item_id}, {"answer", core::answer_name(answer)}};
  if (!note.empty()) entry["note"] = note;
  return entry;
}

// A sealed body is JSON for every feature so far; kept as text should one not be.
json body_json(const std::string& body) {
  auto parsed = json::parse(body, nullptr, false);
  return parsed.is_discarded() ? json(body) : parsed;
}

json profile_json(const AccountRecord& profile) {
  return {{"id", profile.id},
          {"email", profile.email},
          {"display_name", profile.display_name},
          {"time_zone", profile.time_zone},
          {"roles", json::array({profile.roles})},
          {"created_at", base::to_rfc3339_ms(profile.created_at)}};
}

json boundaries_json(const ExportedRelationship& relationship) {
  json answers = json::array();
  for (const auto& a : relationship.my_answers) {
    answers.push_back(answer_json(a.item_id, a.answer, a.note));
  }
  json history = json::array();
  for (const auto& change : relationship.my_history) {
    json entry = answer_json(change.item_id, change.answer, change.note);
    entry["at"] = base::to_rfc3339_ms(change.at);
    history.push_back(std::move(entry));
  }
  json shared = json::array();
  for (const auto& item : relationship.shared_with_everyone) {
    shared.push_back({{"item_id", item.item_id}, {"level", core::shared_level_name(item.level)}});
  }
  return {{"my_answers", std::move(answers)},
          {"my_history", std::move(history)},
          {"shared_with_everyone", std::move(shared)}};
}

json custom_items_json(const std::vector<ExportedCustomItem>& custom_items) {
  json items = json::array();
  for (const auto& custom : custom_items) {
    json item{{"category", custom.category}, {"label", custom.label}};
    item["id"] = custom.id;
    item["proposed"] = custom.proposed;
    item["created_at"] = base::to_rfc3339_ms(custom.created_at);
    items.push_back(std::move(item));
  }
  return items;
}

json entries_json(const std::vector<ExportedEntry>& entries) {
  json result = json::array();
  for (const auto& entry : entries) {
    result.push_back({{"id", entry.id},
                      {"feature", entry.feature},
                      {"body", body_json(entry.body)},
                      {"visibility", entry.visibility},
                      {"created_at", base::to_rfc3339_ms(entry.created_at)},
                      {"updated_at", base::to_rfc3339_ms(entry.updated_at)}});
  }
  return result;
}

json agreements_json(const std::vector<ExportedAgreement>& agreements) {
  json result = json::array();
  for (const auto& agreement : agreements) {
    json versions = json::array();
    for (const auto& version : agreement.versions) {
      versions.push_back({{"version", version.version},
                          {"created_at", base::to_rfc3339_ms(version.created_at)},
                          {"terms", terms_json(version.terms)}});
    }
    json signatures = json::array();
    for (const auto& signature : agreement.my_signatures) {
      signatures.push_back({{"version", signature.version},
                            {"signed_at", base::to_rfc3339_ms(signature.signed_at)}});
    }
    result.push_back({{"id", agreement.id},
                      {"current_version", agreement.current_version},
                      {"status", core::agreement_status_name(agreement.status)},
                      {"versions", std::move(versions)},
                      {"my_signatures", std::move(signatures)}});
  }
  return result;
}

json practices_json(const std::vector<ExportedPractice>& practices) {
  json result = json::array();
  for (const auto& practice : practices) {
    json acts = json::array();
    for (const auto& act : practice.my_acts) {
      acts.push_back({{"seq", act.seq}, {"kind", act.kind}, {"at", base::to_rfc3339_ms(act.at)}});
    }
    result.push_back({{"id", practice.id},
                      {"agreement_id", practice.agreement_id},
                      {"status", core::practice_status_name(practice.status)},
                      {"my_acts", std::move(acts)}});
  }
  return result;
}

json debriefs_json(const std::vector<ExportedDebrief>& debriefs) {
  json result = json::array();
  for (const auto& debrief : debriefs) {
    result.push_back({{"practice_id", debrief.practice_id},
                      {"skipped", debrief.answer.skipped},
                      {"nourishing", debrief.answer.nourishing},
                      {"discomfort", debrief.answer.discomfort},
                      {"adjust", debrief.answer.adjust},
                      {"given_at", base::to_rfc3339_ms(debrief.given_at)},
                      {"shared_with_therapist", debrief.shared_with_therapist}});
  }
  return result;
}

json acceptances_json(const std::map<int, std::int64_t>& accepted) {
  json result = json::array();
  for (const auto& [stage, at] : accepted) {
    result.push_back({{"stage", stage}, {"accepted_at", base::to_rfc3339_ms(at)}});
  }
  return result;
}

json safety_checks_json(const std::vector<SafetyCheckRecord>& checks) {
  json result = json::array();
  for (const auto& check : checks) {
    result.push_back({{"id", check.id},
                      {"answered_at", base::to_rfc3339_ms(check.answered_at)},
                      {"form_version", check.form_version},
                      {"answers", check.answers},
                      {"signals_danger", check.signals_danger}});
  }
  return result;
}

// Earlier versions of my reframing worksheets (the current one is in my_entries).
json worksheet_history_json(const std::vector<WorksheetVersion>& versions) {
  json list = json::array();
  for (const auto& version : versions) {
    list.push_back({{"worksheet_id", version.worksheet_id},
                    {"old_script", version.text.old_script},
                    {"notice_now", version.text.notice_now},
                    {"new_narrative", version.text.new_narrative},
                    {"replaced_at", base::to_rfc3339_ms(version.replaced_at)}});
  }
  return list;
}

// The shared intentions I set (what the others set is theirs to export).
json intentions_json(const std::vector<IntentionVersion>& versions) {
  json list = json::array();
  for (const auto& version : versions) {
    list.push_back({{"text", version.text}, {"set_at", base::to_rfc3339_ms(version.set_at)}});
  }
  return list;
}

json relationship_json(const ExportedRelationship& relationship) {
  json partners = json::array();
  for (const auto& partner : relationship.partners) {
    partners.push_back({{"id", partner.id}, {"display_name", partner.display_name}});
  }
  return {{"id", relationship.id},
          {"name", relationship.name},
          {"partners", std::move(partners)},
          {"boundaries", boundaries_json(relationship)},
          {"my_custom_items", custom_items_json(relationship.my_custom_items)},
          {"my_entries", entries_json(relationship.my_entries)},
          {"agreements", agreements_json(relationship.agreements)},
          {"practices", practices_json(relationship.practices)},
          {"my_debriefs", debriefs_json(relationship.my_debriefs)},
          {"my_programme_acceptances", acceptances_json(relationship.my_programme_acceptances)},
          {"my_safety_checks", safety_checks_json(relationship.my_safety_checks)},
          {"my_worksheet_history", worksheet_history_json(relationship.my_worksheet_history)},
          {"my_intentions", intentions_json(relationship.my_intentions)}};
}

}  // namespace

std::string export_json(const ExportDocument& document) {
  json relationships = json::array();
  for (const auto& relationship : document.relationships) {
    json one = relationship_json(relationship);
    one.update(together_json(relationship.together));
    relationships.push_back(std::move(one));
  }
  json pending = json::array();
  for (const auto& membership : document.pending_relationships) {
    pending.push_back({{"id", membership.relationship_id},
                       {"asked_at", base::to_rfc3339_ms(membership.asked_at)}});
  }
  return json{{"format", "attune-export"},
              {"version", 1},
              {"exported_at", base::to_rfc3339(document.exported_at)},
              {"profile", profile_json(document.profile)},
              {"relationships", std::move(relationships)},
              {"pending_relationships", std::move(pending)},
              {"therapy", therapy_json(document.therapy)},
              {"reminders", reminders_json(document.reminders)}}
      .dump();
}

}  // namespace attune::app
