// Gentle reminders (issue 14 item 5) with a hand-moved clock and a recording mailer: opt-in
// per kind only, at most one a day, never in quiet hours (in the person's own time zone),
// about the person's own time and check-ins only, and e-mailed with neutral words.
#include "app_fixture.h"

namespace attune::app::testing {
namespace {

using core::ReminderKind;
constexpr auto kHour = std::chrono::hours(1);

class RecordingMailer final : public Mailer {
 public:
  void send(MailMessage message) override { sent.push_back(std::move(message)); }
  std::vector<MailMessage> sent;
};

class RemindersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    world.context.config.public_url = "https://attune.example.org";
    world.context.mailer = &mailer;
    group = world.relationship_of({world.person("Robin"), world.person("Sasha")});
  }

  const Person& a() const { return group.people[0]; }
  const Person& b() const { return group.people[1]; }

  void opt_in(const Person& who, std::vector<ReminderKind> kinds, bool email = true,
              std::optional<core::QuietHours> quiet = std::nullopt) {
    ASSERT_TRUE(world.services.reminders.set_settings(who.actor, {std::move(kinds), email, quiet}));
  }
  std::vector<ReminderView> due(const Person& who) {
    auto list = world.services.reminders.due(who.actor);
    EXPECT_TRUE(list);
    return list.value_or(std::vector<ReminderView>{});
  }
  // The World's clock starts at 2025-01-01T00:00Z; this moves it to that day's hour (UTC).
  void at_hour(int hour) {
    world.clock.set(base::TimePoint(std::chrono::milliseconds(1'735'689'600'000)) + kHour * hour);
  }
  Person person_in(const std::string& time_zone) {
    const std::string email = "zone-" + std::to_string(++zoned_) + "@example.org";
    EXPECT_TRUE(world.services.accounts.sign_up(
        {email, "correct horse battery", "Zoned", true, time_zone, false}));
    Person person;
    person.email = email;
    person.password = "correct horse battery";
    person.actor = world.log_in(email, person.password);
    person.id = person.actor.account_id;
    return person;
  }

  World world;
  RecordingMailer mailer;
  Group group;
  int zoned_ = 0;
};

TEST_F(RemindersTest, NothingUntilSomeoneOptsIn) {
  at_hour(15);
  EXPECT_EQ(world.services.reminders.run_due(), 0);
  EXPECT_TRUE(due(a()).empty());
  EXPECT_TRUE(mailer.sent.empty());
  auto settings = world.services.reminders.settings(a().actor);
  ASSERT_TRUE(settings);
  EXPECT_TRUE(settings->kinds.empty());
  EXPECT_FALSE(settings->email);
}

TEST_F(RemindersTest, ACheckinReminderComesOnceADayInTheAfternoon) {
  opt_in(a(), {ReminderKind::kCheckin});
  at_hour(9);
  EXPECT_EQ(world.services.reminders.run_due(), 0) << "mornings are the person's own";
  at_hour(13);
  EXPECT_EQ(world.services.reminders.run_due(), 1);
  ASSERT_EQ(due(a()).size(), 1u);
  EXPECT_EQ(due(a())[0].kind, ReminderKind::kCheckin);
  EXPECT_TRUE(due(b()).empty()) << "only the person who opted in";
  ASSERT_EQ(mailer.sent.size(), 1u);
  EXPECT_EQ(mailer.sent[0].to, a().email);
  for (int hour : {14, 18, 23}) {
    at_hour(hour);
    EXPECT_EQ(world.services.reminders.run_due(), 0) << "never twice a day, at " << hour;
  }
  EXPECT_EQ(mailer.sent.size(), 1u);
  at_hour(24 + 13);
  EXPECT_EQ(world.services.reminders.run_due(), 1) << "a new day";
  EXPECT_EQ(mailer.sent.size(), 2u);
}

