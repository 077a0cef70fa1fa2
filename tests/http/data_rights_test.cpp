// Data rights (I8) through the real server, on SQLite and on PostgreSQL: my export holds
// what I wrote and the mutual view, never a partner's private data; deleting my account
// removes every row of mine and leaves my partner's own data exactly as it was.
#include <gtest/gtest.h>

#include <cctype>
#include <nlohmann/json.hpp>

#include "http/backend_server.h"

namespace attune::http::test {
namespace {

using nlohmann::json;

// Addresses are kept lower-cased.
std::string lowercase(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

class DataRights : public TwoPartnersOnEachBackend {
 protected:
  void answer(const Person& who, const std::string& item, const std::string& value,
              const std::string& note) {
    auto put = api_->call("PUT", "/api/v1/relationships/" + rid_ + "/boundaries/mine/" + item,
                          json{{"answer", value}, {"note", note}}.dump(), &who);
    ASSERT_EQ(put.status, 200) << put.body;
  }
  void entry(const Person& who, const std::string& text, const std::string& visibility) {
    auto post =
        api_->call("POST", "/api/v1/relationships/" + rid_ + "/intake",
                   json{{"kind", "safe"}, {"text", text}, {"visibility", visibility}}.dump(), &who);
    ASSERT_EQ(post.status, 201) << post.body;
  }
  std::string get(const std::string& path, const Person& as) {
    auto response = api_->call("GET", path, "", &as);
    EXPECT_EQ(response.status, 200) << path << ": " << response.body;
    return response.body;
  }

  // Rows in a table whose column holds the id, read from the store itself.
  std::int64_t rows(const std::string& table, const std::string& column, const std::string& id) {
    auto db = server_.open_store();
    auto tx = db->begin(store::TxMode::kRead);
    return tx->query_one("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", {id})
        ->integer(0);
  }
};

TEST_P(DataRights, ExportHoldsMineAndTheMutualViewNeverAPartnersPrivateData) {
  answer(ann_, "hugging", "yes", "AnnNoteCanary");
  answer(ben_, "hugging", "yes", "BenNoteCanary");
  answer(ann_, "eye-contact", "no", "");
  answer(ben_, "eye-contact", "yes", "");
  answer(ben_, "quiet-company", "maybe", "BenOneSidedCanary");
  entry(ann_, "AnnPrivateEntryCanary", "private");
  entry(ben_, "BenPrivateEntryCanary", "private");
  entry(ben_, "BenSharedEntryCanary", "partners");

  const std::string text = get("/api/v1/me/export", ann_);
  const json document = json::parse(text);
  EXPECT_EQ(document.at("profile").at("email"), lowercase(ann_.email));
  for (const char* mine : {"AnnNoteCanary", "AnnPrivateEntryCanary"}) {
    EXPECT_NE(text.find(mine), std::string::npos) << mine;
  }
  for (const char* theirs : {"BenNoteCanary", "BenOneSidedCanary", "BenPrivateEntryCanary",
                             "BenSharedEntryCanary", "quiet-company"}) {
    EXPECT_EQ(text.find(theirs), std::string::npos) << theirs;
  }
  EXPECT_EQ(text.find(lowercase(ben_.email)), std::string::npos);
  json shared;
  for (const auto& relationship : document.at("relationships")) {
    if (relationship.at("id") == rid_)
      shared = relationship.at("boundaries").at("shared_with_everyone");
  }
  ASSERT_TRUE(shared.is_array()) << text;
  ASSERT_EQ(shared.size(), 1u) << shared.dump();
  EXPECT_EQ(shared[0].at("item_id"), "hugging");
}

TEST_P(DataRights, DeletingMyAccountRemovesMyRowsAndLeavesMyPartnersOwnDataAsItWas) {
  answer(ann_, "hugging", "yes", "AnnNoteCanary");
  answer(ben_, "hugging", "yes", "BenNoteCanary");
  answer(ben_, "quiet-company", "maybe", "BenOneSidedCanary");
  answer(ben_, "quiet-company", "yes", "BenChangedCanary");  // history too
  entry(ann_, "AnnSharedEntryCanary", "partners");
  entry(ben_, "BenPrivateEntryCanary", "private");
  entry(ben_, "BenSharedEntryCanary", "partners");
  const std::string base = "/api/v1/relationships/" + rid_;
  const std::string ben_answers = get(base + "/boundaries/mine", ben_);
  const std::string ben_history = get(base + "/boundaries/mine/history", ben_);
  const json ben_export = json::parse(get("/api/v1/me/export", ben_));

  auto deleted =
      api_->call("DELETE", "/api/v1/me", R"({"password":"a long enough password"})", &ann_);
  ASSERT_EQ(deleted.status, 204) << deleted.body;

  // Ann is gone: no log-in, no session, no row anywhere that names her.
  EXPECT_EQ(api_->call("GET", "/api/v1/me", "", &ann_).status, 401);
  EXPECT_EQ(api_->call("POST", "/api/v1/auth/login",
                       json{{"email", ann_.email}, {"password", "a long enough password"}}.dump())
                .status,
            401);
  for (const auto& [table, column] : {std::pair{"accounts", "id"},
                                      {"sessions", "account_id"},
                                      {"memberships", "account_id"},
                                      {"boundary_answers", "account_id"},
                                      {"boundary_history", "account_id"},
                                      {"entries", "author_id"}}) {
    EXPECT_EQ(rows(table, column, ann_.id), 0) << table;
  }
  EXPECT_EQ(rows("deletion_log", "account_id", ann_.id), 1);

  // Ben's own answers, history and entries are exactly as they were.
  EXPECT_EQ(get(base + "/boundaries/mine", ben_), ben_answers);
  EXPECT_EQ(get(base + "/boundaries/mine/history", ben_), ben_history);
  const json after = json::parse(get("/api/v1/me/export", ben_));
  EXPECT_EQ(after.at("relationships").size(), ben_export.at("relationships").size());
  const json& before_ours = ben_export.at("relationships")[0];
  const json& after_ours = after.at("relationships")[0];
  EXPECT_EQ(after_ours.at("my_entries"), before_ours.at("my_entries"));
  EXPECT_EQ(after_ours.at("boundaries").at("my_answers"),
            before_ours.at("boundaries").at("my_answers"));
  EXPECT_EQ(after_ours.at("partners").size(), 0u);
  const std::string entries = get(base + "/intake", ben_);
  EXPECT_NE(entries.find("BenPrivateEntryCanary"), std::string::npos);
  EXPECT_NE(entries.find("BenSharedEntryCanary"), std::string::npos);
  EXPECT_EQ(entries.find("AnnSharedEntryCanary"), std::string::npos);
  const json detail = json::parse(get(base, ben_));
  ASSERT_EQ(detail.at("partners").size(), 1u);
  EXPECT_EQ(detail.at("partners")[0].at("id"), ben_.id);
}

INSTANTIATE_TEST_SUITE_P(Backends, DataRights, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace attune::http::test
