#include "core/coach/coach_tokens.h"

#include <cstdint>

#include "core/code_point.h"

namespace attune::core {
namespace {

enum class Class { kLetter, kApostrophe, kSeparator, kClauseEnd, kSentenceEnd, kSymbol };

Class classify(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
    return Class::kLetter;
  }
  switch (c) {
    case '\'':
    case 0x2018:
    case 0x2019:
    case 0x02BC:
      return Class::kApostrophe;
    case '.':
    case '!':
    case '?':
    case '\n':
    case 0x2026:
      return Class::kSentenceEnd;
    case ',':
    case ';':
    case ':':
    case '(':
    case ')':
    case '"':
    case 0x201C:
    case 0x201D:
    case 0x2013:
    case 0x2014:
      return Class::kClauseEnd;
    default:
      break;
  }
  if (c < 0x80 || c == 0xFFFD || (c >= 0x2000 && c <= 0x206F) || c == 0x00A0) {
    return Class::kSeparator;
  }
  // Emoji and pictographs stand alone, so "🙄" is a word even when glued to another.
  if ((c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF)) return Class::kSymbol;
  return Class::kLetter;
}

class Builder {
 public:
  explicit Builder(const CoachContractions& contractions) : contractions_(contractions) {}

  void letter(std::string_view bytes, std::size_t cp, std::size_t byte) {
    if (word_.empty()) {
      start_ = cp;
      byte_start_ = byte;
    }
    word_ += bytes;
    end_ = cp + 1;
    byte_end_ = byte + bytes.size();
  }
  void apostrophe() {
    if (!word_.empty()) word_ += '\'';
  }
  void finish_word() {
    while (!word_.empty() && word_.back() == '\'') word_.pop_back();
    if (!word_.empty()) emit_expanded();
    word_.clear();
  }
  void clause_end() {
    finish_word();
    if (!tokens_.empty()) tokens_.back().breaks_after = true;
  }
  void sentence_end() {
    clause_end();
    if (!tokens_.empty() && tokens_.back().sentence == sentence_) ++sentence_;
  }
  void symbol(std::string_view bytes, std::size_t cp, std::size_t byte) {
    finish_word();
    letter(bytes, cp, byte);
    emit(word_);
    word_.clear();
  }
  std::vector<CoachToken> take() {
    finish_word();
    return std::move(tokens_);
  }

 private:
  void emit(std::string word) {
    tokens_.push_back(
        CoachToken{std::move(word), start_, end_, byte_start_, byte_end_, sentence_, false});
  }
  void emit_words(std::string_view words) {
    std::size_t from = 0;
    while (from < words.size()) {
      std::size_t to = words.find(' ', from);
      if (to == std::string_view::npos) to = words.size();
      if (to > from) emit(std::string(words.substr(from, to - from)));
      from = to + 1;
    }
  }
  void emit_expanded() {
    if (auto it = contractions_.words.find(word_); it != contractions_.words.end()) {
      emit_words(it->second);
      return;
    }
    for (const auto& [suffix, expansion] : contractions_.suffixes) {
      if (word_.size() > suffix.size() && word_.ends_with(suffix)) {
        emit(word_.substr(0, word_.size() - suffix.size()));
        emit_words(expansion);
        return;
      }
    }
    emit(word_);
  }

  const CoachContractions& contractions_;
  std::vector<CoachToken> tokens_;
  std::string word_;
  std::size_t start_ = 0, end_ = 0, byte_start_ = 0, byte_end_ = 0, sentence_ = 0;
};

}  // namespace

std::vector<CoachToken> coach_tokens(std::string_view text, const CoachContractions& contractions) {
  Builder builder(contractions);
  std::size_t cp = 0;
  for (std::size_t i = 0; i < text.size(); ++cp) {
    const CodePoint d = decode_code_point(text, i);
    const std::string_view bytes = text.substr(i, d.length);
    switch (classify(d.value)) {
      case Class::kLetter:
        if (d.value < 0x80) {
          const char c = static_cast<char>(d.value);
          const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
          builder.letter(std::string_view(&lower, 1), cp, i);
        } else {
          builder.letter(bytes, cp, i);
        }
        break;
      case Class::kApostrophe:
        builder.apostrophe();
        break;
      case Class::kSeparator:
        builder.finish_word();
        break;
      case Class::kClauseEnd:
        builder.clause_end();
        break;
      case Class::kSentenceEnd:
        builder.sentence_end();
        break;
      case Class::kSymbol:
        builder.symbol(bytes, cp, i);
        break;
    }
    i += d.length;
  }
  return builder.take();
}

}  // namespace attune::core
