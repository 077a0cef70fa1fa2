// Issue 14 item 5 end to end on the server side: a due reminder leaves through the real
// SMTP mailer and arrives at a throwaway local SMTP server with the neutral text only —
// no name, no relationship, nothing about what is waiting or who did what.
#include <gtest/gtest.h>

#include "app/app_fixture.h"
#include "mail/smtp_mailer.h"
#include "support/smtp_sink.h"

#include <thread>

namespace attune::app::testing {
namespace {

using namespace std::chrono_literals;

mail::SmtpOptions options_for(const test::SmtpSink& sink) {
  mail::SmtpOptions options;
  options.server = {"127.0.0.1", sink.port()};
  options.from = "attune@example.net";
  options.helo_name = "attune.test";
  options.timeout = 5s;
  options.shutdown_grace = 2s;
  return options;
}

// The World's clock starts at 2025-01-01T00:00Z; this is that day's hour (UTC).
base::TimePoint day_one_at(int hour) {
  return base::TimePoint(std::chrono::milliseconds(1'735'689'600'000)) + std::chrono::hours(hour);
}

TEST(ReminderEmail, ArrivesAtTheSmtpServerWithNeutralWordsOnly) {
  test::SmtpSink sink;
  World world;
  mail::SmtpMailer mailer(options_for(sink));
  world.context.mailer = &mailer;
  world.context.config.public_url = "https://attune.example.org";
  Person robin = world.person("Robin", "robin.canary@example.org");
  Person sasha = world.person("Sasha");
  Group group = world.relationship_of({robin, sasha}, "Canary Household");
  ASSERT_TRUE(world.services.reminders.set_settings(
      robin.actor,
      {{core::ReminderKind::kCheckin, core::ReminderKind::kPlan}, true, std::nullopt}));
  // Sasha checked in and proposed a plan: neither may show up in Robin's reminder.
  ASSERT_TRUE(world.services.checkins.create(
      sasha.actor,
      {group.rid, core::CheckinKind::kDaily, std::nullopt, core::CheckinScores{{6, 6, 6, 8, 3}},
       "tired after the argument", core::Visibility::kPartners}));

  world.clock.set(day_one_at(9));
  EXPECT_EQ(world.services.reminders.run_due(), 0) << "the morning is the person's own";
  world.clock.set(day_one_at(14));
  ASSERT_EQ(world.services.reminders.run_due(), 1);
  EXPECT_EQ(world.services.reminders.run_due(), 0) << "never twice a day";

  const auto mails = sink.wait_for(1);
  ASSERT_EQ(mails.size(), 1u);
  const test::SunkMail& mail = mails[0];
  EXPECT_EQ(mail.rcpt_to, std::vector<std::string>{"robin.canary@example.org"});
  EXPECT_EQ(mail.mail_from, "attune@example.net");
  EXPECT_EQ(mail.subject, "attune");
  EXPECT_NE(mail.body.find("https://attune.example.org"), std::string::npos)
      << "a link to open the app";
  EXPECT_NE(mail.body.find("turn them off"), std::string::npos) << "says how to stop them";
  for (const std::string personal :
       {"Robin", "Sasha", "Canary Household", "argument", "check-in", "check in", "partner", "plan",
        "practice", "intimacy", "touch"}) {
    EXPECT_EQ(mail.raw.find(personal), std::string::npos)
        << "the message names \"" << personal << "\":\n"
        << mail.raw;
  }

  // A day later, after Robin turned e-mail off, the reminder stays in the app only.
  ASSERT_TRUE(world.services.reminders.set_settings(
      robin.actor, {{core::ReminderKind::kCheckin}, false, std::nullopt}));
  world.clock.set(day_one_at(24 + 14));
  EXPECT_EQ(world.services.reminders.run_due(), 1);
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(sink.messages().size(), 1u) << "no e-mail once e-mail is off";
}

}  // namespace
}  // namespace attune::app::testing
