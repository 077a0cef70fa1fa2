// The FHIR R4 structure rules that can be checked offline, for tests: required elements,
// cardinalities, code values, primitive formats, choice-type value[x], the invariants
// que-0/1/2/4/5/6 and bdl-1/2, and that a response's linkIds and answers fit its
// Questionnaire. Each returns the problems found (empty when the resource conforms).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace attune::testing {

std::vector<std::string> check_questionnaire(const nlohmann::json& q);
std::vector<std::string> check_questionnaire_response(const nlohmann::json& r,
                                                      const nlohmann::json& questionnaire);
// Every entry's resource is a QuestionnaireResponse for one of `questionnaires`.
std::vector<std::string> check_response_bundle(const nlohmann::json& b,
                                               const std::vector<nlohmann::json>& questionnaires);

}  // namespace attune::testing
