#include "app/measures/measures.h"

#include <algorithm>

#include "app/accounts/people.h"
#include "app/consent/sharing.h"
#include "app/measures/measure_records.h"
#include "core/fhir_measures.h"
#include "crypto/tokens.h"

namespace attune::app {
namespace {

base::Result<const core::Measure*> find_measure(const content::MeasureLibrary& library,
                                                const std::string& id) {
  const auto* measure = library.find(id);
  if (!measure) return std::unexpected(policy::not_found());
  return measure;
}

}  // namespace

std::string placeholder_text(std::size_t position, std::size_t count) {
  return "Item " + std::to_string(position) + " of " + std::to_string(count) +
         " \xe2\x80\x94 item text not installed by your operator";
}

MeasureView Measures::view_of(const core::Measure& measure, store::Transaction& tx) const {
  const auto imported = imported_item_texts(tx);
  const auto texts = imported.find(measure.id);
  MeasureView view{&measure, true, {}};
  for (std::size_t i = 0; i < measure.items.size(); ++i) {
    const auto& item = measure.items[i];
    MeasureItemView shown{item.id, item.points, item.text, "", "", false};
    if (measure.validated) {
      const content::ItemText* text = nullptr;
      if (texts != imported.end()) {
        const auto it = texts->second.find(item.id);
        if (it != texts->second.end()) text = &it->second;
      }
      if (text) {
        shown.text = text->text;
        shown.low_label = text->low_label;
        shown.high_label = text->high_label;
      } else {
        shown.text = placeholder_text(i + 1, measure.items.size());
        shown.placeholder = true;
        view.texts_installed = false;
      }
    }
    view.items.push_back(std::move(shown));
  }
  return view;
}

std::vector<MeasureView> Measures::list() {
  auto tx = context_.db.begin(store::TxMode::kRead);
  std::vector<MeasureView> views;
  for (const auto& measure : library_.measures) views.push_back(view_of(measure, *tx));
  return views;
}

base::Result<MeasureView> Measures::get(const std::string& measure_id) {
  auto measure = find_measure(library_, measure_id);
  if (!measure) return base::error_of(measure);
  auto tx = context_.db.begin(store::TxMode::kRead);
  return view_of(**measure, *tx);
}

base::Result<AnsweredOutcome> Measures::answer(const Actor& actor, const std::string& rid,
                                               const std::string& measure_id,
                                               const core::MeasureAnswers& answers,
                                               core::Visibility visibility) {
  return context_.write(actor, [&](store::Transaction& tx) -> base::Result<AnsweredOutcome> {
    auto member = context_.policy.member(tx, actor, rid);
    if (!member) return base::error_of(member);
    auto measure = find_measure(library_, measure_id);
    if (!measure) return base::error_of(measure);
    auto score = core::score_measure(**measure, answers);
    if (!score) return base::error_of(score);
    auto id = Sharing(context_).create(tx, *member, kMeasureFeature,
                                       measure_response_body(measure_id, answers, score->total),
                                       visibility);
    return AnsweredOutcome{std::move(id), std::move(*score)};
  });
}

base::Result<std::vector<MeasureResultView>> Measures::results(const Actor& actor,
                                                               const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto member = context_.policy.member(*tx, actor, rid);
  if (!member) return base::error_of(member);
  std::vector<MeasureResultView> views;
  for (auto& response : measure_responses_readable_by(context_, *tx, *member)) {
    const auto* measure = library_.find(response.measure_id);
    if (!measure) continue;  // a measure the operator removed since
    auto score = core::score_measure(*measure, response.answers);
    views.push_back({response.id, measure, response.total, score ? score->band : std::nullopt,
                     response.author_id == actor.account_id,
                     display_name_of(context_, *tx, response.author_id), response.visibility,
                     response.created_at});
  }
  return views;
}

base::Status Measures::set_visibility(const Actor& actor, const std::string& result_id,
                                      core::Visibility visibility) {
  return context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    auto rid = own_entry_relationship(tx, actor.account_id, result_id, kMeasureFeature);
    if (!rid) return std::unexpected(policy::not_found());
    auto author = context_.policy.member(tx, actor, *rid);
    if (!author) return base::error_of(author);
    auto entry = load_own_entry(context_, tx, *author, result_id);
    if (!entry) return std::unexpected(policy::not_found());
    Sharing(context_).set_visibility(tx, *author, *entry, visibility);
    return {};
  });
}

base::Result<std::vector<MeasureScheduleView>> Measures::schedules(const Actor& actor,
                                                                   const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto member = context_.policy.member(*tx, actor, rid);
  if (!member) return base::error_of(member);
  const auto rhythms = own_measure_schedules(context_, *tx, *member);
  const auto responses = measure_responses_readable_by(context_, *tx, *member);
  std::vector<MeasureScheduleView> views;
  for (const auto& measure : library_.measures) {
    MeasureScheduleView view{measure.id, 0, std::nullopt, false};
    const auto rhythm = std::ranges::find(rhythms, measure.id, &MeasureScheduleRecord::measure_id);
    if (rhythm != rhythms.end()) view.every_days = rhythm->every_days;
    for (const auto& response : responses) {  // newest first: the first of mine is the last
      if (response.author_id == actor.account_id && response.measure_id == measure.id) {
        view.last_answered_at = response.created_at;
        break;
      }
    }
    view.due = core::measure_due(view.last_answered_at, view.every_days, context_.now_ms());
    views.push_back(view);
  }
  return views;
}

base::Status Measures::set_schedule(const Actor& actor, const std::string& rid,
                                    const std::string& measure_id, int every_days) {
  if (every_days < 0 || every_days > kMaxEveryDays) {
    return base::fail(base::ErrorCode::invalid_field, "every_days must be 0 to 365.");
  }
  return context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    auto member = context_.policy.member(tx, actor, rid);
    if (!member) return base::error_of(member);
    auto measure = find_measure(library_, measure_id);
    if (!measure) return base::error_of(measure);
    for (const auto& rhythm : own_measure_schedules(context_, tx, *member)) {
      if (rhythm.measure_id == measure_id) delete_entry(tx, *member, rhythm.entry_id);
    }
    if (every_days > 0) {
      Sharing(context_).create(tx, *member, kMeasureScheduleFeature,
                               measure_schedule_body(measure_id, every_days),
                               core::Visibility::kPrivate);
    }
    return {};
  });
}

base::Result<nlohmann::json> Measures::questionnaire_fhir(const std::string& measure_id) {
  auto view = get(measure_id);
  if (!view) return base::error_of(view);
  core::ItemTexts texts;
  for (const auto& item : view->items) texts[item.id] = item.text;
  return core::fhir_questionnaire(*view->measure, texts);
}

base::Result<nlohmann::json> Measures::shared_results_fhir(const Actor& actor,
                                                           const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto member = context_.policy.member(*tx, actor, rid);
  if (!member) return base::error_of(member);
  std::vector<nlohmann::json> resources;
  for (const auto& response : measure_responses_readable_by(context_, *tx, *member)) {
    const auto* measure = library_.find(response.measure_id);
    if (!measure || response.visibility == core::Visibility::kPrivate) continue;
    resources.push_back(core::fhir_questionnaire_response(
        *measure, {response.id, display_name_of(context_, *tx, response.author_id),
                   response.created_at, response.answers, response.total}));
  }
  return core::fhir_collection(crypto::random_id(), context_.now_ms(), resources);
}

std::size_t Measures::import_texts(const std::vector<content::ItemText>& texts) {
  context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
    save_item_texts(tx, texts, context_.now_ms());
    return true;
  });
  return texts.size();
}

}  // namespace attune::app
