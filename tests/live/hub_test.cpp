// The live hub over the real use cases and store: a change reaches every connection once,
// a command that changed nothing is answered to its caller alone, and under concurrent
// changes no connection ever receives an older state after a newer one.
#include "live/hub.h"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <map>
#include <thread>

#include "app/app_fixture.h"
#include "live/in_process_bus.h"
#include "live/recording_connection.h"
#include "store/failing_database.h"

namespace attune::live::testing {
namespace {

using app::testing::Group;
using app::testing::World;
using namespace std::chrono_literals;

class HubTest : public ::testing::Test {
 protected:
  HubTest() {
    // One pool for both runners, so reads and writes interleave as freely as they can.
    auto runner = [this](std::function<void()> fn) { boost::asio::post(pool_, std::move(fn)); };
    hub_ = std::make_shared<Hub>(
        hub_practices_, world_.clock,
        // Boundaries and device checks are timed: these tests never let them fire.
        [](std::chrono::milliseconds, std::function<void()>) {}, runner, runner, bus_);
    bus_->start(hub_);
    world_.context.practice_events = hub_.get();
    hub_context_.practice_events = hub_.get();
  }
  ~HubTest() override {
    world_.context.practice_events = &world_.events;
    pool_.join();  // before the hub and the world go
  }

  // Person i's device joins the practice; returns once its first state has arrived.
  std::shared_ptr<RecordingConnection> connect(const std::string& practice, int i) {
    auto connection = std::make_shared<RecordingConnection>();
    const std::uint64_t id = next_id_++;
    hub_->subscribe(practice, person(i).actor, connection, id);
    ids_[connection.get()] = id;
    EXPECT_TRUE(connection->await_messages(1));
    return connection;
  }
  void send(const std::string& practice, int i, const std::shared_ptr<RecordingConnection>& from,
            const std::string& type) {
    hub_->handle_message(practice, person(i).actor, from, ids_.at(from.get()),
                         nlohmann::json{{"type", type}}.dump());
  }
  const app::testing::Person& person(int i) {
    return group_.people.at(static_cast<std::size_t>(i));
  }
  // Waits until the work the hub queued so far has run (the pool runs it in order).
  void settle() { std::this_thread::sleep_for(200ms); }

