// `live_load seed`: couples with signed agreements, made through the public API by several
// kept-alive connections at once (about 17 calls per couple). Optionally also the files wrk's
// API mix reads: every seeded person, and catalogue items no seeded agreement uses.
#include <utility>  // before Asio's awaitable.hpp, which Boost 1.74 needs

#include <algorithm>
#include <array>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <iostream>

#include "live_load/api.h"
#include "live_load/commands.h"
#include "live_load/manifest.h"
#include "live_load/mix_files.h"

namespace attune::bench {
namespace {

using nlohmann::json;

constexpr const char* kPassword = "correct horse battery staple";
// How many items the API mix's writes cycle over, so a person's writes touch several rows.
constexpr std::size_t kMixItems = 8;

struct Exercise {
  std::string id;
  json items;
};

struct SeedJob {
  std::string tag;  // keeps e-mails unique when the same data dir is seeded twice
  Exercise exercise;
  std::vector<std::string> free_items;  // catalogue items outside exercise.items
  // For the API mix: everyone has answered the items its writes change, so its reads open
  // as many answers in its first second as in its last.
  bool answer_free_items = false;
  std::vector<SeededPair> pairs;
  std::size_t next = 0;
  std::size_t done = 0;
  std::string failure;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

asio::awaitable<std::string> sign_up_and_log_in(Api& api, std::string email, std::string name) {
  ApiCall sign_up{"POST", "/api/v1/accounts",
                  json{{"email", email},
                       {"password", kPassword},
                       {"display_name", name},
                       {"confirm_adult", true}},
                  "", 201};
  co_await api.call(sign_up);
  ApiCall log_in{"POST", "/api/v1/auth/login", json{{"email", email}, {"password", kPassword}}, "",
                 200};
  json session = co_await api.call(log_in);
  co_return session.at("token").get<std::string>();
}

asio::awaitable<SeededPair> seed_pair(Api& api, const SeedJob& job, std::size_t index) {
  const std::string stem = "bench-" + job.tag + "-" + std::to_string(index);
  SeededPair pair;
  pair.email_a = stem + "a@example.org";
  pair.email_b = stem + "b@example.org";
  pair.token_a = co_await sign_up_and_log_in(api, pair.email_a, "Ari " + std::to_string(index));
  pair.token_b = co_await sign_up_and_log_in(api, pair.email_b, "Bo " + std::to_string(index));

  ApiCall create{"POST", "/api/v1/relationships", json{{"name", "Pair " + std::to_string(index)}},
                 pair.token_a, 201};
  pair.relationship_id = (co_await api.call(create)).at("id").get<std::string>();
  const std::string& rid = pair.relationship_id;
  ApiCall invite{"POST", "/api/v1/relationships/" + rid + "/invites", json(), pair.token_a, 201};
  const std::string code = (co_await api.call(invite)).at("code").get<std::string>();
  ApiCall accept{"POST", "/api/v1/invites/accept", json{{"code", code}}, pair.token_b, 200};
  co_await api.call(accept);

  const std::array<std::string, 2> tokens{pair.token_a, pair.token_b};
  for (const auto& token : tokens) {
    for (const auto& item : job.exercise.items) {
      ApiCall answer{"PUT",
                     "/api/v1/relationships/" + rid + "/boundaries/mine/" + item.get<std::string>(),
                     json{{"answer", "yes"}}, token, 200};
      co_await api.call(answer);
    }
    for (std::size_t i = 0; job.answer_free_items && i < job.free_items.size(); ++i) {
      ApiCall answer{"PUT",
                     "/api/v1/relationships/" + rid + "/boundaries/mine/" + job.free_items[i],
                     json{{"answer", i % 2 == 0 ? "maybe" : "yes"}}, token, 200};
      co_await api.call(answer);
    }
  }
  ApiCall draft{"POST", "/api/v1/relationships/" + rid + "/agreements",
                json{{"exercise_id", job.exercise.id},
                     {"items", job.exercise.items},
                     {"time_limit_minutes", 180},
                     {"pause_word", "amber"},
                     {"aftercare", "tea and a blanket"}},
                pair.token_a, 201};
  pair.agreement_id = (co_await api.call(draft)).at("id").get<std::string>();
  for (const auto& token : tokens) {
    ApiCall sign{"POST", "/api/v1/agreements/" + pair.agreement_id + "/sign", json{{"version", 1}},
                 token, 200};
    co_await api.call(sign);
  }
  co_return pair;
}

void report_progress(const SeedJob& job) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - job.started).count();
  std::cerr << "seed: " << job.done << "/" << job.pairs.size() << " pairs, "
            << static_cast<int>(job.done / seconds) << " pairs/s\n";
}

asio::awaitable<void> seed_worker(SeedJob* job, Api* api) {
  try {
    while (job->failure.empty() && job->next < job->pairs.size()) {
      const std::size_t index = job->next++;
      job->pairs[index] = co_await seed_pair(*api, *job, index);
      if (++job->done % 500 == 0) report_progress(*job);
    }
  } catch (const std::exception& failure) {
    if (job->failure.empty()) job->failure = failure.what();
  }
  api->close();
}

std::vector<std::string> items_outside(const json& catalogue, const json& used) {
  std::vector<std::string> free;
  for (const auto& item : catalogue.at("items")) {
    const auto id = item.at("id").get<std::string>();
    if (std::ranges::find(used, json(id)) == used.end()) free.push_back(id);
    if (free.size() == kMixItems) break;
  }
  return free;
}

asio::awaitable<void> load_content(SeedJob* job, Api* api) {
  try {
    ApiCall list{"GET", "/api/v1/exercises", json(), "", 200};
    json exercises = co_await api->call(list);
    const json& first = exercises.at("exercises").at(0);
    job->exercise = {first.at("id").get<std::string>(), first.at("requires")};
    ApiCall catalogue{"GET", "/api/v1/catalogue", json(), "", 200};
    job->free_items = items_outside(co_await api->call(catalogue), job->exercise.items);
  } catch (const std::exception& failure) {
    job->failure = failure.what();
  }
}

}  // namespace

