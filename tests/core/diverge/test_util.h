// Helpers for the diverge tests: facts of one sentence, and small sets of articles.
#pragma once

#include <string>
#include <vector>

#include "diverge/diverge.h"
#include "ingest/ingest.h"
#include "segment/segment.h"

namespace diverge_test {

using namespace parallax;

inline std::vector<diverge::Fact> facts_of(const std::string& sentence,
                                           const std::string& published = "",
                                           std::vector<std::string> event_places = {}) {
  diverge::Context context;
  context.published = diverge::parse_published(published);
  context.event_places = std::move(event_places);
  return diverge::extract_facts(sentence, {0, sentence.size()}, {0, 0, 0}, context);
}

inline const diverge::Fact* first_of(const std::vector<diverge::Fact>& facts,
                                     diverge::FactKind kind) {
  for (const auto& f : facts)
    if (f.kind == kind) return &f;
  return nullptr;
}

inline std::size_t count_of(const std::vector<diverge::Fact>& facts, diverge::FactKind kind) {
  std::size_t n = 0;
  for (const auto& f : facts) n += f.kind == kind ? 1 : 0;
  return n;
}

/// Articles segmented like the pipeline does, kept alive for the views.
struct Set {
  std::vector<ingest::RawArticle> raws;
  std::vector<std::vector<segment::Paragraph>> paragraphs;
  std::vector<diverge::ArticleView> views;

  explicit Set(const std::vector<std::string>& texts, const std::vector<std::string>& dates = {}) {
    raws.resize(texts.size());
    paragraphs.resize(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
      raws[i].name = "a" + std::to_string(i) + ".txt";
      raws[i].text = texts[i];
      if (i < dates.size()) raws[i].published = dates[i];
      paragraphs[i] = segment::segment_article(raws[i]);
    }
    for (std::size_t i = 0; i < texts.size(); ++i)
      views.push_back({raws[i].text, raws[i].published, raws[i].name, &paragraphs[i]});
  }
  diverge::DivergeResult analyse(const std::vector<align::Claim>& claims = {}) const {
    return diverge::analyse(views, claims);
  }
};

inline std::size_t shown_count(const diverge::DivergeResult& r) {
  std::size_t n = 0;
  for (const auto& c : r.contradictions) n += c.shown() ? 1 : 0;
  return n;
}

}  // namespace diverge_test
