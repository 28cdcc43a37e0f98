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

}  // namespace

bool makes_no_claim(std::string_view sentence, const SentencePlace& place) {
  if (place.heading && place.after_body) return true;
  if (place.only_in_paragraph && segment::is_byline_or_dateline(sentence)) return true;
  return place.last_in_paragraph && ends_in_colon(sentence);
}

}  // namespace parallax::align
