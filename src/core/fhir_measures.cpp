#include "core/fhir_measures.h"

#include <cctype>

#include "base/rfc3339.h"

namespace attune::core {
namespace {

constexpr const char* kVersion = "1";

// FHIR's `name`: a computable name, ^[A-Z]([A-Za-z0-9_]){0,254}$.
std::string computable_name(const Measure& measure) {
  std::string name = "Attune";
  for (char c : measure.short_name) {
    if (std::isalnum(static_cast<unsigned char>(c))) name += c;
  }
  return name;
}

}  // namespace

std::string questionnaire_canonical(const Measure& measure) {
  return "urn:attune:questionnaire:" + measure.id;
}

nlohmann::json fhir_questionnaire(const Measure& measure, const ItemTexts& texts) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : measure.items) {
    nlohmann::json options = nlohmann::json::array();
    for (int point : item.points) options.push_back({{"valueInteger", point}});
    const auto text = texts.find(item.id);
    items.push_back({{"linkId", item.id},
                     {"text", text == texts.end() ? item.id : text->second},
                     {"type", "choice"},
                     {"required", true},
                     {"answerOption", options}});
  }
  items.push_back(
      {{"linkId", "total"}, {"text", "Total score"}, {"type", "integer"}, {"readOnly", true}});
  nlohmann::json questionnaire{{"resourceType", "Questionnaire"},
                               {"id", measure.id},
                               {"url", questionnaire_canonical(measure)},
                               {"version", kVersion},
                               {"name", computable_name(measure)},
                               {"title", measure.name},
                               {"status", "active"},
                               {"experimental", !measure.validated},
                               {"description", measure.scoring_note},
                               {"item", items}};
  if (!measure.citation.empty()) questionnaire["copyright"] = measure.citation;
  return questionnaire;
}

nlohmann::json fhir_questionnaire_response(const Measure& measure,
                                           const AnsweredMeasure& answered) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : measure.items) {
    const auto answer = answered.answers.find(item.id);
    if (answer == answered.answers.end()) continue;
    items.push_back({{"linkId", item.id},
                     {"answer", nlohmann::json::array({{{"valueInteger", answer->second}}})}});
  }
  items.push_back({{"linkId", "total"},
                   {"answer", nlohmann::json::array({{{"valueInteger", answered.total}}})}});
  nlohmann::json response{{"resourceType", "QuestionnaireResponse"},
                          {"id", answered.id},
                          {"questionnaire", questionnaire_canonical(measure) + "|" + kVersion},
                          {"status", "completed"},
                          {"authored", base::to_rfc3339_ms(answered.authored_at)},
                          {"item", items}};
  if (!answered.author_name.empty()) response["author"] = {{"display", answered.author_name}};
  return response;
}

nlohmann::json fhir_collection(const std::string& id, std::int64_t at,
                               const std::vector<nlohmann::json>& resources) {
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& resource : resources) entries.push_back({{"resource", resource}});
  return {{"resourceType", "Bundle"},
          {"id", id},
          {"type", "collection"},
          {"timestamp", base::to_rfc3339_ms(at)},
          {"entry", entries}};
}

}  // namespace attune::core
