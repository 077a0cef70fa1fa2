#include "app/accounts/people.h"

#include "app/accounts/account_records.h"

namespace attune::app {

std::string display_name_of(const Context& context, store::Transaction& tx,
                            const std::string& account_id) {
  return load_display_name(context, tx, account_id).value_or(std::string());
}

}  // namespace attune::app
