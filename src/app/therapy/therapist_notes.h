// The therapist's private notes on a linked relationship: written and read only by that
// therapist while the link is active, never by a partner.
#pragma once

#include <string>
#include <vector>

#include "app/actor.h"
#include "app/context.h"
#include "app/therapy/note_records.h"
#include "base/error.h"

namespace attune::app {

inline constexpr std::size_t kMaxNoteChars = 8000;

class TherapistNotes {
 public:
  explicit TherapistNotes(Context& context) : context_(context) {}

  base::Result<std::string> add(const Actor& actor, const std::string& rid,
                                const std::string& text);
  base::Result<std::vector<NoteRecord>> list(const Actor& actor, const std::string& rid);

 private:
  Context& context_;
};

}  // namespace attune::app
