#include "app/data_rights/deletion_records.h"

namespace attune::app {

void log_deletion(store::Transaction& tx, const DeletionRecord& deletion) {
  tx.execute("INSERT INTO deletion_log (id, account_id, deleted_at) VALUES (?,?,?)",
             {deletion.id, deletion.account_id, deletion.deleted_at});
}

}  // namespace attune::app
