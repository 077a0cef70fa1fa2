// The therapist capability's part of "download my data": the access log of reads of the
// person's data, every private message they wrote, and, for a therapist, their own notes.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/context.h"
#include "app/therapy/access_log_records.h"
#include "app/therapy/message_records.h"
#include "app/therapy/note_records.h"

namespace attune::app {

struct ExportedAccessRead {
  std::string relationship_id;
  AccessLogEntry entry;
};

struct ExportedTherapy {
  std::vector<ExportedAccessRead> access_log;
  std::vector<MessageRecord> my_messages;
  std::vector<NoteRecord> my_notes;  // a therapist's only
};

ExportedTherapy therapy_export(const Context& context, const Actor& actor);
nlohmann::json therapy_json(const ExportedTherapy& therapy);

}  // namespace attune::app
