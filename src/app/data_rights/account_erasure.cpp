#include "app/data_rights/account_erasure.h"

#include "app/accounts/account_records.h"
#include "app/data_rights/deletion_records.h"
#include "app/relationships/relationships.h"
#include "app/safety_check/practice_hold.h"

namespace attune::app {

std::vector<std::string> erase_account(Context& context, store::Transaction& tx,
                                       const std::string& account_id,
                                       const std::string& deletion_id, std::int64_t deleted_at) {
  auto touched = Relationships(context).leave_all_in(tx, account_id);
  // A therapist's holds would outlive their links (which go with the account) unliftable.
  for (const auto& linked : context.policy.linked_memberships_of(tx, account_id)) {
    set_practice_hold(context, tx, linked, {HoldCause::kTherapist, account_id}, false);
  }
  delete_account_row(tx, account_id);
  log_deletion(tx, {deletion_id, account_id, deleted_at});
  return touched;
}

}  // namespace attune::app
