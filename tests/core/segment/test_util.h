// Helpers shared by the segment tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "segment/segment.h"

namespace parallax::segment::testing {

inline std::vector<std::string> sentence_texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Sentence& s : split_sentences(text, {0, text.size()})) {
    out.emplace_back(slice(text, s.span));
  }
  return out;
}

inline ingest::RawArticle article(std::string text) {
  ingest::RawArticle raw;
  raw.name = "test.txt";
  raw.text = std::move(text);
  return raw;
}

}  // namespace parallax::segment::testing
