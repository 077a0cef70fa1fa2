#include "core/coach/coach_pattern.h"

#include <algorithm>

namespace attune::core {
namespace {

bool allowed_char(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' || byte >= 0x80;
}

base::Result<CoachPatternStep::Choice> compile_choice(std::string_view text,
                                                      std::string_view source) {
  CoachPatternStep::Choice choice;
  if (text.ends_with('*')) {
    choice.prefix = true;
    text.remove_suffix(1);
  }
  if (text.empty() || !std::ranges::all_of(text, allowed_char)) {
    return base::fail(
        base::ErrorCode::invalid_field,
        "pattern \"" + std::string(source) + "\" may hold only lower-case words, |, *, _ and ?");
  }
  choice.word = std::string(text);
  return choice;
}

base::Result<CoachPatternStep> compile_step(std::string_view text, std::string_view source) {
  CoachPatternStep step;
  if (text.ends_with('?')) {
    step.optional = true;
    text.remove_suffix(1);
  }
  if (text == "_") return step;
  std::size_t from = 0;
  while (from <= text.size()) {
    std::size_t to = text.find('|', from);
    if (to == std::string_view::npos) to = text.size();
    auto choice = compile_choice(text.substr(from, to - from), source);
    if (!choice) return base::error_of(choice);
    step.choices.push_back(std::move(*choice));
    from = to + 1;
  }
  return step;
}

std::optional<std::size_t> match_from(const CoachPattern& pattern,
                                      const std::vector<CoachToken>& tokens, std::size_t step,
                                      std::size_t at, std::size_t sentence) {
  if (step == pattern.steps.size()) return at;
  const CoachPatternStep& current = pattern.steps[step];
  if (at < tokens.size() && tokens[at].sentence == sentence && current.accepts(tokens[at].word)) {
    if (auto end = match_from(pattern, tokens, step + 1, at + 1, sentence)) return end;
  }
  if (current.optional) return match_from(pattern, tokens, step + 1, at, sentence);
  return std::nullopt;
}

}  // namespace

bool CoachPatternStep::accepts(std::string_view word) const {
  if (choices.empty()) return true;
  return std::ranges::any_of(choices, [&](const Choice& choice) {
    return choice.prefix ? word.starts_with(choice.word) : word == choice.word;
  });
}

base::Result<CoachPattern> compile_coach_pattern(std::string_view source) {
  CoachPattern pattern{std::string(source), {}};
  std::size_t from = 0;
  while (from < source.size()) {
    std::size_t to = source.find(' ', from);
    if (to == std::string_view::npos) to = source.size();
    if (to > from) {
      auto step = compile_step(source.substr(from, to - from), source);
      if (!step) return base::error_of(step);
      pattern.steps.push_back(std::move(*step));
    }
    from = to + 1;
  }
  if (std::ranges::all_of(pattern.steps, &CoachPatternStep::optional)) {
    return base::fail(base::ErrorCode::invalid_field,
                      "pattern \"" + std::string(source) + "\" needs at least one required word");
  }
  return pattern;
}

std::optional<std::size_t> match_coach_pattern(const CoachPattern& pattern,
                                               const std::vector<CoachToken>& tokens,
                                               std::size_t first) {
  if (first >= tokens.size()) return std::nullopt;
  const auto end = match_from(pattern, tokens, 0, first, tokens[first].sentence);
  // A match that takes no word (every step skipped) is no match.
  if (end && *end == first) return std::nullopt;
  return end;
}

}  // namespace attune::core
