// Reframing worksheets are entries of the one sharing mechanism (app/consent/entry_records.h)
// with the feature "worksheet": this module is their body's shape (old script, what I notice
// now, a new narrative — sealed together under the author's key) and their history. Earlier
// versions live in worksheet_versions, sealed under the author's key and read only for the
// author, so a share never reaches them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/consent/entry_records.h"
#include "app/context.h"
#include "app/policy/access.h"
#include "core/visibility.h"

namespace attune::app {

inline constexpr const char* kWorksheetFeature = "worksheet";

struct WorksheetText {
  std::string old_script;
  std::string notice_now;
  std::string new_narrative;
};

struct WorksheetRecord {
  std::string id;
  std::string author_id;
  WorksheetText text;
  core::Visibility visibility = core::Visibility::kPrivate;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// An earlier version of one of the author's worksheets, replaced at replaced_at.
struct WorksheetVersion {
  std::string worksheet_id;
  WorksheetText text;
  std::int64_t replaced_at = 0;
};

std::string worksheet_body(const WorksheetText& text);
WorksheetRecord worksheet_of(const EntryRecord& entry);

// The member's own worksheets plus those shared with them, newest first.
std::vector<WorksheetRecord> worksheets_readable_by(const Context& context, store::Transaction& tx,
                                                    const policy::MemberAccess& viewer);

// Keeps the version an edit replaces; `worksheet_id` is the author's own (load_own_entry).
void archive_worksheet_version(const Context& context, store::Transaction& tx,
                               const policy::MemberAccess& author, const std::string& worksheet_id,
                               const WorksheetText& replaced, std::int64_t at);
// The author's earlier versions of one of their worksheets, newest first.
std::vector<WorksheetVersion> worksheet_versions(const Context& context, store::Transaction& tx,
                                                 const policy::MemberAccess& author,
                                                 const std::string& worksheet_id);
// Every earlier version the holder wrote in the relationship, oldest first (export).
std::vector<WorksheetVersion> own_worksheet_versions(const Context& context, store::Transaction& tx,
                                                     const policy::MembershipAccess& access);

}  // namespace attune::app
