// Bylines and datelines: segment::is_byline_or_dateline (segment.h). Pure text test on one
// fragment; never fails.
#include "segment/segment.h"

namespace parallax::segment {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// The sentence's last visible character (0 when there is none).
char last_visible(std::string_view text) {
  std::size_t end = text.size();
  while (end > 0 && is_space(text[end - 1])) --end;
  return end > 0 ? text[end - 1] : '\0';
}

bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

// The length of `prefix` when `text` starts with it, ASCII case folded, else 0.
std::size_t prefix_length(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return 0;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const char c = is_ascii_upper(text[i]) ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
    if (c != prefix[i]) return 0;
  }
  return prefix.size();
}

std::size_t word_count(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = is_space(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

}  // namespace

bool is_byline_or_dateline(std::string_view sentence) {
  constexpr std::size_t kMaxWords = 12;
  std::size_t begin = 0;
  while (begin < sentence.size() &&
         (is_space(sentence[begin]) || sentence[begin] == '*' || sentence[begin] == '_'))
    ++begin;
  const std::string_view text = sentence.substr(begin);
  const char end = last_visible(text);
  if (end == '\0' || end == '.' || end == '!' || end == '?' || end == '"') return false;
  if (word_count(text) > kMaxWords) return false;
  if (std::size_t n = prefix_length(text, "by "); n > 0)
    return n < text.size() && is_ascii_upper(text[n]);
  for (std::string_view word :
       {"published", "updated", "posted", "last updated", "first published"}) {
    const std::size_t n = prefix_length(text, word);
    if (n == 0 || n >= text.size() || (text[n] != ' ' && text[n] != ':')) continue;
    for (char c : text.substr(n))
      if (is_ascii_digit(c)) return true;  // a date or a time follows
    return false;
  }
  return false;
}

}  // namespace parallax::segment
