// The boundary catalogue: activities, touch and topics partners answer yes/maybe/no about.
#pragma once

#include <string>
#include <vector>

namespace attune::core {

struct CatalogueCategory {
  std::string id;
  std::string label;
};

struct CatalogueItem {
  std::string id;
  std::string category;  // a CatalogueCategory id
  std::string label;
  std::string description;
};

struct Catalogue {
  std::vector<CatalogueCategory> categories;
  std::vector<CatalogueItem> items;
};

}  // namespace attune::core
