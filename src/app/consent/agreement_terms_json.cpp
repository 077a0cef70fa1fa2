#include "app/consent/agreement_terms_json.h"

namespace attune::app {

nlohmann::json terms_json(const core::AgreementTerms& terms) {
  return {{"exercise_id", terms.exercise_id},
          {"participants", terms.participants},
          {"items", terms.items},
          {"time_limit_minutes", terms.time_limit_minutes},
          {"role_order", terms.role_order},
          {"pause_word", terms.pause_word},
          {"aftercare", terms.aftercare}};
}

core::AgreementTerms terms_from_json(const nlohmann::json& json) {
  core::AgreementTerms terms;
  terms.exercise_id = json.at("exercise_id").get<std::string>();
  terms.participants = json.at("participants").get<std::vector<std::string>>();
  terms.items = json.at("items").get<std::vector<std::string>>();
  terms.time_limit_minutes = json.at("time_limit_minutes").get<int>();
  terms.role_order = json.at("role_order").get<std::vector<std::string>>();
  terms.pause_word = json.at("pause_word").get<std::string>();
  terms.aftercare = json.at("aftercare").get<std::string>();
  return terms;
}

}  // namespace attune::app
