// Soft unit vectors (softalign, issue 3): WordNet synonyms and derivations added to the unit
// vectors, and latent (LSA) sentence vectors blended into the score. Owner: softalign.
// Both are options of compare, off by default (docs/alignment.md, "Soft unit vectors").
// Never fails: missing resources give no neighbours and empty latent vectors. Every step is
// linear in the set (sorts of per-word keys, bounded neighbour lists), and every sum is taken
// in a fixed order, so native and WebAssembly give the same bits.
#include <algorithm>
#include <cmath>
#include <utility>

#include "align/align.h"

namespace parallax::align {

namespace {

// The parts of speech (WordNet::sense_keys bits) a word is looked up in: those the tagger
// lexicon allows for it ("blaze": noun and verb; "warehouse": noun only), none for a
// function word; all four with a WordNet that has no parts of speech.
unsigned possible_parts(const represent::PartOfSpeech& pos, std::string_view word) {
  if (pos.empty()) return 0xfu;
  const represent::PartOfSpeech::Tags tags = pos.lookup(word);
  using Class = represent::PartOfSpeech::Class;
  unsigned parts = 0;
  if (tags.can_be(Class::kNoun) || tags.can_be(Class::kProperNoun)) parts |= 1u;
  if (tags.can_be(Class::kVerb) || tags.can_be(Class::kVerbPast)) parts |= 2u;
  if (tags.can_be(Class::kAdjective)) parts |= 4u;
  if (tags.can_be(Class::kAdverb)) parts |= 8u;
  return parts;
}

}  // namespace

TermNeighbours wordnet_neighbours(const represent::Vocabulary& vocabulary,
                                  const represent::WordNet& wordnet,
                                  const WordNetNeighbourOptions& options) {
  TermNeighbours result;
  const std::size_t term_count = vocabulary.size();
  result.begin.assign(term_count + 1, 0);
  if (wordnet.empty()) return result;

  // (sense key, term) for every word of the set.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> keyed;
  std::vector<std::uint32_t> keys;
  for (std::size_t w = 0; w < vocabulary.word_count(); ++w) {
    const std::string& word = vocabulary.word(w);
    const unsigned parts = possible_parts(wordnet.part_of_speech(), word);
    if (parts == 0) continue;
    keys.clear();
    wordnet.sense_keys(wordnet.lookup(word), parts, &keys);
    for (const std::uint32_t key : keys) keyed.emplace_back(key, vocabulary.word_term(w));
  }
  std::sort(keyed.begin(), keyed.end());
  keyed.erase(std::unique(keyed.begin(), keyed.end()), keyed.end());

  // One synset at a time: the terms naming it (kind 0) are synonyms of each other, and each
  // term reaching it by a derivation (kind 1) or, with `hypernyms`, having it as a direct
  // hypernym (kind 2) is a neighbour of each term naming it.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  std::size_t first = 0;
  while (first < keyed.size()) {
    const std::uint32_t synset = keyed[first].first >> 2;
    std::size_t middle = first;  // [first, middle): names it; [middle, last): reaches it
    while (middle < keyed.size() && keyed[middle].first == synset << 2) ++middle;
    std::size_t last = middle;
    std::size_t counted = middle;  // [first, counted): the terms that count
    while (last < keyed.size() && (keyed[last].first >> 2) == synset) {
      if ((keyed[last].first & 3u) == 1u || options.hypernyms) counted = last + 1;
      ++last;
    }
    if (counted - first <= options.max_terms_per_synset) {
      for (std::size_t i = first; i < middle; ++i) {
        for (std::size_t j = first; j < counted; ++j) {
          const std::uint32_t a = keyed[i].second, b = keyed[j].second;
          if (a == b) continue;
          pairs.emplace_back(a, b);
          pairs.emplace_back(b, a);
        }
      }
    }
    first = last;
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());

  std::size_t k = 0;
  for (std::uint32_t t = 0; t < term_count; ++t) {
    std::size_t kept = 0;
    for (; k < pairs.size() && pairs[k].first == t; ++k) {
      if (kept++ < options.max_neighbours) result.terms.push_back(pairs[k].second);
    }
    result.begin[t + 1] = static_cast<std::uint32_t>(result.terms.size());
  }
  return result;
}

namespace {

// Adds to `target` the neighbours of the terms of `source` (the unit's own vector) that
// `target` lacks, each at `weight` times the largest weight in `target` of a source term it
// neighbours, then normalises. `added` is scratch.
void add_neighbours(const represent::SparseVector& source, const TermNeighbours& neighbours,
                    double weight, represent::SparseVector& target,
                    std::vector<represent::WeightedTerm>& added) {
  const std::size_t term_count = neighbours.begin.empty() ? 0 : neighbours.begin.size() - 1;
  const auto find = [](const represent::SparseVector& v, std::uint32_t id) {
    const auto it = std::lower_bound(
        v.begin(), v.end(), id,
        [](const represent::WeightedTerm& x, std::uint32_t term) { return x.term < term; });
    return it != v.end() && it->term == id ? &*it : nullptr;
  };
  added.clear();
  for (const auto& t : source) {
    if (t.term >= term_count) continue;
    const represent::WeightedTerm* own = find(target, t.term);
    if (own == nullptr) continue;
    for (std::uint32_t k = neighbours.begin[t.term]; k < neighbours.begin[t.term + 1]; ++k) {
      const std::uint32_t other = neighbours.terms[k];
      if (find(target, other) == nullptr) added.push_back({other, weight * own->weight});
    }
  }
  if (added.empty()) return;
  // One entry per new term, at its largest weight.
  std::sort(added.begin(), added.end(), [](const auto& x, const auto& y) {
    return x.term != y.term ? x.term < y.term : x.weight > y.weight;
  });
  added.erase(std::unique(added.begin(), added.end(),
                          [](const auto& x, const auto& y) { return x.term == y.term; }),
              added.end());
  // At most as many new terms as the unit has terms: the heaviest (ties: the lower term id).
  if (added.size() > source.size()) {
    std::nth_element(added.begin(), added.begin() + static_cast<long>(source.size()), added.end(),
                     [](const auto& x, const auto& y) {
                       return x.weight != y.weight ? x.weight > y.weight : x.term < y.term;
                     });
    added.resize(source.size());
    std::sort(added.begin(), added.end(),
              [](const auto& x, const auto& y) { return x.term < y.term; });
  }
  represent::SparseVector merged;
  merged.reserve(target.size() + added.size());
  std::size_t i = 0;
  for (const auto& entry : added) {
    while (i < target.size() && target[i].term < entry.term) merged.push_back(target[i++]);
    merged.push_back(entry);
  }
  while (i < target.size()) merged.push_back(target[i++]);
  double norm = 0;
  for (const auto& t : merged) norm += t.weight * t.weight;
  norm = std::sqrt(norm);
  if (!(norm > 0)) return;
  for (auto& t : merged) t.weight /= norm;
  target = std::move(merged);
}

}  // namespace

void expand_vectors(std::vector<Unit>& units, const TermNeighbours& neighbours, double weight,
                    bool candidates) {
  if (weight <= 0 || neighbours.terms.empty()) return;
  std::vector<represent::WeightedTerm> added;
  for (Unit& unit : units) {
    if (candidates || unit.context.empty())
      add_neighbours(unit.vector, neighbours, weight, unit.vector, added);
    if (!unit.context.empty()) add_neighbours(unit.vector, neighbours, weight, unit.context, added);
  }
}

void add_latent_vectors(std::vector<Unit>& units, const represent::Vocabulary& vocabulary,
                        const represent::Lexicon& lexicon) {
  const std::uint32_t dims = lexicon.dimensions();
  if (dims == 0) return;
  // The lexicon id of each term, looked up once (kMissing: none).
  std::vector<std::uint32_t> lexicon_id(vocabulary.size(), represent::Lexicon::kMissing);
  for (std::uint32_t t = 0; t < vocabulary.size(); ++t)
    lexicon_id[t] = lexicon.find(vocabulary.term(t));
  std::vector<double> sum(dims);
  for (Unit& unit : units) {
    std::fill(sum.begin(), sum.end(), 0.0);
    bool any = false;
    for (const auto& t : unit.vector) {
      if (t.term >= lexicon_id.size()) continue;
      const std::uint32_t id = lexicon_id[t.term];
      if (id == represent::Lexicon::kMissing || !lexicon.has_vector(id) ||
          !(lexicon.vector_norm(id) > 0))
        continue;
      any = true;
      const double scale = t.weight * double(lexicon.vector_scale(id)) / lexicon.vector_norm(id);
      const std::int8_t* v = lexicon.vector(id);
      for (std::uint32_t d = 0; d < dims; ++d) sum[d] += scale * v[d];
    }
    double norm = 0;
    for (const double x : sum) norm += x * x;
    norm = std::sqrt(norm);
    unit.latent.clear();
    if (!any || !(norm > 0)) continue;
    unit.latent.resize(dims);
    for (std::uint32_t d = 0; d < dims; ++d) unit.latent[d] = static_cast<float>(sum[d] / norm);
  }
}

double latent_cosine(const std::vector<float>& a, const std::vector<float>& b) {
  if (a.empty() || a.size() != b.size()) return 0.0;
  double dot = 0;
  for (std::size_t d = 0; d < a.size(); ++d) dot += double(a[d]) * double(b[d]);
  return std::clamp(dot, 0.0, 1.0);
}

double LatentBlendMatcher::score(const Unit& a, const Unit& b) const {
  return (1 - blend_) * inner_.score(a, b) + blend_ * latent_cosine(a.latent, b.latent);
}

void LatentBlendMatcher::score_many(const Unit& a, const std::vector<Unit>& units,
                                    const std::vector<std::uint32_t>& others, MatchScratch& scratch,
                                    std::vector<double>* scores) const {
  inner_.score_many(a, units, others, scratch, scores);
  for (std::size_t k = 0; k < others.size(); ++k) {
    (*scores)[k] =
        (1 - blend_) * (*scores)[k] + blend_ * latent_cosine(a.latent, units[others[k]].latent);
  }
}

}  // namespace parallax::align
