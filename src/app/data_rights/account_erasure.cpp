#include "app/data_rights/account_erasure.h"

#include "app/accounts/account_records.h"
#include "app/data_rights/deletion_records.h"
#include "app/relationships/relationships.h"

namespace attune::app {

std::vector<std::string> erase_account(Context& context, store::Transaction& tx,
                                       const std::string& account_id,
                                       const std::string& deletion_id, std::int64_t deleted_at) {
  auto touched = Relationships(context).leave_all_in(tx, account_id);
  delete_account_row(tx, account_id);
  log_deletion(tx, {deletion_id, account_id, deleted_at});
  return touched;
}

}  // namespace attune::app
