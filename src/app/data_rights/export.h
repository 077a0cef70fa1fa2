// "Download my data" (GET /api/v1/me/export): everything a person wrote, opened, plus the
// mutual shared view of each relationship they are in. Never another person's private
// data: partners appear only by id and display name, and only what the person could
// already see through the API is in it (I1, I4). export_json.h renders it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/accounts/account_records.h"
#include "app/actor.h"
#include "app/care/intention_records.h"
#include "app/care/worksheet_records.h"
#include "app/consent/agreements.h"
#include "app/consent/boundaries.h"
#include "app/context.h"
#include "app/practice/practices.h"
#include "app/relationships/relationships.h"
#include "app/safety_check/safety_check_records.h"
#include "app/therapy/therapy_export.h"
#include "app/together/reminders.h"
#include "app/together/together_export.h"
#include "base/clock.h"
#include "base/error.h"
#include "core/debrief_reveal.h"
#include "core/reveal.h"

namespace attune::app {

// A custom item or entry the person wrote; body is the sealed text as they stored it.
struct ExportedCustomItem {
  std::string id;
  std::string category;
  std::string label;
  bool proposed = false;
  std::int64_t created_at = 0;
};

struct ExportedEntry {
  std::string id;
  std::string feature;
  std::string body;
  std::string visibility;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

struct ExportedSignature {
  std::int64_t version = 0;
  std::int64_t signed_at = 0;
};

struct ExportedAgreement {
  std::string id;
  std::int64_t current_version = 0;
  core::AgreementStatus status = core::AgreementStatus::kDraft;
  std::vector<AgreementVersion> versions;
  std::vector<ExportedSignature> my_signatures;
};

struct ExportedAct {
  std::int64_t seq = 0;
  std::string kind;
  std::int64_t at = 0;
};

struct ExportedPractice {
  std::string id;
  std::string agreement_id;
  core::PracticeStatus status = core::PracticeStatus::kWaiting;
  std::vector<ExportedAct> my_acts;
};

struct ExportedDebrief {
  std::string practice_id;
  core::DebriefAnswer answer;
  std::int64_t given_at = 0;
  bool shared_with_therapist = false;
};

struct ExportedRelationship {
  std::string id;
  std::string name;
  std::vector<PartnerSummary> partners;  // the others, not the person
  std::vector<MyAnswer> my_answers;
  std::vector<AnswerChange> my_history;
  // Exactly what GET …/boundaries/shared shows: the items every partner marked yes or maybe.
  std::vector<core::SharedItem> shared_with_everyone;
  std::vector<ExportedCustomItem> my_custom_items;
  std::vector<ExportedEntry> my_entries;
  std::vector<ExportedAgreement> agreements;
  std::vector<ExportedPractice> practices;
  std::vector<ExportedDebrief> my_debriefs;              // mine only, whether or not revealed yet
  std::map<int, std::int64_t> my_programme_acceptances;  // stage → accepted_at
  std::vector<SafetyCheckRecord> my_safety_checks;       // mine only, newest first
  std::vector<WorksheetVersion> my_worksheet_history;    // earlier versions, oldest first
  std::vector<IntentionVersion> my_intentions;           // shared intentions I set, oldest first
  ExportedTogether together;                             // appreciation notes and shared plans
};

// A relationship the person asked to join and waits to be approved for.
struct ExportedPendingMembership {
  std::string relationship_id;
  std::int64_t asked_at = 0;
};

struct ExportDocument {
  base::TimePoint exported_at;
  AccountRecord profile;
  std::vector<ExportedRelationship> relationships;
  std::vector<ExportedPendingMembership> pending_relationships;
  ExportedTherapy therapy;
  ExportedReminders reminders;
};

class DataExport {
 public:
  explicit DataExport(Context& context) : context_(context) {}

  // Unauthenticated if the account is gone.
  base::Result<ExportDocument> of(const Actor& actor);

 private:
  base::Result<ExportedRelationship> relationship(const Actor& actor, const std::string& rid,
                                                  const std::string& name);
  void add_boundaries(const Actor& actor, ExportedRelationship& relationship);
  void add_own_rows(const Actor& actor, ExportedRelationship& relationship);
  std::vector<ExportedAgreement> agreements(const Actor& actor, const std::string& rid);
  std::vector<ExportedPractice> practices(const Actor& actor, const std::string& rid);
  std::vector<ExportedDebrief> debriefs(const Actor& actor, const std::string& rid);
  std::vector<ExportedPendingMembership> pending(const Actor& actor);
  std::vector<SafetyCheckRecord> safety_checks(const Actor& actor, const std::string& rid);

  Context& context_;
};

}  // namespace attune::app
