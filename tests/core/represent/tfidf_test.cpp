#include <catch2/catch.hpp>

#include <cmath>

#include "represent/represent.h"
#include "segment/segment.h"

using namespace parallax::represent;

TEST_CASE("vocabulary ids follow first-seen order", "[represent][tfidf]") {
  Vocabulary vocabulary;
  CHECK(vocabulary.intern("putin") == 0);
  CHECK(vocabulary.intern("trump") == 1);
  CHECK(vocabulary.intern("putin") == 0);
  CHECK(vocabulary.find("trump") == 1);
  CHECK(vocabulary.find("biden") == Vocabulary::kMissing);
  CHECK(vocabulary.term(1) == "trump");
  CHECK(vocabulary.size() == 2);
}

TEST_CASE("vocabulary keeps every id through its table's growth", "[represent][tfidf]") {
  // Enough terms to double the open-addressing table several times; keys that share a
  // prefix, the empty string, bytes beyond ASCII.
  Vocabulary vocabulary;
  std::vector<std::string> terms = {"", "\xc3\xa9t\xc3\xa9", "a", "a "};
  for (int i = 0; i < 3000; ++i) terms.push_back("term" + std::to_string(i));
  for (std::size_t i = 0; i < terms.size(); ++i) {
    INFO(terms[i]);
    REQUIRE(vocabulary.intern(terms[i]) == i);
  }
  CHECK(vocabulary.size() == terms.size());
  for (std::size_t i = 0; i < terms.size(); ++i) {
    CHECK(vocabulary.find(terms[i]) == i);
    CHECK(vocabulary.intern(terms[i]) == i);
    CHECK(vocabulary.term(static_cast<std::uint32_t>(i)) == terms[i]);
  }
  CHECK(vocabulary.find("term3000") == Vocabulary::kMissing);
  CHECK(vocabulary.find("ter") == Vocabulary::kMissing);
}

TEST_CASE("intern_stem is intern of the stem, remembered per word", "[represent][tfidf]") {
  Stemmer stemmer;
  Vocabulary vocabulary;
  const std::uint32_t talks = vocabulary.intern_stem("talks", stemmer);
  CHECK(vocabulary.term(talks) == "talk");
  CHECK(vocabulary.intern_stem("talking", stemmer) == talks);  // another word, the same stem
  CHECK(vocabulary.intern_stem("talks", stemmer) == talks);
  CHECK(vocabulary.intern("talk") == talks);
  CHECK(vocabulary.find("talks") == Vocabulary::kMissing);  // words are not terms
  const std::uint32_t putin = vocabulary.intern("putin");
  CHECK(vocabulary.intern_stem("putin", stemmer) == putin);
  CHECK(vocabulary.size() == 2);
}

TEST_CASE("content terms are stems of non-stopwords, numbers kept", "[represent][tfidf]") {
  Stemmer stemmer;
  Vocabulary vocabulary;
  const std::string text = "The leaders said Russia's talks begin at 11:30 in 2025.";
  std::vector<std::string> terms;
  for (auto id : content_terms(text, {0, text.size()}, stemmer, vocabulary))
    terms.push_back(vocabulary.term(id));
  CHECK(terms == std::vector<std::string>{"leader", "russia", "talk", "begin", "11:30", "2025"});
}

TEST_CASE("TF-IDF vectors are normalised and rare terms weigh more", "[represent][tfidf]") {
  // term 0 is in every unit, term 1 in one.
  const std::vector<std::vector<std::uint32_t>> units = {{0, 1}, {0}, {0, 2}, {0, 2}};
  TfIdf tfidf(units, 3);
  CHECK(tfidf.unit_count() == 4);
  CHECK(tfidf.unit_frequency(0) == 4);
  CHECK(tfidf.idf(1) > tfidf.idf(2));
  CHECK(tfidf.idf(2) > tfidf.idf(0));

  const SparseVector v = tfidf.vectorize({1, 0, 1});
  REQUIRE(v.size() == 2);
  CHECK(v[0].term == 0);
  CHECK(v[1].term == 1);
  double norm = 0;
  for (const auto& t : v) norm += t.weight * t.weight;
  CHECK(norm == Approx(1.0));
  CHECK(tfidf.vectorize({}).empty());
}

TEST_CASE("cosine of normalised vectors", "[represent][tfidf]") {
  TfIdf tfidf({{0, 1}, {1, 2}}, 3);
  const auto a = tfidf.vectorize({0, 1});
  const auto b = tfidf.vectorize({1, 2});
  CHECK(cosine(a, a) == Approx(1.0));
  CHECK(cosine(a, b) > 0.0);
  CHECK(cosine(a, b) < 1.0);
  CHECK(cosine(a, tfidf.vectorize({2})) == 0.0);
  CHECK(cosine({}, a) == 0.0);
}

TEST_CASE("content terms from tokens equal content terms from the text", "[represent]") {
  const std::string text = "Russia's talks in the U.S. begin on 15 August, 2025; 3.5 million wait.";
  const parallax::Span span{0, text.size()};
  const auto tokens = parallax::segment::tokenize(text, span);
  parallax::represent::Stemmer stemmer_a, stemmer_b;
  parallax::represent::Vocabulary vocabulary_a, vocabulary_b;
  const auto from_text = parallax::represent::content_terms(text, span, stemmer_a, vocabulary_a);
  const auto from_tokens = parallax::represent::content_terms(
      tokens.data(), tokens.data() + tokens.size(), stemmer_b, vocabulary_b);
  CHECK(from_text == from_tokens);
  CHECK(from_text.size() == 10);  // russia talk u.s begin 15 august 2025 3.5 million wait
  CHECK(vocabulary_a.size() == vocabulary_b.size());
  CHECK(parallax::represent::content_terms(tokens.data(), tokens.data(), stemmer_b, vocabulary_b)
            .empty());
}
