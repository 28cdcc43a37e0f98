// Which sentences become alignment units: makes_no_claim (align.h). Pure text tests on one
// sentence and its place; never fails.
#include "align/align.h"
#include "segment/segment.h"

namespace parallax::align {

namespace {

// A list intro's mark: the last visible character is a colon ("Key concerns include:").
bool ends_in_colon(std::string_view sentence) {
  const std::size_t last = sentence.find_last_not_of(" \t\n\r\f");
  return last != std::string_view::npos && sentence[last] == ':';
}

// A letter's salutation alone in its paragraph: "Dear members,", "Dear readers!" (a newsletter
// or an open letter). At most six words, "Dear " first, a comma, colon or "!" last.
bool is_salutation(std::string_view sentence) {
  const std::size_t first = sentence.find_first_not_of(" \t\n\r\f");
  const std::size_t last = sentence.find_last_not_of(" \t\n\r\f");
  if (first == std::string_view::npos) return false;
  const std::string_view s = sentence.substr(first, last - first + 1);
  const bool letter =
      s.size() > 5 && ((s[5] >= 'A' && s[5] <= 'Z') || (s[5] >= 'a' && s[5] <= 'z'));
  if (!letter || s.substr(0, 5) != "Dear ") return false;
  if (s.back() != ',' && s.back() != ':' && s.back() != '!') return false;
  std::size_t words = 1;
  for (char c : s) words += c == ' ' ? 1 : 0;
  return words <= 6;
}

// A greeting or sign-off alone in its paragraph: "Hi all,", "Kind regards,", "Thanks,". Shape, not
// words: at most three words, a capital first, a comma last and nowhere else, nothing but letters
// (any script), spaces, apostrophes and hyphens between: no number, no sentence end, no list
// marker. A sentence says something more than three words long ("Thanks to the crews, the fire
// was out by dawn."); a list item running on ("- Residents, pets and cars,") has its marker or
// an inner comma.
bool is_greeting_or_sign_off(std::string_view sentence) {
  constexpr std::size_t kMaxWords = 3;
  const std::size_t first = sentence.find_first_not_of(" \t\n\r\f");
  const std::size_t last = sentence.find_last_not_of(" \t\n\r\f");
  if (first == std::string_view::npos || sentence[last] != ',') return false;
  const std::string_view s = sentence.substr(first, last - first);  // without the comma
  if (s.empty() || s[0] < 'A' || s[0] > 'Z') return false;
  std::size_t words = 1;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
    if (c == ' ' || c == '\t') {
      if (s[i - 1] != ' ' && s[i - 1] != '\t') ++words;
    } else if (!letter && c != '\'' && c != '-') {
      return false;
    }
  }
  return words <= kMaxWords;
}

}  // namespace

bool makes_no_claim(std::string_view sentence, const SentencePlace& place) {
  if (place.heading && place.after_body) return true;
  if (place.only_in_paragraph && segment::is_byline_or_dateline(sentence)) return true;
  if (place.only_in_paragraph && (is_salutation(sentence) || is_greeting_or_sign_off(sentence)))
    return true;
  return place.last_in_paragraph && ends_in_colon(sentence);
}

bool announces_explainer(std::string_view text) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  bool clause_start = true;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    const std::string_view rest = text.substr(i);
    if (rest.substr(0, 3) == "\xE2\x80\x93" || rest.substr(0, 3) == "\xE2\x80\x94") {
      clause_start = true;  // an en or em dash
      i += 3;
      continue;
    }
    if (c == ':' || c == '|' || c == '-' || c == '?') {
      clause_start = true;
      ++i;
      continue;
    }
    if (!letter(c)) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && letter(text[end])) ++end;
    if (clause_start) {
      std::string word(text.substr(i, end - i));
      for (char& ch : word) ch = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
      for (const char* wh : {"what", "how", "why", "who", "where", "when", "which"}) {
        if (word == wh) return true;
      }
    }
    clause_start = false;
    i = end;
  }
  return false;
}

}  // namespace parallax::align
