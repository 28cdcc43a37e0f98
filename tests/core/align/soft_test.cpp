// Soft unit vectors (core/align/soft.cpp): WordNet neighbours of a set's terms, vectors
// expanded with them, latent vectors and the blended matcher. Uses the committed resources.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "align/align.h"
#include "matcher_resources.h"

using namespace parallax;
using namespace parallax::align;

namespace {

const testing::MatcherResources& resources() {
  static const testing::MatcherResources r = testing::load_matcher_resources();
  return r;
}

// Units, one per sentence (all in different articles), with TF-IDF vectors over the set.
struct Set {
  represent::Stemmer stemmer;
  represent::Vocabulary vocabulary;
  std::vector<Unit> units;
};

void build(Set& set, const std::vector<std::string>& sentences) {
  std::vector<std::vector<std::uint32_t>> terms;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    Unit unit;
    unit.ref = {static_cast<std::uint32_t>(i), 0, 0};
    unit.terms = represent::content_terms(sentences[i], Span{0, sentences[i].size()}, set.stemmer,
                                          set.vocabulary);
    terms.push_back(unit.terms);
    set.units.push_back(std::move(unit));
  }
  const represent::TfIdf tfidf(terms, set.vocabulary.size());
  for (Unit& unit : set.units) unit.vector = tfidf.vectorize(unit.terms);
}

