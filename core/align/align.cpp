// align_articles (the four steps in order) and the paragraph-context matcher.
#include <algorithm>
#include <cmath>

#include "align/align.h"

namespace parallax::align {

namespace {

constexpr std::size_t kContextNeighbours = 32;  // units on each side counted as context

// Sum of sparse vectors given as loose (term, weight) entries: sorted, merged, normalised.
represent::SparseVector merge_normalised(std::vector<represent::WeightedTerm> entries) {
  std::sort(entries.begin(), entries.end(),
            [](const auto& x, const auto& y) { return x.term < y.term; });
  represent::SparseVector merged;
  for (const auto& entry : entries) {
    if (!merged.empty() && merged.back().term == entry.term) {
      merged.back().weight += entry.weight;
    } else {
      merged.push_back(entry);
    }
  }
  double norm = 0;
  for (const auto& t : merged) norm += t.weight * t.weight;
  if (norm <= 0) return {};
  norm = std::sqrt(norm);
  for (auto& t : merged) t.weight /= norm;
  return merged;
}

// Cosine of `x` with vector_of(units[j]) for every j of `others`, the same values as
// represent::cosine: x is spread out by term once, then each other vector is one pass over
// its own terms. The products are added in increasing term order, as cosine's merge adds
// them, so every sum is bit-identical. `dense` is all zero before and after.
template <typename VectorOf>
void cosines_with(const represent::SparseVector& x, const std::vector<Unit>& units,
                  const std::vector<std::uint32_t>& others, VectorOf vector_of,
                  std::vector<double>& dense, std::vector<double>* scores) {
  scores->clear();
  if (!x.empty() && dense.size() <= x.back().term) dense.resize(x.back().term + 1, 0.0);
  for (const auto& t : x) dense[t.term] = t.weight;
  // Terms are sorted: none after x's last is in x (dense is zero there, as it is beyond).
  const std::uint32_t last = x.empty() ? 0 : x.back().term;
  const double* const weights = dense.data();
  for (const std::uint32_t j : others) {
    double dot = 0;
    if (!x.empty()) {
      for (const auto& t : vector_of(units[j])) {
        if (t.term > last) break;
        if (const double w = weights[t.term]; w != 0) dot += w * t.weight;
      }
    }
    scores->push_back(std::clamp(dot, 0.0, 1.0));
  }
  for (const auto& t : x) dense[t.term] = 0.0;
}

const represent::SparseVector& context_or_vector(const Unit& unit) {
  return unit.context.empty() ? unit.vector : unit.context;
}

}  // namespace

void SentenceMatcher::score_many(const Unit& a, const std::vector<Unit>& units,
                                 const std::vector<std::uint32_t>& others,
                                 MatchScratch& /*scratch*/, std::vector<double>* scores) const {
  scores->clear();
  for (const std::uint32_t j : others) scores->push_back(score(a, units[j]));
}

void TfIdfCosineMatcher::score_many(const Unit& a, const std::vector<Unit>& units,
                                    const std::vector<std::uint32_t>& others, MatchScratch& scratch,
                                    std::vector<double>* scores) const {
  cosines_with(
      a.vector, units, others,
      [](const Unit& u) -> const represent::SparseVector& { return u.vector; }, scratch.dense,
      scores);
}

void ContextCosineMatcher::score_many(const Unit& a, const std::vector<Unit>& units,
                                      const std::vector<std::uint32_t>& others,
                                      MatchScratch& scratch, std::vector<double>* scores) const {
  cosines_with(context_or_vector(a), units, others, context_or_vector, scratch.dense, scores);
}

double ContextCosineMatcher::score(const Unit& a, const Unit& b) const {
  const auto& x = a.context.empty() ? a.vector : a.context;
  const auto& y = b.context.empty() ? b.vector : b.context;
  return std::clamp(represent::cosine(x, y), 0.0, 1.0);
}

void add_paragraph_context(std::vector<Unit>& units, double weight) {
  std::size_t first = 0;
  while (first < units.size()) {
    std::size_t last = first;  // [first, last): one paragraph
    while (last < units.size() && units[last].ref.article == units[first].ref.article &&
           units[last].ref.paragraph == units[first].ref.paragraph)
      ++last;
    for (std::size_t u = first; u < last; ++u) {
      Unit& unit = units[u];
      const std::size_t from = u - std::min(u - first, kContextNeighbours);
      const std::size_t to = std::min(last, u + kContextNeighbours + 1);
      std::vector<represent::WeightedTerm> entries;
      std::size_t entry_count = 0;  // one allocation, not one per neighbour's insert
      for (std::size_t v = from; v < to; ++v) entry_count += v != u ? units[v].vector.size() : 0;
      entries.reserve(entry_count);
      for (std::size_t v = from; v < to; ++v) {
        if (v != u) entries.insert(entries.end(), units[v].vector.begin(), units[v].vector.end());
      }
      if (entries.empty() || weight <= 0) {
        unit.context = unit.vector;
        continue;
      }
      represent::SparseVector neighbours = merge_normalised(std::move(entries));
      for (auto& t : neighbours) t.weight *= weight;
      neighbours.insert(neighbours.end(), unit.vector.begin(), unit.vector.end());
      unit.context = merge_normalised(std::move(neighbours));
    }
    first = last;
  }
}

AlignResult align_articles(const std::vector<Unit>& units,
                           const std::vector<std::uint32_t>& paragraph_counts,
                           const SentenceMatcher& matcher, const AlignOptions& options) {
  AlignResult result;
  result.unit_links = link_units(units, matcher, options, &result.truncated);
  result.claims = cluster_claims(units, result.unit_links, matcher, options);
  add_lead_claims(units, options, &result.claims);
  align_rows(result.claims, paragraph_counts, &result.rows, &result.links);
  return result;
}

}  // namespace parallax::align
