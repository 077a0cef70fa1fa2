// Agreement terms as JSON: one mapping for the sealed copy in the store, the API's answers
// and the data export, so the three can never drift apart.
#pragma once

#include <nlohmann/json.hpp>

#include "core/agreement_terms.h"

namespace attune::app {

nlohmann::json terms_json(const core::AgreementTerms& terms);
core::AgreementTerms terms_from_json(const nlohmann::json& json);

}  // namespace attune::app