bool neighbours(const TermNeighbours& n, const represent::Vocabulary& v, const std::string& a,
                const std::string& b) {
  const std::uint32_t x = v.find(a), y = v.find(b);
  if (x == represent::Vocabulary::kMissing || y == represent::Vocabulary::kMissing) return false;
  for (std::uint32_t k = n.begin[x]; k < n.begin[x + 1]; ++k) {
    if (n.terms[k] == y) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("soft: WordNet neighbours are synonyms and derivations found in the set",
          "[align][soft]") {
  REQUIRE(resources().wordnet);
  Set set;
  build(set, {"A blaze destroyed the depot overnight.", "The fire destroyed a warehouse.",
              "Officials decided to close the road.", "The decision closed the table."});
  const TermNeighbours n = wordnet_neighbours(set.vocabulary, *resources().wordnet);
  REQUIRE(n.begin.size() == set.vocabulary.size() + 1);
  CHECK(neighbours(n, set.vocabulary, "blaze", "fire"));
  CHECK(neighbours(n, set.vocabulary, "fire", "blaze"));  // symmetric
  CHECK(neighbours(n, set.vocabulary, "depot", "warehous"));
  CHECK(neighbours(n, set.vocabulary, "decid", "decis"));  // a derivation across stems
  // Look-alikes of the same story are not synonyms.
  CHECK_FALSE(neighbours(n, set.vocabulary, "fire", "tabl"));
  CHECK_FALSE(neighbours(n, set.vocabulary, "destroy", "close"));
  // No term is its own neighbour; rows are sorted.
  for (std::uint32_t t = 0; t < set.vocabulary.size(); ++t) {
    for (std::uint32_t k = n.begin[t]; k < n.begin[t + 1]; ++k) {
      CHECK(n.terms[k] != t);
      if (k > n.begin[t]) CHECK(n.terms[k - 1] < n.terms[k]);
    }
  }
}

TEST_CASE("soft: a too general synset and an empty WordNet give no neighbours", "[align][soft]") {
  REQUIRE(resources().wordnet);
  Set set;
  build(set, {"A blaze destroyed the depot.", "The fire destroyed a warehouse."});
  WordNetNeighbourOptions strict;
  strict.max_terms_per_synset = 1;  // every shared synset holds two terms: too general
  CHECK(wordnet_neighbours(set.vocabulary, *resources().wordnet, strict).pairs() == 0);
  const TermNeighbours none = wordnet_neighbours(set.vocabulary, represent::WordNet{});
  CHECK(none.pairs() == 0);
  CHECK(none.begin.size() == set.vocabulary.size() + 1);
  WordNetNeighbourOptions one;
  one.max_neighbours = 0;
  CHECK(wordnet_neighbours(set.vocabulary, *resources().wordnet, one).pairs() == 0);
}

TEST_CASE("soft: expanded vectors link a paraphrase and not a look-alike", "[align][soft]") {
  REQUIRE(resources().wordnet);
  Set set;
  build(set, {"A blaze gutted the chemical depot.",      // 0
              "Fire gutted a chemical warehouse.",       // 1: the same in other words
              "The chemical plant reopened in spring.",  // 2: a look-alike (one shared word)
              "Children played in the park all day."});  // 3: unrelated
  const double before01 = represent::cosine(set.units[0].vector, set.units[1].vector);
  const double before02 = represent::cosine(set.units[0].vector, set.units[2].vector);
  expand_vectors(set.units, wordnet_neighbours(set.vocabulary, *resources().wordnet), 0.5);
  const double after01 = represent::cosine(set.units[0].vector, set.units[1].vector);
  const double after02 = represent::cosine(set.units[0].vector, set.units[2].vector);
  CHECK(before01 < 0.35);            // not linked on exact stems
  CHECK(after01 >= 0.35);            // linked once "blaze" ~ "fire" and "depot" ~ "warehouse"
  CHECK(after02 < before02 + 1e-9);  // the look-alike only loses weight
  CHECK(after02 < 0.35);
  CHECK(represent::cosine(set.units[0].vector, set.units[3].vector) == Approx(0.0));
  // Vectors stay sorted and of unit length.
  for (const Unit& unit : set.units) {
    double norm = 0;
    for (std::size_t k = 0; k < unit.vector.size(); ++k) {
      norm += unit.vector[k].weight * unit.vector[k].weight;
      if (k > 0) CHECK(unit.vector[k - 1].term < unit.vector[k].term);
    }
    CHECK(norm == Approx(1.0));
  }
}

TEST_CASE("soft: a weight of 0 or no neighbours leaves the vectors as they are", "[align][soft]") {
  REQUIRE(resources().wordnet);
  Set set;
  build(set, {"A blaze gutted the depot.", "Fire gutted a warehouse."});
  const auto before = set.units[0].vector;
  expand_vectors(set.units, wordnet_neighbours(set.vocabulary, *resources().wordnet), 0.0);
  REQUIRE(set.units[0].vector.size() == before.size());
  for (std::size_t k = 0; k < before.size(); ++k)
    CHECK(set.units[0].vector[k].weight == before[k].weight);
  expand_vectors(set.units, TermNeighbours{}, 0.5);
  CHECK(set.units[0].vector.size() == before.size());
}

TEST_CASE("soft: latent vectors are unit length and closer for related words", "[align][soft]") {
  REQUIRE(resources().lexicon);
  Set set;
  build(set, {"Talks on the treaty resumed.", "Negotiations over the treaty began again.",
              "Zzqx blorf.", "The football team won the cup final."});
  add_latent_vectors(set.units, set.vocabulary, *resources().lexicon);
  REQUIRE(set.units[0].latent.size() == resources().lexicon->dimensions());
  double norm = 0;
  for (const float x : set.units[0].latent) norm += double(x) * x;
  CHECK(norm == Approx(1.0).epsilon(1e-4));
  CHECK(set.units[2].latent.empty());  // no stem the lexicon knows
  const double related = latent_cosine(set.units[0].latent, set.units[1].latent);
  const double unrelated = latent_cosine(set.units[0].latent, set.units[3].latent);
  CHECK(related > unrelated);
  CHECK(latent_cosine(set.units[0].latent, set.units[2].latent) == 0.0);
  CHECK(latent_cosine({}, {}) == 0.0);
}

TEST_CASE("soft: the blended matcher mixes the inner score and the latent cosine",
          "[align][soft]") {
  std::vector<Unit> units(3);
  for (std::uint32_t i = 0; i < 3; ++i) units[i].ref = {i, 0, 0};
  units[0].vector = {{1, 1.0}};
  units[1].vector = {{1, 0.6}, {2, 0.8}};
  units[2].vector = {{3, 1.0}};
  units[0].latent = {1.0f, 0.0f};
  units[1].latent = {0.6f, 0.8f};
  units[2].latent = {};  // none: contributes 0
  const TfIdfCosineMatcher inner(0.42);
  const LatentBlendMatcher blended(inner, 0.25);
  CHECK(blended.threshold() == 0.42);
  CHECK(blended.score(units[0], units[1]) == Approx(0.75 * 0.6 + 0.25 * 0.6));
  CHECK(blended.score(units[0], units[2]) == Approx(0.0));
  MatchScratch scratch;
  std::vector<double> scores;
  blended.score_many(units[0], units, {1, 2}, scratch, &scores);
  REQUIRE(scores.size() == 2);
  CHECK(scores[0] == blended.score(units[0], units[1]));
  CHECK(scores[1] == blended.score(units[0], units[2]));
}
