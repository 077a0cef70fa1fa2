// The questionnaires of content/measures/ (one TOML file per measure), loaded and checked
// once at start, and the item texts a clinic imports (`attune measures import FILE`),
// checked against them. Kept apart from ContentLibrary so that loading it does not touch
// the header every use case includes.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"
#include "core/measure.h"

namespace attune::content {

// Immutable after loading; shared by every thread without locking.
struct MeasureLibrary {
  std::vector<core::Measure> measures;  // sorted by id

  const core::Measure* find(const std::string& id) const;  // nullptr when unknown
};

// Every *.toml in `dir`. Each problem is an invalid_field error naming the file, the line,
// the measure or item and what is wrong; a declared total range that the items cannot
// produce is refused.
base::Result<MeasureLibrary> load_measure_library(const std::string& dir);

// One item's text as a clinic holds it, with the labels of its two ends when given.
struct ItemText {
  std::string measure_id;
  std::string item_id;
  std::string text;
  std::string low_label;   // "" when not given
  std::string high_label;  // "" when not given
};

// An import file: a table per measure id, in it a table per item id with `text` and
// optional `low_label`/`high_label`. Unknown measures or items, our own measures (their
// words ship with attune) and over-long texts are refused.
base::Result<std::vector<ItemText>> item_texts_from_file(const std::string& path,
                                                         const MeasureLibrary& library);

}  // namespace attune::content
