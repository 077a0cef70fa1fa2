// `attune serve`: the HTTP/WebSocket server over the runtime.
#include <signal.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <functional>
#include <iostream>
#include <utility>

#include "cli/commands.h"
#include "cli/logging.h"
#include "cli/mail_setup.h"
#include "cli/runtime.h"
#include "http/api_handler.h"
#include "http/live_upgrade.h"
#include "http/server.h"
#include "live/bus_router.h"
#include "live/event_bus.h"
#include "live/hub.h"
#include "live/nudge_hub.h"
#include "ops/pdf_report.h"

namespace attune::cli {
namespace {

constexpr std::chrono::seconds kReminderTick{60};

// The therapist's PDF download prints with headless Chromium on the request's worker thread:
// at most two at a time, and never more than half the workers, so other requests keep moving.
void print_report_pdfs(const Settings& settings, app::ProgressReports& reports) {
  auto chromium = ops::find_chromium(settings.chromium);
  if (!chromium) {
    spdlog::warn("report PDFs: no Chromium found{}; the therapist's PDF download is off",
                 settings.chromium.empty() ? "" : " at " + settings.chromium);
    return;
  }
  const int at_once = std::clamp(settings.worker_threads / 2, 1, 2);
  reports.print_pdf_with(
      [options = ops::PdfOptions{*chromium, std::chrono::seconds(60)}](
          std::string_view html) -> base::Result<std::string> {
        auto pdf = ops::render_html_to_pdf(html, options);
        if (pdf) return pdf;
        // The operator reads why; the therapist reads that the PDF did not come.
        spdlog::error("report PDF: {}", pdf.error().message);
        return base::fail(base::ErrorCode::pdf_unavailable,
                          "The PDF could not be made just now. The report is there to download "
                          "as a page you can print.");
      },
      at_once);
}

}  // namespace

int run_serve(const Settings& settings) {
  // A closed stdout or log pipe must never take the server down.
  ::signal(SIGPIPE, SIG_IGN);
  // Logs go to stderr; stdout carries only the line that says where we listen.
  if (auto ok = log_to_stderr(settings.log_format); !ok) {
    std::cerr << "attune: " << ok.error().message << "\n";
    return 2;
  }
  auto runtime = Runtime::open(settings);
  if (!runtime) {
    std::cerr << "attune: cannot start: " << runtime.error().message << "\n";
    return 1;
  }
  auto address = parse_listen(settings.listen);
  if (!address) {
    std::cerr << "attune: " << address.error().message << "\n";
    return 2;
  }
  auto mailer = make_mailer(settings);
  if (!mailer) {
    std::cerr << "attune: " << mailer.error().message << "\n";
    return 2;
  }
  (*runtime)->context().mailer = mailer->get();
  app::Services& services = (*runtime)->services();
  // The people reading the crisis resources are never told about settings: the operator is.
  if (services.context.config.resources_file.empty()) {
    spdlog::warn(
        "crisis resources: showing the shipped default; set resources_file to your region's "
        "services (README: Configuration)");
  }
  print_report_pdfs(settings, services.progress_reports);
  http::ApiHandler api(services);
  // Live work: states are sent from one pool, socket commands write from another.
  boost::asio::thread_pool live_reads(2);
  boost::asio::thread_pool live_writes(2);
  std::shared_ptr<live::Hub> hub;
  // Replicas on one PostgreSQL hear each other's changes over LISTEN/NOTIFY.
  auto bus = live::make_event_bus(settings.database_url);
  auto nudges = std::make_shared<live::NudgeHub>(bus);

  http::ServerOptions options;
  options.host = address->first;
  options.port = address->second;
  options.static_dir = settings.web_dir;
  options.trusted_proxies = settings.trusted_proxies;
  options.worker_threads = settings.worker_threads;
  options.write_threads = settings.write_threads;
  http::Server server(
      options, [&api](const http::Request& request) { return api(request); },
      [&services, &hub, &nudges](const http::Request& request) {
        if (request.path == http::kNudgesPath) {
          return http::admit_nudges(services.sessions, *nudges, request);
        }
        return http::admit_live(services.practices, services.sessions, *hub, request);
      });
  hub = std::make_shared<live::Hub>(
      services.practices, services.context.clock,
      [&server](std::chrono::milliseconds delay, std::function<void()> fn) {
        server.post_after(delay, std::move(fn));
      },
      [&live_reads](std::function<void()> fn) { boost::asio::post(live_reads, std::move(fn)); },
      [&live_writes](std::function<void()> fn) { boost::asio::post(live_writes, std::move(fn)); },
      bus);
  hub->tell_debriefs(services.debriefs);
  api.report_live(*hub);
  // The bus holds its sink weakly: the router lives as long as the server.
  auto router = std::make_shared<live::BusRouter>(hub, nudges);
  bus->start(router);
  (*runtime)->context().practice_events = hub.get();
  (*runtime)->context().nudges = nudges.get();

  // Gentle reminders: a tick a minute on a thread of its own (the store calls block), each
  // scheduling the next; replicas may all tick, the day's claim keeps it to one reminder.
  boost::asio::thread_pool reminder_thread(1);
  std::function<void()> tick = [&] {
    boost::asio::post(reminder_thread, [&] {
      try {
        services.reminders.run_due();
      } catch (const std::exception& failure) {
        spdlog::error("reminders: {}", failure.what());
      }
      server.post_after(kReminderTick, tick);
    });
  };
  server.post_after(kReminderTick, tick);

  std::cout << "attune listening on http://" << options.host << ":" << server.port() << std::endl;
  server.run();
  reminder_thread.join();
  bus->stop();
  (*runtime)->context().practice_events = nullptr;
  (*runtime)->context().nudges = nullptr;
  (*runtime)->context().mailer = nullptr;
  live_writes.join();
  live_reads.join();
  spdlog::info("attune stopped");
  return 0;
}

}  // namespace attune::cli
