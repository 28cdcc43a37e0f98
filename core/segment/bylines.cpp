// Bylines and datelines: segment::is_byline_or_dateline (segment.h). Pure text test on one
// fragment; never fails. The words a "By ..." headline is made of come from npm en-lexicon
// (generated/headline_words.inc, scripts/build-resources.mjs).
#include "segment/segment.h"

#include "segment/generated/headline_words.inc"

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

// `word` (lower-case ASCII letters) is a line of `table` ("\nword\n").
bool in_table(std::string_view table, std::string_view word) {
  constexpr std::size_t kLongest = 32;
  if (word.empty() || word.size() > kLongest) return false;
  char key[kLongest + 2];
  key[0] = '\n';
  for (std::size_t i = 0; i < word.size(); ++i) key[i + 1] = word[i];
  key[word.size() + 1] = '\n';
  return table.find(std::string_view(key, word.size() + 2)) != std::string_view::npos;
}

// What follows "By " reads as a headline ("Land and Sea", "Design", "Fire and Water"), not as
// a name: only ASCII letters, spaces, apostrophes and hyphens (a byline's comma, bar or date
// says byline: "Ada Quillon, Northwire"); every capitalised word a common word of the language
// (not "Sylvia", "Westall", "Reuters"), every lower-case word a function word ("and", "of";
// not "staff"); and the shape of a phrase rather than a name: capitalised words standing one
// by one, alone ("Design") or joined by function words ("Land and Sea"). Two or more
// capitalised words in a row ("John King", "Rose Hill") are kept as a name, whatever they are:
// first names are common words too ("john", "rose", "will"), and so are the words of outlets
// ("The Associated Press", "The Guardian"); "By Popular Demand" or "By All Means" stay bylines.
bool reads_as_headline(std::string_view rest) {
  constexpr std::size_t kLongest = 32;
  std::size_t end = rest.size();
  while (end > 0 && (is_space(rest[end - 1]) || rest[end - 1] == '*' || rest[end - 1] == '_'))
    --end;
  rest = rest.substr(0, end);
  std::size_t run = 0;  // capitalised words in a row so far
  std::size_t capitalised = 0;
  std::size_t i = 0;
  while (i < rest.size()) {
    if (is_space(rest[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    char word[kLongest];
    std::size_t length = 0;
    for (; i < rest.size() && !is_space(rest[i]); ++i) {
      const char c = rest[i];
      const bool letter = is_ascii_upper(c) || (c >= 'a' && c <= 'z');
      if (!letter && c != '\'' && c != '-') return false;
      if (!letter) continue;  // "Hide-and-Seek" is looked up as "hideandseek": no entry
      if (length == kLongest) return false;
      word[length++] = is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
    }
    const std::string_view lower(word, length);
    if (is_ascii_upper(rest[start])) {
      if (!in_table(kHeadlineCommonWords, lower) || ++run > 1) return false;
      ++capitalised;
    } else {
      if (!in_table(kHeadlineFunctionWords, lower)) return false;
      run = 0;
    }
  }
  return capitalised > 0;
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
  if (word_count(text, {0, text.size()}) > kMaxWords) return false;
  if (std::size_t n = prefix_length(text, "by "); n > 0)
    return n < text.size() && is_ascii_upper(text[n]) && !reads_as_headline(text.substr(n));
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
