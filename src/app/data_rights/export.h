// "Download my data" (GET /api/v1/me/export): everything a person wrote, opened, plus the
// mutual shared view of each relationship they are in. Never another person's private
// data: partners appear only by id and display name, and only what the person could
// already see through the API is in it (I1, I4).
#pragma once

#include <nlohmann/json.hpp>

#include "app/actor.h"
#include "app/context.h"
#include "base/error.h"

namespace attune::app {

class DataExport {
 public:
  explicit DataExport(Context& context) : context_(context) {}

  // One JSON document (format "attune-export", version 1); unauthenticated if the
  // account is gone.
  base::Result<nlohmann::json> of(const Actor& actor);

 private:
  nlohmann::json profile(const Actor& actor);
  base::Result<nlohmann::json> relationship(const Actor& actor, const std::string& rid,
                                            const std::string& name);
  nlohmann::json boundaries(const Actor& actor, const std::string& rid);
  nlohmann::json own_rows(const Actor& actor, const std::string& rid);
  nlohmann::json agreements(const Actor& actor, const std::string& rid);
  nlohmann::json practices(const Actor& actor, const std::string& rid);

  Context& context_;
};

}  // namespace attune::app
