// The care capability's content, loaded and validated once at start: optional prompts for each
// step of a reframing worksheet (content/worksheet_prompts.toml), short readings for learning
// together (content/readings.toml) and conversation cards (content/conversation_cards.toml).
#pragma once

#include <string>
#include <vector>

#include "base/error.h"

namespace attune::content {

struct WorksheetPrompt {
  std::string id;
  std::string step;  // "old_script" | "notice_now" | "new_narrative"
  std::string text;
};

// A short reading in the project's own words, with the sources of its ideas named.
struct Reading {
  std::string id;
  std::string title;
  int minutes = 0;  // to read, roughly
  std::string summary;
  std::string body;
  std::vector<std::string> sources;
};

// A prompt to talk about, taken in turns; any card may be skipped without a reason.
struct ConversationCard {
  std::string id;
  std::string theme;  // "desires" | "fantasies" | "boundaries" | "consent_rituals"
  std::string text;
};

struct CareContent {
  std::vector<WorksheetPrompt> worksheet_prompts;  // in file order
  std::vector<Reading> readings;                   // in file order
  std::vector<ConversationCard> conversation_cards;

  const Reading* find_reading(const std::string& id) const;  // nullptr when unknown
};

// Loads the three files from content_dir. Every problem is an invalid_field error naming the
// file, the line, the entry and what is wrong; every step needs at least one prompt, every
// reading at least one source.
base::Result<CareContent> load_care_content(const std::string& content_dir);

}  // namespace attune::content
