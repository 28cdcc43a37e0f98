// Test helper for the article-stance tests: segments texts into the StanceInput list that
// find_actors and analyze_articles take (the Set owns the texts and paragraphs they point to).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "segment/segment.h"
#include "stance/stance.h"

namespace parallax::stance::testing {

struct Set {
  std::vector<std::string> texts;
  std::vector<std::vector<segment::Paragraph>> paragraphs;
  std::vector<StanceInput> inputs;
  explicit Set(std::vector<std::string> t) : texts(std::move(t)) {
    for (const std::string& text : texts) {
      ingest::RawArticle raw;
      raw.text = text;
      paragraphs.push_back(segment::segment_article(raw));
    }
    for (std::size_t i = 0; i < texts.size(); ++i) inputs.push_back({texts[i], &paragraphs[i]});
  }
};

}  // namespace parallax::stance::testing
