// What the practice socket reads from a participant before anything touches the store.
#include "live/practice_message.h"

#include <gtest/gtest.h>

namespace attune::live {
namespace {

TEST(PracticeMessage, APingIsAnsweredWithItsTimeAndNothingElse) {
  EXPECT_EQ(pong_for(R"({"type":"ping","t":42,"extra":"x"})"), R"({"t":42,"type":"pong"})");
  EXPECT_EQ(pong_for(R"({"type":"ping"})"), R"({"t":null,"type":"pong"})");
  EXPECT_FALSE(pong_for(R"({"type":"pause"})"));
  EXPECT_FALSE(pong_for("ping"));
  // Found by the practice_message fuzz target: a "type" that is not text threw out of the
  // socket's message handler.
  EXPECT_FALSE(pong_for(R"({"type":7})"));
  EXPECT_FALSE(pong_for(R"({"type":["ping"]})"));
}

TEST(PracticeMessage, ACommandReadsItsProofsOnlyWhenItConfirms) {
  auto ready = parse_practice_message(
      R"({"type":"ready","on_behalf_of":["b"],"proofs":[{"account_id":"b","pin":"1234"}]})");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->command, core::PracticeCommand::kReady);
  EXPECT_EQ(ready->on_behalf_of, std::vector<std::string>{"b"});
  ASSERT_EQ(ready->proofs.size(), 1u);
  EXPECT_EQ(ready->proofs[0].pin, "1234");
  // Nothing in a pause may stand in its way, malformed proofs included.
  auto pause = parse_practice_message(R"({"type":"pause","proofs":"nonsense"})");
  ASSERT_TRUE(pause);
  EXPECT_EQ(pause->command, core::PracticeCommand::kPause);
  EXPECT_TRUE(pause->proofs.empty());
  auto resume = parse_practice_message(R"({"type":"resume","proofs":"nonsense"})");
  ASSERT_FALSE(resume);
  EXPECT_EQ(resume.error().code, base::ErrorCode::invalid_field);
}

TEST(PracticeMessage, UnknownRepeatedOrMalformedMessagesAreRefused) {
  for (const char* text : {R"({"type":"dance"})", R"({"type":"pause","type":"end"})", "pause",
                           R"({"type":7})", "[]", ""}) {
    auto message = parse_practice_message(text);
    ASSERT_FALSE(message) << text;
    EXPECT_EQ(message.error().code, base::ErrorCode::invalid_json) << text;
  }
}

TEST(PracticeMessage, MoreThanEightOnBehalfOfAreIgnored) {
  auto message = parse_practice_message(
      R"({"type":"ready","on_behalf_of":["a","b","c","d","e","f","g","h","i"]})");
  ASSERT_TRUE(message);
  EXPECT_TRUE(message->on_behalf_of.empty());
}

}  // namespace
}  // namespace attune::live
