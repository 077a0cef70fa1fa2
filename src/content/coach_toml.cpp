#include "content/coach_toml.h"

#include <algorithm>
#include <string_view>

#include "content/toml_entry.h"
#include "core/coach/coach_kind.h"

namespace attune::content {
namespace {

constexpr std::size_t kMaxTextChars = 240;
constexpr std::size_t kMaxWordChars = 40;
constexpr std::size_t kMaxEntries = 2000;

bool is_word(std::string_view word) {
  if (word.empty() || word.size() > kMaxWordChars) return false;
  return std::ranges::none_of(word, [](char c) {
    return c == ' ' || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) < 0x20;
  });
}

base::Result<const toml::array*> array_of(const EntryReader& reader, const toml::table& table,
                                          std::string_view key, bool required) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    if (required) return std::unexpected(reader.error("missing " + std::string(key)));
    return nullptr;
  }
  const auto* array = node->as_array();
  if (array == nullptr || (required && array->empty()) || array->size() > kMaxEntries) {
    return std::unexpected(reader.error(std::string(key) + " must be a list of text", node));
  }
  return array;
}

base::Result<std::vector<std::string>> strings(const EntryReader& reader, const toml::table& table,
                                               std::string_view key, bool required) {
  auto array = array_of(reader, table, key, required);
  if (!array) return base::error_of(array);
  std::vector<std::string> values;
  if (*array == nullptr) return values;
  for (const auto& element : **array) {
    const auto* text = element.as_string();
    if (text == nullptr || text->get().empty()) {
      return std::unexpected(reader.error(std::string(key) + " must hold only text", &element));
    }
    values.push_back(text->get());
  }
  return values;
}

base::Result<core::CoachWords> words(const EntryReader& reader, const toml::table& table,
                                     std::string_view key, bool required) {
  auto list = strings(reader, table, key, required);
  if (!list) return base::error_of(list);
  core::CoachWords result;
  for (const auto& word : *list) {
    if (!is_word(word)) {
      return std::unexpected(reader.error(
          std::string(key) + " holds " + quoted(word) + ", which is not one lower-case word",
          table.get(key)));
    }
    result.add(word);
  }
  return result;
}

base::Result<std::vector<core::CoachPattern>> patterns(const EntryReader& reader,
                                                       const toml::table& table) {
  auto list = strings(reader, table, "patterns", true);
  if (!list) return base::error_of(list);
  std::vector<core::CoachPattern> compiled;
  for (const auto& source : *list) {
    auto pattern = core::compile_coach_pattern(source);
    if (!pattern)
      return std::unexpected(reader.error(pattern.error().message, table.get("patterns")));
    compiled.push_back(std::move(*pattern));
  }
  return compiled;
}

base::Result<std::unordered_map<std::string, std::string>> word_map(const EntryReader& reader,
                                                                    const toml::table& table,
                                                                    std::string_view key) {
  const toml::node* node = table.get(key);
  const auto* map = node == nullptr ? nullptr : node->as_table();
  if (map == nullptr || map->empty()) {
    return std::unexpected(reader.error(std::string(key) + " must be a table of words", node));
  }
  std::unordered_map<std::string, std::string> result;
  for (const auto& [from, to] : *map) {
    const auto* text = to.as_string();
    if (!is_word(from.str()) || text == nullptr || text->get().empty()) {
      return std::unexpected(reader.error(
          std::string(key) + " " + quoted(from.str()) + " must map a word to text", &to));
    }
    result.emplace(std::string(from.str()), text->get());
  }
  return result;
}

base::Result<std::string> optional_string(const EntryReader& reader, const toml::table& table,
                                          std::string_view key, bool* present) {
  const toml::node* node = table.get(key);
  *present = node != nullptr;
  if (node == nullptr) return std::string();
  const auto* text = node->as_string();
  if (text == nullptr || text->get().size() > kMaxTextChars) {
    return std::unexpected(reader.error(std::string(key) + " must be short text", node));
  }
  return text->get();
}

base::Result<core::CoachKind> kind_of(const EntryReader& reader, const toml::table& table) {
  const toml::node* node = table.get("kind");
  const auto* text = node == nullptr ? nullptr : node->as_string();
  if (text != nullptr) {
    if (auto kind = core::coach_kind_from_name(text->get())) return *kind;
  }
  return std::unexpected(reader.error(
      "kind must be one of generalisation, blame, contempt, mind_reading, demand, sarcasm", node));
}

base::Result<core::CoachSpare> spare_of(const EntryReader& reader, const toml::table& table) {
  const toml::node* node = table.get("spare");
  if (node == nullptr) return core::CoachSpare::kNever;
  const auto* text = node->as_string();
  if (text != nullptr && text->get() == "never") return core::CoachSpare::kNever;
  if (text != nullptr && text->get() == "if_positive") return core::CoachSpare::kIfPositive;
  if (text != nullptr && text->get() == "if_negative") return core::CoachSpare::kIfNegative;
  if (text != nullptr && text->get() == "if_words") return core::CoachSpare::kIfWords;
  return std::unexpected(
      reader.error("spare must be never, if_positive, if_negative or if_words", node));
}

