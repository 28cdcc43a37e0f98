// Step 1 and 2 of alignment: candidate pairs from an inverted index, scored by the matcher;
// pairs at the threshold are links, and so are mutual best matches at a lower score.
#include <algorithm>
#include <cmath>

#include "align/align.h"

namespace parallax::align {

double TfIdfCosineMatcher::score(const Unit& a, const Unit& b) const {
  return std::clamp(represent::cosine(a.vector, b.vector), 0.0, 1.0);
}

namespace {

struct Posting {
  std::uint32_t unit;
  std::uint32_t article;  // units[unit].ref.article, kept here for the walk (fills padding)
  double weight;
};

// term -> units containing it, with the term's weight there. Terms found in
// too many units (low IDF: "president", "summit" in a set about one summit)
// are left out: they would make every pair a candidate.
std::vector<std::vector<Posting>> build_index(const std::vector<Unit>& units,
                                              const AlignOptions& options) {
  std::uint32_t vocabulary_size = 0;
  for (const Unit& unit : units) {
    for (const auto& t : unit.vector) vocabulary_size = std::max(vocabulary_size, t.term + 1);
  }
  std::vector<std::vector<Posting>> index(vocabulary_size);
  for (std::uint32_t u = 0; u < units.size(); ++u) {
    for (const auto& t : units[u].vector) {
      index[t.term].push_back({u, units[u].ref.article, t.weight});
    }
  }
  // A share of the units, but never more than max_posting_cap: in a big set a share would
  // let each unit walk postings that grow with the set, and cost would grow quadratically.
  const auto share = static_cast<std::size_t>(
      std::ceil(options.max_term_share * static_cast<double>(units.size())));
  const auto cap = std::max(options.min_posting_cap, std::min(share, options.max_posting_cap));
  for (auto& postings : index) {
    if (postings.size() > cap) postings.clear();
  }
  return index;
}

// Scratch of the candidate walk, reused for every unit. `overlap` is dense and all zero
// between units; `touched` lists its non-zero entries.
struct CandidateWalk {
  explicit CandidateWalk(std::size_t unit_count) : overlap(unit_count, 0.0) {}
  std::vector<double> overlap;
  std::vector<std::uint32_t> touched;
  std::vector<std::pair<double, std::uint32_t>> candidates;
};

// The candidates of unit i into `others`, in unit order: later units of other articles that
// share an indexed term with it, at most `cap` of them (the highest partial dot products;
// true when some were dropped). Out of line on purpose: link_units runs once per compare,
// and V8 swaps a WebAssembly function's baseline code for its optimised code only on the
// function's next call, so this walk, called once per unit, is where the optimising tier
// can take over (docs/bench.md, "Round 5"). Natively the call is noise.
[[gnu::noinline]] bool unit_candidates(std::uint32_t i, const std::vector<Unit>& units,
                                       const std::vector<std::vector<Posting>>& index,
                                       std::size_t cap, CandidateWalk& walk,
                                       std::vector<std::uint32_t>* others) {
  const Unit& unit = units[i];
  std::vector<double>& overlap = walk.overlap;
  std::vector<std::uint32_t>& touched = walk.touched;
  std::vector<std::pair<double, std::uint32_t>>& candidates = walk.candidates;
  touched.clear();
  for (const auto& t : unit.vector) {
    // Postings are in unit order: start after unit i (earlier units already paired with it).
    const auto& postings = index[t.term];
    const auto later = std::upper_bound(
        postings.begin(), postings.end(), i,
        [](std::uint32_t unit_index, const Posting& p) { return unit_index < p.unit; });
    for (auto posting_it = later; posting_it != postings.end(); ++posting_it) {
      const Posting& posting = *posting_it;
      if (posting.article == unit.ref.article) continue;
      if (overlap[posting.unit] == 0.0) touched.push_back(posting.unit);
      overlap[posting.unit] += t.weight * posting.weight;
    }
  }
  candidates.clear();
  for (std::uint32_t j : touched) {
    candidates.emplace_back(overlap[j], j);
    overlap[j] = 0.0;
  }
  bool capped = false;
  if (candidates.size() > cap) {
    capped = true;
    // The highest overlaps; ties broken by unit index, a total order, so the kept set never
    // depends on selection internals (they are sorted by unit index below anyway).
    std::nth_element(candidates.begin(), candidates.begin() + static_cast<long>(cap),
                     candidates.end(), [](const auto& x, const auto& y) {
                       return x.first != y.first ? x.first > y.first : x.second < y.second;
                     });
    candidates.resize(cap);
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const auto& x, const auto& y) { return x.second < y.second; });
  others->clear();
  for (const auto& candidate : candidates) others->push_back(candidate.second);
  return capped;
}

}  // namespace

