// The content the server ships as data (boundary catalogue, exercise library, default crisis
// resources, the language coach's vocabulary), loaded and validated once at start; the server
// refuses to start on any error.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "content/resources.h"
#include "core/catalogue.h"
#include "core/coach/coach_vocabulary.h"
#include "core/exercise.h"
#include "core/programme.h"
#include "core/safety_check.h"

namespace attune::content {

// Immutable after loading, so it can be shared by every thread without locking.
struct ContentLibrary {
  core::Catalogue catalogue;
  std::vector<core::Exercise> exercises;  // sorted by stage, then id
  Resources default_resources;
  core::Programme programme;
  core::CoachVocabulary coach;         // the language coach's vocabulary
  core::SafetyCheckForm safety_check;  // the private safety check

  const core::CatalogueItem* find_item(std::string_view id) const;  // nullptr when unknown
  const core::Exercise* find_exercise(std::string_view id) const;   // nullptr when unknown
};

// Loads content_dir/{catalogue,exercises,resources,programme,coach,safety_check}.toml. Every
// problem is an invalid_field error whose message names the file, the line, the entry's id and what
// is wrong.
base::Result<ContentLibrary> load_content_library(const std::string& content_dir);

// An operator's own resources file, in the same format as resources.toml.
base::Result<Resources> load_resources_file(const std::string& path);

}  // namespace attune::content
