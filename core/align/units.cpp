// Which sentences become alignment units: makes_no_claim (align.h). Pure text tests on one
// sentence and its place; never fails.
#include "align/align.h"
#include "segment/segment.h"

namespace parallax::align {

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

}  // namespace

bool makes_no_claim(std::string_view sentence, const SentencePlace& place) {
  if (place.heading && place.after_body) return true;
  if (place.only_in_paragraph && segment::is_byline_or_dateline(sentence)) return true;
  return place.last_in_paragraph && last_visible(sentence) == ':';
}

}  // namespace parallax::align
