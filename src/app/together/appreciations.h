// Appreciation (SPEC 10): a short note to one partner or to every partner, shown to them on
// their home screen until its author withdraws it. Nothing is counted and nothing asks
// anyone to write one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/context.h"
#include "app/relationships/relationships.h"
#include "base/error.h"

namespace attune::app {

struct SentAppreciation {
  std::string id;
  std::optional<PartnerSummary> to;  // nullopt: every partner at the time
  std::string text;
  std::int64_t created_at = 0;
};

struct ReceivedAppreciation {
  std::string id;
  PartnerSummary from;
  bool to_everyone = false;
  std::string text;
  std::int64_t created_at = 0;
};

struct AppreciationList {
  std::vector<SentAppreciation> sent;          // newest first
  std::vector<ReceivedAppreciation> received;  // newest first
};

class Appreciations {
 public:
  explicit Appreciations(Context& context) : context_(context) {}

  // `to` empty: every other partner now in the relationship.
  base::Result<std::string> send(const Actor& actor, const std::string& rid,
                                 const std::optional<std::string>& to, const std::string& text);
  base::Result<AppreciationList> list(const Actor& actor, const std::string& rid);
  // Only the author; gone for every recipient at once.
  base::Status withdraw(const Actor& actor, const std::string& appreciation_id);

 private:
  Context& context_;
};

}  // namespace attune::app