TEST_F(RemindersTest, NoCheckinReminderAfterTheirOwnCheckinToday) {
  opt_in(a(), {ReminderKind::kCheckin});
  at_hour(10);
  ASSERT_TRUE(world.services.checkins.create(
      a().actor, {group.rid, core::CheckinKind::kDaily, std::nullopt,
                  core::CheckinScores{{6, 6, 6, 8, 3}}, "", core::Visibility::kPrivate}));
  at_hour(15);
  EXPECT_EQ(world.services.reminders.run_due(), 0);
  // A partner's check-in changes nothing for anyone else.
  opt_in(b(), {ReminderKind::kCheckin});
  EXPECT_EQ(world.services.reminders.run_due(), 1);
  EXPECT_EQ(due(b()).size(), 1u);
}

TEST_F(RemindersTest, QuietHoursHoldInThePersonsOwnTimeZone) {
  const core::QuietHours night{22 * 60, 8 * 60};
  Person berlin = person_in("Europe/Berlin");  // UTC+1 in January
  Person utc = person_in("UTC");
  Group pair = world.relationship_of({berlin, utc}, "Zones");
  opt_in(berlin, {ReminderKind::kCheckin}, false, night);
  opt_in(utc, {ReminderKind::kCheckin}, false, night);
  at_hour(21);  // 21:00 UTC = 22:00 in Berlin
  EXPECT_EQ(world.services.reminders.run_due(), 1);
  EXPECT_TRUE(due(berlin).empty()) << "22:00 in Berlin is quiet";
  EXPECT_EQ(due(utc).size(), 1u) << "21:00 in UTC is not";
  at_hour(24 + 7);  // 08:00 in Berlin the next day: quiet hours are over, but it is morning
  EXPECT_EQ(world.services.reminders.run_due(), 0);
  at_hour(24 + 12);  // 13:00 in Berlin, 12:00 in UTC
  EXPECT_EQ(world.services.reminders.run_due(), 2);
  EXPECT_EQ(due(berlin).size(), 1u);
}

TEST_F(RemindersTest, APlanReminderIsAboutItsTimeNeverAboutWhoJoined) {
  opt_in(a(), {ReminderKind::kPlan});
  opt_in(b(), {ReminderKind::kPlan});
  at_hour(8);
  const std::int64_t tomorrow_morning = world.context.now_ms() + 20 * 3'600'000LL;
  auto plan = world.services.plans.propose(a().actor, group.rid,
                                           {core::PlanKind::kRest, "Lie-in", tomorrow_morning, ""});
  ASSERT_TRUE(plan);
  at_hour(9);
  EXPECT_EQ(world.services.reminders.run_due(), 1);
  auto mine = due(a());
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].kind, ReminderKind::kPlan);
  EXPECT_EQ(mine[0].plan_id, *plan);
  EXPECT_EQ(mine[0].relationship_id, group.rid);
  EXPECT_TRUE(due(b()).empty()) << "Sasha has not joined: nothing about Robin's plan";
  ASSERT_TRUE(world.services.plans.respond(b().actor, *plan, true));
  at_hour(10);
  EXPECT_EQ(world.services.reminders.run_due(), 1);
  EXPECT_EQ(due(b()).size(), 1u);
  // A planned practice is its own kind: asked for by nobody here, so never sent.
  auto practice = world.services.plans.propose(
      a().actor, group.rid,
      {core::PlanKind::kPractice, "Slow", world.context.now_ms() + 30 * 3'600'000LL, ""});
  ASSERT_TRUE(practice);
  at_hour(24 + 9);
  EXPECT_EQ(world.services.reminders.run_due(), 0);
}

