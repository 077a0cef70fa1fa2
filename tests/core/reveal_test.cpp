#include "core/reveal.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace attune::core {
namespace {

std::vector<const AnswerSheet*> group_of(const std::vector<AnswerSheet>& sheets) {
  std::vector<const AnswerSheet*> group;
  for (const auto& sheet : sheets) group.push_back(&sheet);
  return group;
}

TEST(Reveal, SharesItemEveryoneSaidYesAsYes) {
  const std::vector<AnswerSheet> sheets = {{{"hold", Answer::kYes}}, {{"hold", Answer::kYes}}};
  EXPECT_EQ(mutual_items(group_of(sheets)), (std::vector<SharedItem>{{"hold", SharedLevel::kYes}}));
}

TEST(Reveal, SharesYesAndMaybeAsAskFirst) {
  const std::vector<AnswerSheet> sheets = {{{"hold", Answer::kYes}}, {{"hold", Answer::kMaybe}}};
  EXPECT_EQ(mutual_items(group_of(sheets)),
            (std::vector<SharedItem>{{"hold", SharedLevel::kAskFirst}}));
}

TEST(Reveal, HidesOneSidedMaybe) {
  const std::vector<AnswerSheet> sheets = {{{"hold", Answer::kMaybe}}, {}};
  EXPECT_TRUE(mutual_items(group_of(sheets)).empty());
}

TEST(Reveal, HidesItemAnyoneSaidNo) {
  const std::vector<AnswerSheet> sheets = {
      {{"hold", Answer::kYes}}, {{"hold", Answer::kYes}}, {{"hold", Answer::kNo}}};
  EXPECT_TRUE(mutual_items(group_of(sheets)).empty());
}

TEST(Reveal, HidesItemAnyoneLeftUnset) {
  const std::vector<AnswerSheet> sheets = {{{"hold", Answer::kYes}}, {{"hold", Answer::kUnset}}};
  EXPECT_TRUE(mutual_items(group_of(sheets)).empty());
}

TEST(Reveal, SortsByItemId) {
  const std::vector<AnswerSheet> sheets = {
      {{"c", Answer::kYes}, {"a", Answer::kMaybe}, {"b", Answer::kYes}},
      {{"b", Answer::kYes}, {"c", Answer::kYes}, {"a", Answer::kYes}}};
  EXPECT_EQ(mutual_items(group_of(sheets)), (std::vector<SharedItem>{{"a", SharedLevel::kAskFirst},
                                                                     {"b", SharedLevel::kYes},
                                                                     {"c", SharedLevel::kYes}}));
}

TEST(Reveal, EmptyGroupSharesNothing) { EXPECT_TRUE(mutual_items({}).empty()); }

TEST(Reveal, GroupOfOneSharesNothing) {
  const std::vector<AnswerSheet> sheets = {{{"hold", Answer::kYes}}};
  EXPECT_TRUE(mutual_items(group_of(sheets)).empty());
  EXPECT_FALSE(is_mutual(group_of(sheets), "hold"));
}

TEST(Reveal, NullSheetCountsAsNoAnswers) {
  const AnswerSheet sheet = {{"hold", Answer::kYes}};
  const std::vector<const AnswerSheet*> group = {&sheet, nullptr};
  EXPECT_TRUE(mutual_items(group).empty());
  EXPECT_FALSE(is_mutual(group, "hold"));
}

TEST(Reveal, SmallSheetAgainstLargeSheetFindsTheOverlap) {
  AnswerSheet large;
  for (int i = 0; i < 10000; ++i) large["item-" + std::to_string(i)] = Answer::kYes;
  const AnswerSheet small = {{"item-42", Answer::kMaybe}, {"elsewhere", Answer::kYes}};
  EXPECT_EQ(mutual_items({&large, &small}),
            (std::vector<SharedItem>{{"item-42", SharedLevel::kAskFirst}}));
}

TEST(Reveal, IsMutualOnlyForItemsEveryoneIsOpenTo) {
  const std::vector<AnswerSheet> sheets = {{{"hold", Answer::kYes}, {"kiss", Answer::kYes}},
                                           {{"hold", Answer::kMaybe}, {"kiss", Answer::kNo}}};
  EXPECT_TRUE(is_mutual(group_of(sheets), "hold"));
  EXPECT_FALSE(is_mutual(group_of(sheets), "kiss"));
  EXPECT_FALSE(is_mutual(group_of(sheets), "absent"));
}

TEST(Reveal, SharedLevelNames) {
  EXPECT_EQ(shared_level_name(SharedLevel::kYes), "yes");
  EXPECT_EQ(shared_level_name(SharedLevel::kAskFirst), "ask-first");
}

// A random answer matrix: cells[p][i] is partner p's answer to item i, kAbsent = no entry.
constexpr int kAbsent = 4;

Answer answer_of(int cell) {
  static constexpr Answer kAnswers[] = {Answer::kUnset, Answer::kYes, Answer::kMaybe, Answer::kNo};
  return kAnswers[cell];
}

std::string item_name(int index) { return "item-" + std::to_string(index); }

// Weighted toward yes and maybe so that mutual items are common even among eight partners.
rc::Gen<int> cell_gen() {
  return rc::gen::weightedElement<int>({{5, 1}, {3, 2}, {1, 3}, {1, 0}, {1, kAbsent}});
}

using Matrix = std::vector<std::vector<int>>;

Matrix matrix_gen() {
  const int partners = *rc::gen::inRange(2, 9);
  const int items = *rc::gen::inRange(0, 25);
  return *rc::gen::container<Matrix>(partners,
                                     rc::gen::container<std::vector<int>>(items, cell_gen()));
}

std::vector<AnswerSheet> sheets_from(const Matrix& matrix) {
  std::vector<AnswerSheet> sheets;
  for (const auto& row : matrix) {
    AnswerSheet sheet;
    for (int i = 0; i < static_cast<int>(row.size()); ++i) {
      if (row[i] != kAbsent) sheet[item_name(i)] = answer_of(row[i]);
    }
    sheets.push_back(std::move(sheet));
  }
  return sheets;
}

// The straightforward reading of the rule, item by item over the chosen rows.
std::vector<SharedItem> reference(const Matrix& matrix, const std::vector<int>& rows) {
  std::vector<SharedItem> shared;
  if (rows.size() < 2) return shared;
  for (int i = 0; i < static_cast<int>(matrix[0].size()); ++i) {
    bool all_open = true;
    bool all_yes = true;
    for (int p : rows) {
      all_open = all_open && (matrix[p][i] == 1 || matrix[p][i] == 2);
      all_yes = all_yes && matrix[p][i] == 1;
    }
    if (all_open)
      shared.push_back({item_name(i), all_yes ? SharedLevel::kYes : SharedLevel::kAskFirst});
  }
  std::ranges::sort(shared, {}, &SharedItem::item_id);
  return shared;
}

std::vector<int> all_rows(const Matrix& matrix) {
  std::vector<int> rows(matrix.size());
  for (int p = 0; p < static_cast<int>(rows.size()); ++p) rows[p] = p;
  return rows;
}

RC_GTEST_PROP(Reveal, MatchesStraightforwardReference, ()) {
  const Matrix matrix = matrix_gen();
  const auto sheets = sheets_from(matrix);
  const auto shared = mutual_items(group_of(sheets));
  RC_TAG(shared.empty() ? "none shared" : "some shared");
  RC_ASSERT(shared == reference(matrix, all_rows(matrix)));
  for (int i = 0; i < static_cast<int>(matrix[0].size()); ++i) {
    const bool listed =
        std::ranges::any_of(shared, [&](const SharedItem& s) { return s.item_id == item_name(i); });
    RC_ASSERT(is_mutual(group_of(sheets), item_name(i)) == listed);
  }
}

RC_GTEST_PROP(Reveal, SaidNoIsIndistinguishableFromNotAnswered, ()) {
  Matrix matrix = matrix_gen();
  RC_PRE(!matrix[0].empty());
  const auto partner = *rc::gen::inRange<std::size_t>(0, matrix.size());
  const auto item = *rc::gen::inRange<std::size_t>(0, matrix[0].size());
  const int before = *rc::gen::element(3, 0, kAbsent);  // no, unset, absent
  const int after = *rc::gen::element(3, 0, kAbsent);
  matrix[partner][item] = before;
  const auto shared_before = mutual_items(group_of(sheets_from(matrix)));
  matrix[partner][item] = after;
  const auto shared_after = mutual_items(group_of(sheets_from(matrix)));
  RC_ASSERT(shared_before == shared_after);
}

RC_GTEST_PROP(Reveal, SubgroupNeverSeesAnItemAMemberIsClosedTo, ()) {
  const Matrix matrix = matrix_gen();
  const auto sheets = sheets_from(matrix);
  const auto chosen =
      *rc::gen::container<std::vector<bool>>(matrix.size(), rc::gen::arbitrary<bool>());
  std::vector<int> rows;
  for (int p = 0; p < static_cast<int>(chosen.size()); ++p) {
    if (chosen[p]) rows.push_back(p);
  }
  RC_PRE(rows.size() >= 2);
  std::vector<const AnswerSheet*> subgroup;
  for (int p : rows) subgroup.push_back(&sheets[p]);

  const auto shared = mutual_items(subgroup);
  for (const auto& item : shared) {
    for (const AnswerSheet* sheet : subgroup) {
      const auto found = sheet->find(item.item_id);
      RC_ASSERT(found != sheet->end());
      RC_ASSERT(is_yes_or_maybe(found->second));
    }
  }
  RC_ASSERT(shared == reference(matrix, rows));
}

}  // namespace
}  // namespace attune::core
