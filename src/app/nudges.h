// The per-person live channel (issue 11 item 2): "something you can see changed, fetch
// again". A nudge carries a topic and never any content; the use cases send one only to
// people who can see the change, so a nudge itself reveals nothing (a private write nudges
// nobody but the writer's own other devices). The live layer implements it across replicas.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace attune::app {

class Nudges {
 public:
  virtual ~Nudges() = default;
  // Tells every open client of these people that `topic` (e.g. "relationship:<id>") changed.
  virtual void nudge(const std::vector<std::string>& person_ids, std::string_view topic) = 0;
};

}  // namespace attune::app