TEST_F(RemindersTest, TheEmailSaysNothingPersonal) {
  opt_in(a(), {ReminderKind::kPractice});
  at_hour(12);
  auto plan =
      world.services.plans.propose(a().actor, group.rid,
                                   {core::PlanKind::kPractice, "Massage evening",
                                    world.context.now_ms() + 6 * 3'600'000LL, "oil and candles"});
  ASSERT_TRUE(plan);
  EXPECT_EQ(world.services.reminders.run_due(), 1);
  ASSERT_EQ(mailer.sent.size(), 1u);
  const auto& mail = mailer.sent[0];
  EXPECT_EQ(mail.subject, "attune");
  EXPECT_NE(mail.body.find("https://attune.example.org"), std::string::npos);
  const std::string text = mail.subject + "\n" + mail.body;
  for (const std::string& secret :
       {std::string("Robin"), std::string("Sasha"), a().email, std::string("Massage"),
        std::string("candles"), *plan, group.rid, std::string("practice"), std::string("plan"),
        std::string("check"), std::string("remind"), std::string("partner"),
        std::string("relationship")}) {
    EXPECT_EQ(text.find(secret), std::string::npos) << secret;
  }
  EXPECT_EQ(due(a())[0].kind, ReminderKind::kPractice);
}

TEST_F(RemindersTest, InTheAppOnlyWhenNoEmailWasAskedFor) {
  opt_in(a(), {ReminderKind::kCheckin}, false);
  at_hour(15);
  EXPECT_EQ(world.services.reminders.run_due(), 1);
  EXPECT_EQ(due(a()).size(), 1u);
  EXPECT_TRUE(mailer.sent.empty());
}

TEST_F(RemindersTest, EmailNeedsAMailServer) {
  world.context.mailer = nullptr;
  EXPECT_EQ(code_of(world.services.reminders.set_settings(a().actor,
                                                          {{ReminderKind::kCheckin}, true, {}})),
            "mail_not_configured");
  EXPECT_EQ(code_of(world.services.reminders.set_settings(
                a().actor, {{ReminderKind::kCheckin}, false, core::QuietHours{-1, 60}})),
            "invalid_field");
  EXPECT_TRUE(world.services.reminders.settings(a().actor)->kinds.empty());
}

TEST_F(RemindersTest, DismissedIsGoneAndOnlyItsPersonDismisses) {
  opt_in(a(), {ReminderKind::kCheckin}, false);
  at_hour(15);
  ASSERT_EQ(world.services.reminders.run_due(), 1);
  const auto id = due(a())[0].id;
  EXPECT_EQ(code_of(world.services.reminders.dismiss(b().actor, id)), "ok");
  EXPECT_EQ(due(a()).size(), 1u) << "someone else's dismissal changes nothing";
  EXPECT_EQ(code_of(world.services.reminders.dismiss(a().actor, id)), "ok");
  EXPECT_TRUE(due(a()).empty());
  EXPECT_EQ(world.services.reminders.run_due(), 0) << "dismissing does not bring another";
}

TEST_F(RemindersTest, TwoServersOnOneStoreSendOneReminder) {
  RecordingMailer other_mailer;
  Context other = world.context;
  other.mailer = &other_mailer;
  Reminders replica(other);
  opt_in(a(), {ReminderKind::kCheckin});
  at_hour(15);
  EXPECT_EQ(replica.run_due() + world.services.reminders.run_due(), 1);
  EXPECT_EQ(mailer.sent.size() + other_mailer.sent.size(), 1u);
}

TEST_F(RemindersTest, LeavingAndDeletionTakeTheReminders) {
  opt_in(b(), {ReminderKind::kPlan}, false);
  at_hour(9);
  auto plan = world.services.plans.propose(
      b().actor, group.rid, {core::PlanKind::kRest, "Nap", world.context.now_ms() + 3'600'000, ""});
  ASSERT_TRUE(plan);
  ASSERT_EQ(world.services.reminders.run_due(), 1);
  ASSERT_TRUE(world.services.relationships.leave(b().actor, group.rid));
  EXPECT_TRUE(due(b()).empty());
  ASSERT_TRUE(world.services.accounts.delete_account(b().actor, b().password));
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM reminder_settings WHERE account_id = ?", {b().id}),
            0);
  EXPECT_EQ(world.count("SELECT COUNT(*) FROM reminders WHERE account_id = ?", {b().id}), 0);
}

}  // namespace
}  // namespace attune::app::testing
