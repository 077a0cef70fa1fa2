// Operator subcommands that open the store and exit: migrate, user add.
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "cli/password_prompt.h"
#include "cli/runtime.h"

namespace attune::cli {

int run_migrate(const Settings& settings) {
  auto runtime = Runtime::open(settings);  // opening applies pending migrations
  if (!runtime) {
    std::cerr << "attune: " << runtime.error().message << "\n";
    return 1;
  }
  std::cout << "database is up to date\n";
  return 0;
}

int run_user_add(const Settings& settings, const std::string& email, const std::string& name,
                 bool therapist) {
  auto runtime = Runtime::open(settings);
  if (!runtime) {
    std::cerr << "attune: " << runtime.error().message << "\n";
    return 1;
  }
  const std::string password = read_password("Password: ");
  app::SignupInput input{email, password, name, true, "", therapist};
  auto id = (*runtime)->services().accounts.sign_up(input);
  if (!id) {
    std::cerr << "attune: " << id.error().message << "\n";
    return 1;
  }
  std::cout << "created account " << *id << "\n";
  return 0;
}

}  // namespace attune::cli
