// A boundary answer reads back exactly as it was written, note or none: the common shape
// without a note is read without the JSON parser (boundary_records.cpp), so notes that
// look like the end of that shape must still go through the parser intact.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app_fixture.h"

namespace attune::app::testing {
namespace {

TEST(AnswerRecords, EveryAnswerAndNoteReadsBackAsWritten) {
  World world;
  Group group = world.relationship(2);
  const Actor& me = group.people[0].actor;
  const std::vector<std::string> notes{
      "", "only slowly", R"(","note":""})", R"("})", "yes", "ça va \xF0\x9F\x8C\xBF", "\\"};
  for (const auto answer : {core::Answer::kYes, core::Answer::kMaybe, core::Answer::kNo}) {
    for (const auto& note : notes) {
      ASSERT_TRUE(world.services.boundaries.answer(me, group.rid, "hugging", answer, note));
      auto mine = world.services.boundaries.mine(me, group.rid);
      ASSERT_TRUE(mine);
      ASSERT_EQ(mine->size(), 1u);
      EXPECT_EQ(mine->front().answer, answer) << core::answer_name(answer) << " / " << note;
      EXPECT_EQ(mine->front().note, note);
    }
  }
}

}  // namespace
}  // namespace attune::app::testing
