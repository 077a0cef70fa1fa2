// The health-IT shapes a practice system imports (HL7 FHIR R4): each measure as a
// Questionnaire, and answered measures as QuestionnaireResponses in a collection Bundle.
// Only shapes: who may see which response is decided before these are called.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/measure.h"

namespace attune::core {

// The Questionnaire's canonical URL: stable across servers, so two clinics' exports of the
// same instrument name the same questionnaire.
std::string questionnaire_canonical(const Measure& measure);

// The text each item shows: the imported wording, our own words, or a neutral placeholder.
using ItemTexts = std::map<std::string, std::string>;  // item id -> text

// A Questionnaire: url, version, name, title, status active, one required `choice` item per
// measure item (answerOption valueInteger, one per point) and a read-only integer `total`.
nlohmann::json fhir_questionnaire(const Measure& measure, const ItemTexts& texts);

struct AnsweredMeasure {
  std::string id;  // FHIR id: [A-Za-z0-9-.]{1,64}
  std::string author_name;
  std::int64_t authored_at = 0;  // ms since the epoch
  MeasureAnswers answers;
  int total = 0;
};

// A completed QuestionnaireResponse for the questionnaire above.
nlohmann::json fhir_questionnaire_response(const Measure& measure, const AnsweredMeasure& answered);

// A Bundle of type collection holding the given resources.
nlohmann::json fhir_collection(const std::string& id, std::int64_t at,
                               const std::vector<nlohmann::json>& resources);

}  // namespace attune::core
