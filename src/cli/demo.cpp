// `attune demo`: two partner accounts with a relationship, boundary answers and a signed
// agreement, so a new user can try every screen at once. Safe to run again.
#include <iostream>
#include <string_view>

#include "cli/commands.h"
#include "cli/runtime.h"

namespace attune::cli {
namespace {

struct DemoPerson {
  const char* email;
  const char* name;
};

constexpr DemoPerson kRiver{"river@demo.attune.local", "River"};
constexpr DemoPerson kSky{"sky@demo.attune.local", "Sky"};
constexpr const char* kDemoPassword = "demo-password-1";

app::Actor actor_of(app::Services& services, const DemoPerson& person) {
  auto login = services.sessions.log_in(person.email, kDemoPassword);
  auto actor = services.sessions.authenticate(login->token);
  return *actor;
}

void answer_all(app::Services& services, const app::Actor& actor, const std::string& rid,
                const std::vector<std::pair<const char*, core::Answer>>& answers) {
  for (const auto& [item, answer] : answers) {
    (void)services.boundaries.answer(actor, rid, item, answer, "");
  }
}

int seed(app::Services& services) {
  for (const auto& person : {kRiver, kSky}) {
    app::SignupInput input{person.email, kDemoPassword, person.name, true, "Europe/Berlin", false};
    if (auto id = services.accounts.sign_up(input); !id) {
      std::cerr << "attune demo: " << id.error().message << "\n";
      return 1;
    }
  }
  auto river = actor_of(services, kRiver);
  auto sky = actor_of(services, kSky);
  auto rid = services.relationships.create(river, "River & Sky");
  auto code = services.relationships.invite(river, *rid);
  (void)services.relationships.accept(sky, *code);

  const auto& exercise = services.context.content.exercises.front();
  std::vector<std::pair<const char*, core::Answer>> shared;
  for (const auto& item : exercise.requires_items)
    shared.emplace_back(item.c_str(), core::Answer::kYes);
  answer_all(services, river, *rid, shared);
  answer_all(services, sky, *rid, shared);
  // One item each keeps to themself: the shared view must not show it.
  const auto& items = services.context.content.catalogue.items;
  (void)services.boundaries.answer(river, *rid, items.back().id, core::Answer::kNo, "");
  (void)services.boundaries.answer(sky, *rid, items.back().id, core::Answer::kMaybe, "");

  core::AgreementTerms terms{exercise.id, {},      exercise.requires_items, 20,
                             {},          "amber", "Tea and a quiet talk."};
  auto agreement = services.agreements.create(river, *rid, terms);
  if (agreement) {
    (void)services.agreements.sign(river, agreement->id, agreement->version);
    (void)services.agreements.sign(sky, agreement->id, agreement->version);
  }
  return 0;
}

// A word as a POSIX shell reads it back: quoted unless it is plainly safe.
std::string shell_word(std::string_view word) {
  constexpr std::string_view kSafe =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:@%+=,-";
  if (!word.empty() && word.find_first_not_of(kSafe) == std::string_view::npos) {
    return std::string(word);
  }
  std::string quoted = "'";
  for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

void print_next_steps(const Settings& settings, const std::vector<std::string>& serve_command) {
  std::string command;
  for (const auto& word : serve_command) command += (command.empty() ? "" : " ") + shell_word(word);
  std::cout << "\nNext, start the server:\n  " << command << "\n"
            << "then open http://" << settings.listen
            << " and log in as River in one browser window and as Sky in a private one.\n";
}

}  // namespace

int run_demo(const Settings& settings, const std::vector<std::string>& serve_command) {
  auto runtime = Runtime::open(settings);
  if (!runtime) {
    std::cerr << "attune: " << runtime.error().message << "\n";
    return 1;
  }
  auto& services = (*runtime)->services();
  if (!services.sessions.log_in(kRiver.email, kDemoPassword)) {
    if (int failed = seed(services)) return failed;
  }
  std::cout << "Demo logins (password for both: " << kDemoPassword << "):\n"
            << "  " << kRiver.email << "\n  " << kSky.email << "\n";
  print_next_steps(settings, serve_command);
  return 0;
}

}  // namespace attune::cli
