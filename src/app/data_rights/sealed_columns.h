// Every column of the schema that holds sealed bytes (a name ending in _sealed, or any other
// BLOB), and what the data export does with it: either where GET /api/v1/me/export shows it
// opened, or why it is deliberately left out. tests/app/export_coverage_test.cpp fails when
// the schema gains a sealed column that neither list names, or loses one that a list names.
#pragma once

#include <array>
#include <string_view>

namespace attune::app {

struct ExportedSealedColumn {
  std::string_view column;  // "table.column"
  std::string_view path;    // where the export shows it; "[]" walks every element of an array
};

struct ExcludedSealedColumn {
  std::string_view column;
  std::string_view reason;
};

inline constexpr std::array kExportedSealedColumns{
    ExportedSealedColumn{"accounts.email_sealed", "profile.email"},
    ExportedSealedColumn{"accounts.display_name_sealed", "profile.display_name"},
    ExportedSealedColumn{"relationships.name_sealed", "relationships[].name"},
    ExportedSealedColumn{"boundary_answers.answer_sealed",
                         "relationships[].boundaries.my_answers[]"},
    ExportedSealedColumn{"boundary_history.change_sealed",
                         "relationships[].boundaries.my_history[]"},
    ExportedSealedColumn{"custom_items.item_sealed", "relationships[].my_custom_items[]"},
    ExportedSealedColumn{"entries.body_sealed", "relationships[].my_entries[].body"},
    ExportedSealedColumn{"agreement_versions.terms_sealed",
                         "relationships[].agreements[].versions[].terms"},
    ExportedSealedColumn{"debriefs.answer_sealed", "relationships[].my_debriefs[]"},
    ExportedSealedColumn{"safety_checks.answers_sealed", "relationships[].my_safety_checks[]"},
    ExportedSealedColumn{"worksheet_versions.body_sealed",
                         "relationships[].my_worksheet_history[]"},
    ExportedSealedColumn{"intention_versions.text_sealed", "relationships[].my_intentions[]"},
    ExportedSealedColumn{"access_log.entry_sealed", "therapy.access_log[]"},
    ExportedSealedColumn{"therapist_messages.body_sealed", "therapy.my_messages[].text"},
    ExportedSealedColumn{"therapist_notes.body_sealed", "therapy.my_notes[].text"},
    ExportedSealedColumn{"appreciations.text_sealed", "relationships[].appreciations.sent[].text"},
    ExportedSealedColumn{"plans.plan_sealed", "relationships[].plans.proposed[]"},
    ExportedSealedColumn{"plan_responses.response_sealed", "relationships[].plans.my_answers[]"},
    ExportedSealedColumn{"reminder_settings.settings_sealed", "reminders.settings"},
    ExportedSealedColumn{"reminders.reminder_sealed", "reminders.recent[]"},
};

inline constexpr std::array kExcludedSealedColumns{
    ExcludedSealedColumn{"accounts.wrapped_key",
                         "the person's data key, wrapped under the master key: a key, not content"},
    ExcludedSealedColumn{"relationships.wrapped_key",
                         "the relationship's data key, wrapped: a key, not content"},
    ExcludedSealedColumn{"idempotency_records.response_sealed",
                         "a copy of an answer already given, kept a day for retried requests"},
    ExcludedSealedColumn{"practice_holds.cause_sealed",
                         "who holds practice and why, under the relationship's key: a person's "
                         "own pause shows in GET …/practice-hold, their safety answers under "
                         "my_safety_checks; the others' causes are never anyone else's to see"},
    ExcludedSealedColumn{"account_pins.pin_hash_sealed",
                         "a hash of the shared-device PIN: a credential, not content"},
    ExcludedSealedColumn{"recovery_codes.code_hash",
                         "a one-way hash of the recovery code, like the password's: it reveals "
                         "nothing about the person and would only help someone guess the code"},
};

}  // namespace attune::app