base::Result<core::CoachRule> read_rule(const toml::table& table, const std::string& file,
                                        std::size_t index) {
  EntryReader reader(table, file, "rules[" + std::to_string(index) + "]");
  ATTUNE_TRY(
      reader.allow_only({"kind", "spare", "needs_negative_sentence", "unless_before", "unless_next",
                         "spare_words", "patterns", "lead", "lead_past", "request"}));
  core::CoachRule rule;
  auto kind = kind_of(reader, table);
  if (!kind) return base::error_of(kind);
  rule.kind = *kind;
  auto spare = spare_of(reader, table);
  if (!spare) return base::error_of(spare);
  rule.spare = *spare;
  if (const toml::node* node = table.get("needs_negative_sentence")) {
    if (!node->is_boolean()) return std::unexpected(reader.error("must be true or false", node));
    rule.needs_negative_sentence = node->as_boolean()->get();
  }
  auto before = words(reader, table, "unless_before", false);
  if (!before) return base::error_of(before);
  rule.unless_before = std::move(*before);
  auto next = words(reader, table, "unless_next", false);
  if (!next) return base::error_of(next);
  rule.unless_next = std::move(*next);
  auto spare_words = words(reader, table, "spare_words", rule.spare == core::CoachSpare::kIfWords);
  if (!spare_words) return base::error_of(spare_words);
  if (!spare_words->empty() && rule.spare != core::CoachSpare::kIfWords) {
    return std::unexpected(
        reader.error("spare_words needs spare = \"if_words\"", table.get("spare_words")));
  }
  rule.spare_words = std::move(*spare_words);
  auto compiled = patterns(reader, table);
  if (!compiled) return base::error_of(compiled);
  rule.patterns = std::move(*compiled);
  bool has_past = false;
  auto lead = optional_string(reader, table, "lead", &rule.uses_rest);
  if (!lead) return base::error_of(lead);
  rule.lead = std::move(*lead);
  auto lead_past = optional_string(reader, table, "lead_past", &has_past);
  if (!lead_past) return base::error_of(lead_past);
  if (has_past && !rule.uses_rest) {
    return std::unexpected(reader.error("lead_past needs a lead", table.get("lead_past")));
  }
  rule.lead_past = std::move(*lead_past);
  bool has_request = false;
  auto request = optional_string(reader, table, "request", &has_request);
  if (!request) return base::error_of(request);
  rule.request = std::move(*request);
  return rule;
}

base::Status read_kinds(const EntryReader& top, const toml::table& table, const std::string& file,
                        core::CoachVocabulary& vocabulary) {
  const toml::node* node = table.get("kinds");
  const auto* kinds = node == nullptr ? nullptr : node->as_table();
  if (kinds == nullptr) return std::unexpected(top.error("missing [kinds.<kind>] tables", node));
  for (const auto& [name, entry] : *kinds) {
    if (!core::coach_kind_from_name(name.str())) {
      return std::unexpected(top.error("unknown kind " + quoted(name.str()), &entry));
    }
  }
  for (const core::CoachKind kind : core::kCoachKinds) {
    const std::string name(core::coach_kind_name(kind));
    const toml::node* entry = kinds->get(name);
    if (entry == nullptr || !entry->is_table()) {
      return std::unexpected(top.error("missing [kinds." + name + "]", node));
    }
    EntryReader reader(*entry->as_table(), file, "kind " + quoted(name));
    ATTUNE_TRY(reader.allow_only({"message", "feeling", "need", "request", "observation"}));
    auto& text = vocabulary.kind_text[static_cast<std::size_t>(kind)];
    for (auto [key, field] : {std::pair{"message", &text.message},
                              {"feeling", &text.feeling},
                              {"need", &text.need},
                              {"request", &text.request},
                              {"observation", &text.observation}}) {
      auto value = reader.line(key, kMaxTextChars);
      if (!value) return base::error_of(value);
      *field = std::move(*value);
    }
  }
  return {};
}

base::Result<std::string> suggestion_template(const EntryReader& reader, std::string_view key) {
  auto value = reader.line(key, kMaxTextChars);
  if (!value) return value;
  for (std::string_view placeholder : {"{feeling}", "{observation}", "{need}", "{request}"}) {
    if (value->find(placeholder) == std::string::npos) {
      return std::unexpected(
          reader.error(std::string(key) + " must contain " + std::string(placeholder)));
    }
  }
  return value;
}

