#include "content/safety_check_toml.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "content/toml_entry.h"

namespace attune::content {
namespace {

constexpr std::size_t kMaxLabelChars = 40;
constexpr std::size_t kMaxQuestionChars = 240;
constexpr std::size_t kMaxIntroChars = 2000;
constexpr std::int64_t kMaxScaleValue = 10;
constexpr std::array<std::string_view, 5> kDomains{"fear", "humiliation", "control", "physical",
                                                   "sexual"};

base::Result<core::SafetyScaleStep> read_step(const toml::table& table, const std::string& file,
                                              std::size_t index) {
  EntryReader reader(table, file, "scale[" + std::to_string(index) + "]");
  ATTUNE_TRY(reader.allow_only({"value", "label"}));
  auto value = reader.integer("value", 0, kMaxScaleValue);
  if (!value) return base::error_of(value);
  if (*value != static_cast<std::int64_t>(index)) {
    return std::unexpected(reader.error("scale values must run 0, 1, 2… in order"));
  }
  auto label = reader.line("label", kMaxLabelChars);
  if (!label) return base::error_of(label);
  return core::SafetyScaleStep{static_cast<int>(*value), std::move(*label)};
}

base::Result<core::SafetyQuestion> read_question(const toml::table& table, const std::string& file,
                                                 std::size_t index, int top_of_scale) {
  EntryReader reader(table, file, "questions[" + std::to_string(index) + "]");
  ATTUNE_TRY(reader.allow_only({"id", "domain", "text", "danger_from"}));
  core::SafetyQuestion question;
  auto id = reader.id("id");
  if (!id) return base::error_of(id);
  question.id = std::move(*id);
  reader.rename("question " + quoted(question.id));
  auto domain = reader.line("domain", 32);
  if (!domain) return base::error_of(domain);
  if (std::ranges::find(kDomains, std::string_view(*domain)) == kDomains.end()) {
    return std::unexpected(
        reader.error("domain must be fear, humiliation, control, physical or sexual"));
  }
  question.domain = std::move(*domain);
  auto text = reader.line("text", kMaxQuestionChars);
  if (!text) return base::error_of(text);
  question.text = std::move(*text);
  // Never from 0: "never" must not signal danger.
  auto from = reader.integer("danger_from", 1, top_of_scale);
  if (!from) return base::error_of(from);
  question.danger_from = static_cast<int>(*from);
  return question;
}

}  // namespace

base::Result<core::SafetyCheckForm> safety_check_from_toml(const toml::table& table,
                                                           const std::string& file) {
  EntryReader document(table, file, "");
  ATTUNE_TRY(document.allow_only({"version", "intro", "source", "scale", "questions"}));
  core::SafetyCheckForm form;
  auto version = document.integer("version", 1, 1000);
  if (!version) return base::error_of(version);
  form.version = static_cast<int>(*version);
  auto intro = document.text("intro", kMaxIntroChars);
  if (!intro) return base::error_of(intro);
  form.intro = std::move(*intro);
  auto source = document.line("source", kMaxQuestionChars);
  if (!source) return base::error_of(source);
  form.source = std::move(*source);

  auto steps = document.tables("scale", true);
  if (!steps) return base::error_of(steps);
  for (std::size_t i = 0; i < (*steps)->size(); ++i) {
    auto step = read_step(*(*steps)->get(i)->as_table(), file, i);
    if (!step) return base::error_of(step);
    form.scale.push_back(std::move(*step));
  }
  if (form.scale.size() < 2) {
    return std::unexpected(document.error("the scale needs at least two steps"));
  }
  const int top = form.scale.back().value;

  auto questions = document.tables("questions", true);
  if (!questions) return base::error_of(questions);
  for (std::size_t i = 0; i < (*questions)->size(); ++i) {
    auto question = read_question(*(*questions)->get(i)->as_table(), file, i, top);
    if (!question) return base::error_of(question);
    if (form.find(question->id) != nullptr) {
      return std::unexpected(document.error("question " + quoted(question->id) + " appears twice"));
    }
    form.questions.push_back(std::move(*question));
  }
  if (form.questions.empty()) return std::unexpected(document.error("no questions"));
  return form;
}

}  // namespace attune::content