  World world_;
  Group group_ = world_.relationship(3);
  // The hub works over a store that fails every write commit while asked to.
  store::testing::FailingDatabase hub_store_{*world_.db};
  app::Context hub_context_{hub_store_,
                            world_.vault,
                            world_.clock,
                            world_.context.content,
                            world_.context.config,
                            app::Keyring{world_.vault},
                            &world_.events};
  app::Practices hub_practices_{hub_context_};
  boost::asio::thread_pool pool_{4};
  std::shared_ptr<InProcessBus> bus_ = std::make_shared<InProcessBus>();
  std::shared_ptr<Hub> hub_;
  std::map<RecordingConnection*, std::uint64_t> ids_;
  std::uint64_t next_id_ = 1;
};

TEST_F(HubTest, AChangeReachesEveryConnectionExactlyOnce) {
  const auto practice = world_.running_practice(group_);
  auto alex = connect(practice, 0);
  auto blake = connect(practice, 1);
  // Counted from here: the starting practice's own change may still be on its way (slowly,
  // under the sanitizers) and re-send the state each connection already holds.
  settle();
  const std::size_t alex_before = alex->messages().size();
  const std::size_t blake_before = blake->messages().size();
  send(practice, 0, alex, "pause");
  ASSERT_TRUE(alex->await_messages(alex_before + 1));
  ASSERT_TRUE(blake->await_messages(blake_before + 1));
  settle();
  EXPECT_EQ(alex->messages().size(), alex_before + 1);
  EXPECT_EQ(blake->messages().size(), blake_before + 1);
  EXPECT_EQ(alex->last_state().at("status"), "paused");
  EXPECT_EQ(blake->last_state().at("status"), "paused");
  EXPECT_EQ(blake->last_state().at("paused_by_count"), 1);
}

// GET /metrics shows how long a pause takes to reach everyone: one observation per pause
// sent, none for other commands.
TEST_F(HubTest, APauseIsTimedUntilItsStateWasSent) {
  const auto practice = world_.running_practice(group_);
  auto alex = connect(practice, 0);
  auto blake = connect(practice, 1);
  const auto count = [&] {
    const auto text = hub_->pause_fan_out().render("fan_out", "");
    const auto at = text.find("fan_out_count ");
    return text.substr(at + 14, text.find('\n', at) - at - 14);
  };
  EXPECT_EQ(count(), "0");
  send(practice, 0, alex, "pause");
  ASSERT_TRUE(blake->await_messages(2));
  ASSERT_TRUE(alex->await_messages(2));
  settle();
  EXPECT_EQ(count(), "1");
  send(practice, 0, alex, "resume");
  ASSERT_TRUE(alex->await_messages(3));
  settle();
  EXPECT_EQ(count(), "1");
}

TEST_F(HubTest, ACommandThatChangedNothingIsAnsweredToItsCallerAlone) {
  const auto practice = world_.running_practice(group_);
  auto alex = connect(practice, 0);
  auto blake = connect(practice, 1);
  send(practice, 0, alex, "pause");
  ASSERT_TRUE(blake->await_messages(2));
  ASSERT_TRUE(alex->await_messages(2));
  send(practice, 0, alex, "pause");  // already paused by Alex
  ASSERT_TRUE(alex->await_messages(3));
  settle();
  EXPECT_EQ(alex->messages().size(), 3u);
  EXPECT_EQ(alex->seqs().at(2), alex->seqs().at(1));
  EXPECT_EQ(blake->messages().size(), 2u);
}

TEST_F(HubTest, AnUnknownMessageIsAnsweredToItsCallerAlone) {
  const auto practice = world_.running_practice(group_);
  auto alex = connect(practice, 0);
  auto blake = connect(practice, 1);
  hub_->handle_message(practice, person(0).actor, alex, ids_.at(alex.get()),
                       "{\"type\":\"dance\"}");
  hub_->handle_message(practice, person(0).actor, alex, ids_.at(alex.get()), "not json");
  ASSERT_TRUE(alex->await_messages(3));
  settle();
  EXPECT_EQ(alex->messages().at(1).at("type"), "error");
  EXPECT_EQ(alex->messages().at(2).at("type"), "error");
  EXPECT_EQ(blake->messages().size(), 1u);
}

TEST_F(HubTest, NoConnectionReceivesAnOlderStateAfterANewerOne) {
  const auto practice = world_.running_practice(group_);
  std::vector<std::shared_ptr<RecordingConnection>> devices;
  for (int i = 0; i < 3; ++i) devices.push_back(connect(practice, i));
  // Each person pauses and resumes over and over, half through the socket and half over
  // the use case directly (as an HTTP request would), all at once.
  std::vector<std::thread> people;
  for (int i = 0; i < 3; ++i) {
    people.emplace_back([&, i] {
      for (int round = 0; round < 20; ++round) {
        for (const auto* type : {"pause", "resume"}) {
          if (round % 2 == 0) {
            send(practice, i, devices[static_cast<std::size_t>(i)], type);
          } else {
            (void)world_.services.practices.command(person(i).actor, practice,
                                                    *core::parse_practice_command(type));
          }
        }
      }
    });
  }
  for (auto& t : people) t.join();
  // Socket commands still run on the pool, and pushes fold several changes into one: wait
  // until every device holds the practice's final state.
  auto current_seq = [&] {
    return world_.services.practices.snapshot_for(practice, person(0).actor)->view.seq;
  };
  auto everyone_current = [&] {
    return std::ranges::all_of(devices, [&](const auto& device) {
      return device->last_state().at("seq") == current_seq();
    });
  };
  // A socket command still queued on the pool can move the practice on after every device
  // caught up once, so wait until the final state has held for a moment.
  auto settled = [&] {
    const auto seq = current_seq();
    if (!everyone_current()) return false;
    std::this_thread::sleep_for(200ms);
    return current_seq() == seq && everyone_current();
  };
  for (int waited = 0; waited < 250 && !settled(); ++waited) {
    std::this_thread::sleep_for(20ms);
  }
  EXPECT_TRUE(everyone_current());
  EXPECT_GT(current_seq(), 10);
  for (const auto& device : devices) {
    const auto seqs = device->seqs();
    EXPECT_TRUE(std::ranges::is_sorted(seqs)) << ::testing::PrintToString(seqs);
  }
}

TEST_F(HubTest, AParticipantWhoLeftIsDisconnectedAtTheNextChange) {
  const auto practice = world_.running_practice(group_);
  auto alex = connect(practice, 0);
  auto casey = connect(practice, 2);
  ASSERT_TRUE(world_.services.relationships.leave(person(2).actor, group_.rid));
  ASSERT_TRUE(alex->await_messages(2));  // leaving voids the agreement: a change
  settle();
  EXPECT_TRUE(casey->closed());
  EXPECT_EQ(casey->messages().size(), 1u);
  EXPECT_FALSE(alex->closed());
}

// A pause that did not land must never look as if it had.
TEST_F(HubTest, ACommandTheStoreFailedIsAnsweredWithBusy) {
  const auto practice = world_.running_practice(group_);
  auto alex = connect(practice, 0);
  auto blake = connect(practice, 1);
  hub_store_.failing = true;
  send(practice, 0, alex, "pause");
  ASSERT_TRUE(alex->await_messages(2));
  EXPECT_EQ(alex->messages().at(1).at("type"), "error");
  EXPECT_EQ(alex->messages().at(1).at("error").at("code"), "busy");
  hub_store_.failing = false;
  settle();
  EXPECT_EQ(blake->messages().size(), 1u);
  EXPECT_EQ(world_.services.practices.snapshot_for(practice, person(0).actor)->view.status,
            core::PracticeStatus::kRunning);
}

}  // namespace
}  // namespace attune::live::testing
