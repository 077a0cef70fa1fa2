#include "core/strict_json.h"

#include <gtest/gtest.h>

namespace attune::core {
namespace {

TEST(StrictJson, ReadsOrdinaryDocuments) {
  auto document = parse_strict_json(R"({"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]})");
  ASSERT_TRUE(document);
  EXPECT_EQ((*document)["b"]["a"], 2);
  EXPECT_EQ((*document)["c"][1]["a"], 4);
}

TEST(StrictJson, ARepeatedKeyIsRefusedAtAnyDepth) {
  EXPECT_FALSE(parse_strict_json(R"({"level":"no","level":"yes"})"));
  EXPECT_FALSE(parse_strict_json(R"({"outer":{"x":1,"x":1}})"));
  EXPECT_FALSE(parse_strict_json(R"([{"x":1},{"y":2,"y":3}])"));
  // The same key written with an escape is the same key.
  EXPECT_FALSE(parse_strict_json(R"({"type":"pause","typ\u0065":"resume"})"));
}

TEST(StrictJson, SiblingObjectsMayShareKeys) {
  EXPECT_TRUE(parse_strict_json(R"({"a":{"k":1},"b":{"k":2}})"));
}

TEST(StrictJson, MalformedTextIsRefused) {
  EXPECT_FALSE(parse_strict_json("{"));
  EXPECT_FALSE(parse_strict_json(""));
  EXPECT_FALSE(parse_strict_json(R"({"a":1} trailing)"));
}

}  // namespace
}  // namespace attune::core