base::Status read_words_table(const EntryReader& top, const toml::table& table,
                              const std::string& file, core::CoachVocabulary& vocabulary) {
  const toml::node* node = table.get("words");
  if (node == nullptr || !node->is_table()) return std::unexpected(top.error("missing [words]"));
  const toml::table& list = *node->as_table();
  EntryReader reader(list, file, "[words]");
  ATTUNE_TRY(reader.allow_only(
      {"negators", "negation_exempt_after", "clause_words", "object_before", "positive", "negative",
       "sarcasm_cues", "appreciation", "feelings", "past_markers", "rest_skip", "subjects"}));
  for (auto [key, field] : {std::pair{"negators", &vocabulary.negators},
                            {"negation_exempt_after", &vocabulary.negation_exempt_after},
                            {"clause_words", &vocabulary.clause_words},
                            {"object_before", &vocabulary.object_before},
                            {"positive", &vocabulary.positive},
                            {"negative", &vocabulary.negative},
                            {"sarcasm_cues", &vocabulary.sarcasm_cues},
                            {"appreciation", &vocabulary.appreciation},
                            {"feelings", &vocabulary.feelings},
                            {"past_markers", &vocabulary.past_markers},
                            {"rest_skip", &vocabulary.rest_skip},
                            {"subjects", &vocabulary.subjects}}) {
    auto value = words(reader, list, key, true);
    if (!value) return base::error_of(value);
    *field = std::move(*value);
  }
  return {};
}

base::Status read_contractions(const EntryReader& top, const toml::table& table,
                               const std::string& file, core::CoachVocabulary& vocabulary) {
  const toml::node* node = table.get("contractions");
  if (node == nullptr || !node->is_table()) {
    return std::unexpected(top.error("missing [contractions]"));
  }
  EntryReader reader(*node->as_table(), file, "[contractions]");
  ATTUNE_TRY(reader.allow_only({"words", "suffixes"}));
  auto whole = word_map(reader, *node->as_table(), "words");
  if (!whole) return base::error_of(whole);
  vocabulary.contractions.words = std::move(*whole);
  auto suffixes = word_map(reader, *node->as_table(), "suffixes");
  if (!suffixes) return base::error_of(suffixes);
  vocabulary.contractions.suffixes.assign(suffixes->begin(), suffixes->end());
  // Longest first, so "n't" is tried before a shorter suffix it ends with.
  std::ranges::sort(vocabulary.contractions.suffixes, [](const auto& a, const auto& b) {
    return a.first.size() != b.first.size() ? a.first.size() > b.first.size() : a.first < b.first;
  });
  return {};
}

base::Status read_rules_and_harm(const EntryReader& top, const toml::table& table,
                                 const std::string& file, core::CoachVocabulary& vocabulary) {
  const toml::node* harm = table.get("harm");
  if (harm == nullptr || !harm->is_table()) return std::unexpected(top.error("missing [harm]"));
  EntryReader harm_reader(*harm->as_table(), file, "[harm]");
  ATTUNE_TRY(harm_reader.allow_only({"patterns"}));
  auto harm_patterns = patterns(harm_reader, *harm->as_table());
  if (!harm_patterns) return base::error_of(harm_patterns);
  vocabulary.harm = std::move(*harm_patterns);

  auto rules = top.tables("rules", true);
  if (!rules) return base::error_of(rules);
  for (std::size_t i = 0; i < (*rules)->size(); ++i) {
    auto rule = read_rule(*(*rules)->get(i)->as_table(), file, i);
    if (!rule) return base::error_of(rule);
    vocabulary.rules.push_back(std::move(*rule));
  }
  for (const core::CoachKind kind : core::kCoachKinds) {
    if (std::ranges::none_of(vocabulary.rules,
                             [&](const core::CoachRule& rule) { return rule.kind == kind; })) {
      return std::unexpected(top.error("no rule of kind " + quoted(core::coach_kind_name(kind))));
    }
  }
  return {};
}

}  // namespace

base::Result<core::CoachVocabulary> coach_from_toml(const toml::table& table,
                                                    const std::string& file) {
  EntryReader top(table, file, "coach");
  ATTUNE_TRY(top.allow_only({"negation_window", "context_window", "template_present",
                             "template_past", "rest_fallback", "kinds", "contractions", "words",
                             "past_participles", "harm", "rules"}));
  core::CoachVocabulary vocabulary;
  auto negation_window = top.integer("negation_window", 1, 12);
  if (!negation_window) return base::error_of(negation_window);
  vocabulary.negation_window = static_cast<std::size_t>(*negation_window);
  auto context_window = top.integer("context_window", 1, 20);
  if (!context_window) return base::error_of(context_window);
  vocabulary.context_window = static_cast<std::size_t>(*context_window);
  auto present = suggestion_template(top, "template_present");
  if (!present) return base::error_of(present);
  vocabulary.template_present = std::move(*present);
  auto past = suggestion_template(top, "template_past");
  if (!past) return base::error_of(past);
  vocabulary.template_past = std::move(*past);
  auto fallback = top.line("rest_fallback", kMaxTextChars);
  if (!fallback) return base::error_of(fallback);
  vocabulary.rest_fallback = std::move(*fallback);

  ATTUNE_TRY(read_kinds(top, table, file, vocabulary));
  ATTUNE_TRY(read_contractions(top, table, file, vocabulary));
  ATTUNE_TRY(read_words_table(top, table, file, vocabulary));
  auto participles = word_map(top, table, "past_participles");
  if (!participles) return base::error_of(participles);
  vocabulary.past_participles = std::move(*participles);
  ATTUNE_TRY(read_rules_and_harm(top, table, file, vocabulary));
  vocabulary.index_patterns();
  return vocabulary;
}

}  // namespace attune::content
