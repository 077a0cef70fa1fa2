// The per-person nudge channel in the live layer: a nudge reaches the open connections of
// exactly the people named, carries a topic and nothing else, travels the bus as ids only,
// and an ended session's connections close.
#include "live/nudge_hub.h"

#include <gtest/gtest.h>

#include "live/bus_router.h"
#include "live/in_process_bus.h"
#include "live/nudge_message.h"
#include "live/recording_connection.h"

namespace attune::live::testing {
namespace {

app::Actor person(const std::string& id, const std::string& session) {
  app::Actor actor;
  actor.account_id = id;
  actor.session_id = session;
  return actor;
}

class NudgeHubTest : public ::testing::Test {
 protected:
  NudgeHubTest() { bus_->start(router_); }

  // A new socket of this person, opened.
  std::shared_ptr<RecordingConnection> open(const std::string& id, const std::string& session) {
    auto connection = std::make_shared<RecordingConnection>();
    auto listener = hub_->listener_for(person(id, session));
    listener->on_open(connection);
    listeners_.push_back(listener);
    return connection;
  }

  std::shared_ptr<InProcessBus> bus_ = std::make_shared<InProcessBus>();
  std::shared_ptr<NudgeHub> hub_ = std::make_shared<NudgeHub>(bus_);
  // No practice hub here: the router hands the nudge hub what is for it.
  std::shared_ptr<BusRouter> router_ =
      std::make_shared<BusRouter>(std::weak_ptr<EventSink>{}, hub_);
  std::vector<std::shared_ptr<ConnectionListener>> listeners_;
};

TEST_F(NudgeHubTest, ANudgeReachesEveryConnectionOfThePeopleNamedAndNobodyElse) {
  auto a_phone = open("a1", "sa1");
  auto a_laptop = open("a1", "sa2");
  auto b = open("b2", "sb");
  auto c = open("c3", "sc");
  hub_->nudge({"a1", "b2"}, "agreements:rel9");
  const nlohmann::json expected{
      {"type", "nudge"}, {"topic", "agreements"}, {"relationship_id", "rel9"}};
  for (const auto& connection : {a_phone, a_laptop, b}) {
    ASSERT_EQ(connection->messages().size(), 1u);
    EXPECT_EQ(connection->messages()[0], expected);
  }
  EXPECT_TRUE(c->messages().empty());
}

TEST_F(NudgeHubTest, ATopicWithoutARelationshipCarriesOnlyItsKind) {
  auto a = open("a1", "s");
  hub_->nudge({"a1"}, "relationships");
  ASSERT_EQ(a->messages().size(), 1u);
  EXPECT_EQ(a->messages()[0], (nlohmann::json{{"type", "nudge"}, {"topic", "relationships"}}));
}

TEST_F(NudgeHubTest, AnUnknownTopicOrAnOddIdReachesNobody) {
  auto a = open("a1", "s");
  hub_->nudge({"a1"}, "secrets");
  hub_->nudge({"a1"}, "intake:has space");
  hub_->nudge({"a1"}, "intake:");
  EXPECT_TRUE(a->messages().empty());
  EXPECT_TRUE(nudge_bus_messages({"a 1", "", "a,1"}, "intake").empty());
}

TEST_F(NudgeHubTest, AClosedConnectionHearsNothingMore) {
  auto a = open("a1", "s");
  listeners_.back()->on_close();
  hub_->nudge({"a1"}, "plans");
  EXPECT_TRUE(a->messages().empty());
  EXPECT_EQ(hub_->connection_count(), 0u);
}

TEST_F(NudgeHubTest, AnEndedSessionClosesItsConnectionsOnly) {
  auto ended = open("a1", "gone");
  auto other_device = open("a1", "kept");
  bus_->publish(std::string(kSessionEndedPrefix) + "gone");
  EXPECT_TRUE(ended->closed());
  EXPECT_FALSE(other_device->closed());
}

TEST_F(NudgeHubTest, AResyncTellsEveryConnectionToFetchEverything) {
  auto a = open("a1", "s");
  auto b = open("b2", "s2");
  router_->resync();
  for (const auto& connection : {a, b}) {
    ASSERT_EQ(connection->messages().size(), 1u);
    EXPECT_EQ(connection->messages()[0], (nlohmann::json{{"type", "nudge"}, {"topic", "all"}}));
  }
}

TEST_F(NudgeHubTest, OnePersonsConnectionsAreCappedOldestClosingFirst) {
  std::vector<std::shared_ptr<RecordingConnection>> tabs;
  for (std::size_t i = 0; i <= NudgeHub::kMaxConnectionsPerPerson; ++i) {
    tabs.push_back(open("a1", "s"));
  }
  EXPECT_TRUE(tabs.front()->closed());
  EXPECT_FALSE(tabs.back()->closed());
  EXPECT_EQ(hub_->connection_count(), NudgeHub::kMaxConnectionsPerPerson);
}

TEST_F(NudgeHubTest, ThePersonsSocketAnswersPingsAndRefusesAnythingElse) {
  auto a = open("a1", "s");
  listeners_.back()->on_message(R"({"type":"ping","t":7})");
  listeners_.back()->on_message(R"({"type":"pause"})");
  ASSERT_EQ(a->messages().size(), 2u);
  EXPECT_EQ(a->messages()[0], (nlohmann::json{{"type", "pong"}, {"t", 7}}));
  EXPECT_EQ(a->messages()[1]["error"]["code"], "invalid_json");
}

// Keeps what the bus delivered to it.
class RecordingSink final : public EventSink {
 public:
  void deliver(const std::string& message) override { delivered.push_back(message); }
  void resync() override { ++resyncs; }
  std::vector<std::string> delivered;
  int resyncs = 0;
};

TEST(BusRouter, HandsEachMessageToTheHubItIsFor) {
  auto practices = std::make_shared<RecordingSink>();
  auto nudges = std::make_shared<RecordingSink>();
  BusRouter router(practices, nudges);
  router.deliver("0123abcd");
  router.deliver("nudge:plans a1");
  router.deliver(std::string(kSessionEndedPrefix) + "s1");
  router.resync();
  EXPECT_EQ(practices->delivered, (std::vector<std::string>{"0123abcd", "session-ended:s1"}));
  EXPECT_EQ(nudges->delivered, (std::vector<std::string>{"nudge:plans a1", "session-ended:s1"}));
  EXPECT_EQ(practices->resyncs, 1);
  EXPECT_EQ(nudges->resyncs, 1);
}

TEST(NudgeMessage, TravelsTheBusAsATopicAndIdsInSmallMessages) {
  std::vector<std::string> many;
  for (int i = 0; i < 70; ++i) many.push_back("p" + std::to_string(i));
  many.push_back("p0");  // a repeat goes once
  const auto messages = nudge_bus_messages(many, "checkins:r1");
  ASSERT_EQ(messages.size(), 3u);
  std::size_t total = 0;
  for (const auto& message : messages) {
    EXPECT_LT(message.size(), 8000u);  // a NOTIFY payload's limit
    auto parsed = parse_bus_nudge(message);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->topic, "checkins:r1");
    total += parsed->person_ids.size();
  }
  EXPECT_EQ(total, 70u);
  EXPECT_FALSE(parse_bus_nudge("nudge:checkins "));
  EXPECT_FALSE(parse_bus_nudge("nudge:unknown a1"));
  EXPECT_FALSE(parse_bus_nudge("0123abcd"));
}

}  // namespace
}  // namespace attune::live::testing