std::vector<UnitLink> link_units(const std::vector<Unit>& units, const SentenceMatcher& matcher,
                                 const AlignOptions& options, bool* truncated) {
  std::vector<UnitLink> links;
  if (truncated != nullptr) *truncated = false;
  if (units.size() < 2) return links;
  const auto index = build_index(units, options);

  CandidateWalk walk(units.size());
  std::vector<std::uint32_t> others;  // the candidates' unit indexes, in order
  std::vector<double> scores;         // their scores
  MatchScratch scratch;
  const double threshold = matcher.threshold();
  const double low = threshold * std::clamp(options.mutual_share, 0.0, 1.0);
  const double margin = std::max(0.0, options.mutual_margin);
  // Every candidate pair scoring at least `low - margin`: enough to know each unit's best and
  // second best in every article whenever the best reaches `low`.
  std::vector<UnitLink> scored;
  for (std::uint32_t i = 0; i < units.size(); ++i) {
    const bool capped =
        unit_candidates(i, units, index, options.max_candidates_per_unit, walk, &others);
    if (capped && truncated != nullptr) *truncated = true;
    matcher.score_many(units[i], units, others, scratch, &scores);
    for (std::size_t k = 0; k < others.size(); ++k) {
      if (scores[k] >= low - margin) scored.push_back({i, others[k], scores[k]});
    }
  }
  if (low >= threshold) {
    for (const UnitLink& link : scored) {
      if (link.score >= threshold) links.push_back(link);
    }
    return links;
  }

  // Mutual best matches: for every unit and every other article, the candidate there with
  // the highest score (ties: the lower unit index), if it beats the second best there by
  // `margin` (a clear best, not one of several look-alikes). A pair below the threshold is
  // kept when each unit is the other's clear best in its article.
  struct Best {
    std::uint32_t unit, article, other;
    double score;
  };
  std::vector<Best> best;
  best.reserve(2 * scored.size());
  for (const UnitLink& link : scored) {
    best.push_back({link.a, units[link.b].ref.article, link.b, link.score});
    best.push_back({link.b, units[link.a].ref.article, link.a, link.score});
  }
  std::sort(best.begin(), best.end(), [](const Best& x, const Best& y) {
    if (x.unit != y.unit) return x.unit < y.unit;
    if (x.article != y.article) return x.article < y.article;
    if (x.score != y.score) return x.score > y.score;
    return x.other < y.other;
  });
  std::vector<std::pair<std::uint32_t, std::uint32_t>> winners;  // (unit, other), sorted
  for (std::size_t k = 0; k < best.size(); ++k) {
    if (k > 0 && best[k].unit == best[k - 1].unit && best[k].article == best[k - 1].article)
      continue;
    const bool second = k + 1 < best.size() && best[k + 1].unit == best[k].unit &&
                        best[k + 1].article == best[k].article;
    if (!second || best[k].score - best[k + 1].score >= margin)
      winners.emplace_back(best[k].unit, best[k].other);
  }
  std::sort(winners.begin(), winners.end());
  auto is_best = [&](std::uint32_t unit, std::uint32_t other) {
    return std::binary_search(winners.begin(), winners.end(), std::pair{unit, other});
  };
  for (const UnitLink& link : scored) {
    const bool long_enough = units[link.a].terms.size() >= options.mutual_min_terms &&
                             units[link.b].terms.size() >= options.mutual_min_terms;
    if (link.score >= threshold ||
        (link.score >= low && long_enough && is_best(link.a, link.b) && is_best(link.b, link.a)))
      links.push_back(link);
  }
  return links;
}

}  // namespace parallax::align