int run_seed(const SeedOptions& options) {
  raise_fd_limit();
  asio::io_context io(1);
  SeedJob job;
  job.tag =
      std::to_string(std::chrono::system_clock::now().time_since_epoch().count() % 1'000'000'007);
  job.pairs.resize(static_cast<std::size_t>(options.pairs));
  job.answer_free_items = !options.items.empty();

  SourceAddresses sources(options.sources);
  const auto server = endpoint_of(options.server);
  std::vector<std::unique_ptr<Api>> apis;
  for (int i = 0; i < std::max(1, options.connections); ++i) {
    apis.push_back(std::make_unique<Api>(io.get_executor(), server, sources.next()));
  }
  asio::co_spawn(io, load_content(&job, apis.front().get()), asio::detached);
  io.run();
  if (job.failure.empty()) {
    io.restart();
    for (auto& api : apis) asio::co_spawn(io, seed_worker(&job, api.get()), asio::detached);
    io.run();
  }
  if (!job.failure.empty()) {
    std::cerr << "seed: failed: " << job.failure << "\n";
    return 1;
  }
  report_progress(job);
  if (!write_manifest(options.manifest, job.pairs)) {
    std::cerr << "seed: cannot write " << options.manifest << "\n";
    return 1;
  }
  if (!options.users.empty() && !write_mix_users(options.users, job.pairs, kPassword)) {
    std::cerr << "seed: cannot write " << options.users << "\n";
    return 1;
  }
  if (!options.items.empty() && !write_mix_items(options.items, job.free_items)) {
    std::cerr << "seed: cannot write " << options.items << "\n";
    return 1;
  }
  return 0;
}

}  // namespace attune::bench
