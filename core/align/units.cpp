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

}  // namespace

bool makes_no_claim(std::string_view sentence, const SentencePlace& place) {
  if (place.heading && place.after_body) return true;
  if (place.only_in_paragraph && segment::is_byline_or_dateline(sentence)) return true;
  if (place.only_in_paragraph && is_salutation(sentence)) return true;
  return place.last_in_paragraph && ends_in_colon(sentence);
}

}  // namespace parallax::align
