// Tests for core/stance/tone.cpp: words and VADER-style sentence tone.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "stance/stance.h"
#include "stance/tone_detail.h"

using namespace parallax;
using namespace parallax::stance;

namespace {

double tone(const std::string& s) {
  return sentence_tone(s, {0, s.size()});
}

}  // namespace

TEST_CASE("words keep initials, split capitalised hyphen parts, read curly apostrophes",
          "[stance]") {
  const std::string s =
      "U.S. envoy J.D. Vance met Trump-Putin aides at Moscow\xE2\x80\x99s 3.5-km "
      "anti-Russian \xE2\x80\x9Cwall\xE2\x80\x9D.";
  const auto words = stance_words(s, {0, s.size()});
  std::vector<std::string> lower;
  for (const Word& w : words) lower.push_back(w.lower);
  CHECK(lower == std::vector<std::string>{"u.s.", "envoy", "j.d.", "vance", "met", "trump", "putin",
                                          "aides", "at", "moscow's", "3.5-km", "anti-russian",
                                          "wall"});
  CHECK(words[0].capitalised);
  CHECK(words[0].all_caps);
  CHECK_FALSE(words[1].capitalised);
  CHECK(words[3].next == 'm');                                   // the first byte after the spaces
  CHECK(static_cast<unsigned char>(words.back().next) == 0xE2);  // the closing quote
  for (const Word& w : words) CHECK(w.span.end <= s.size());
}

TEST_CASE("the VADER lexicon is compiled in", "[stance]") {
  CHECK(lexicon_valence("good") == Approx(1.9));
  CHECK(lexicon_valence("horrible") == Approx(-2.5));
  CHECK(lexicon_valence("summit") == 0);
  CHECK(lexicon_valence("") == 0);
  CHECK(lexicon_valence("zzzz") == 0);
  CHECK(lexicon_valence("aas") != 0);  // first record
  CHECK(is_loaded_word("disastrous"));
  CHECK_FALSE(is_loaded_word("catastrophic"));  // VADER rates it only -2.2
  CHECK_FALSE(is_loaded_word("good"));          // AFINN rates it 3 but VADER only 1.9
  CHECK_FALSE(is_loaded_word("meeting"));
}

TEST_CASE("negation flips the sign within three words", "[stance]") {
  CHECK(tone("The talks were good.") > 0.3);
  CHECK(tone("The talks were not good.") < -0.2);
  CHECK(tone("The talks weren't good.") < -0.2);
  CHECK(tone("The talks were never really good.") < 0);
  // Too far away: the negator no longer reaches the rated word.
  CHECK(tone("It was not the case that the outcome of the talks was good.") > 0);
  CHECK(tone("Nobody doubts it.") < 0);  // "doubts" rated, no negator in the list
}

TEST_CASE("degree adverbs boost and dampen, capitals and exclamation marks add", "[stance]") {
  const double plain = tone("The deal is good.");
  CHECK(tone("The deal is very good.") > plain);
  CHECK(tone("The deal is extremely good.") > plain);
  CHECK(tone("The deal is somewhat good.") < plain);
  CHECK(tone("The deal is slightly good.") > 0);
  CHECK(tone("The deal is GOOD.") > plain);
  CHECK(tone("The deal is good!") > plain);
  CHECK(tone("The deal is very bad.") < tone("The deal is bad."));
}

TEST_CASE("but shifts the weight to what follows", "[stance]") {
  CHECK(tone("The food was great, but the talks were terrible.") < 0);
  CHECK(tone("The talks were terrible, but the food was great.") > 0);
}

TEST_CASE("capitalised names inside a sentence carry no valence", "[stance]") {
  CHECK(tone("Officials from the United States arrived.") == 0);
  CHECK(tone("United we stand.") > 0);  // first word: not read as a name
}

TEST_CASE("tone is bounded and empty or hostile text is neutral", "[stance]") {
  CHECK(tone("") == 0);
  CHECK(tone("\xFF\xFE\x80 \xE2\x80") == 0);
  std::string flood;
  for (int i = 0; i < 5000; ++i) flood += "wonderful ";
  const double t = tone(flood);
  CHECK(t > 0.9);
  CHECK(t <= 1.0);
  CHECK(stance_words(flood, {0, flood.size()}).size() == kMaxStanceWords);
  CHECK(sentence_tone("abc", {2, 99}) == 0);  // span past the end
}

TEST_CASE("two-word degree adverbs dampen, as one word does", "[stance]") {
  const double plain = tone("The deal is good.");
  // "kind of" / "sort of": the pair is the dampener, "kind" loses its own valence.
  CHECK(tone("The deal is kind of good.") < plain);
  CHECK(tone("The deal is kind of good.") > 0);
  CHECK(tone("The deal is sort of good.") == Approx(tone("The deal is sorta good.")));
  CHECK(tone("The deal is just enough good.") < plain);
  CHECK(tone("The deal is of good.") == Approx(plain));  // "of" alone boosts nothing
  CHECK(tone("The deal is kind.") > 0);                  // "kind" rated on its own
}

TEST_CASE("one reading of a sentence gives what the public functions give", "[stance]") {
  const std::string sentences[] = {
      "The talks were not really good, but the food was GREAT!",
      "It seems likely that the very corrupt Tallis may possibly lose, said analysts.",
      "Of course, United we stand.",
      "",
      std::string("\xFF\x00\xFE kind of", 11),
  };
  for (const std::string& s : sentences) {
    INFO(s);
    const Span span{0, s.size()};
    const detail::SentenceWords read = detail::read_sentence(s, span);
    const std::vector<Word> words = stance_words(s, span);
    REQUIRE(read.words.size() == words.size());
    REQUIRE(read.lexicon.size() == words.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
      CHECK(read.words[i].lower == words[i].lower);
      CHECK(read.lexicon[i] == lexicon_valence(words[i].lower));
    }
    CHECK(read.valences == word_valences(words));
    CHECK(read.hedges.hedges == count_hedges(words).hedges);
    CHECK(read.hedges.boosters == count_hedges(words).boosters);
    CHECK(detail::sentence_tone(s, span, read.valences) == sentence_tone(s, span));
  }
}

TEST_CASE("the hashed lexicon answers as the sorted tables do", "[stance]") {
  const detail::Lexicon lexicon;
  const char* words[] = {"good", "horrible",  "aas",     "zzz",     "zzzz",   "",
                         "kind", "sort",      "of",      "just",    "enough", "very",
                         "so",   "may",       "maybe",   "in",      "appear", "appeared",
                         "no",   "not",       "without", "certain", "clear",  "the",
                         "u.s.", "don't",     "x-p",     "kind-of", "quite",  "more",
                         "less", "of course", "abandon", "zealot",  "said",   "has",
                         "also", "never",     "isn't",   "nor",     "corrupt"};
  for (const char* w : words) {
    INFO(w);
    const detail::WordEntry hashed = lexicon(w), sorted = detail::lookup_word(w);
    CHECK(hashed.tenths == sorted.tenths);
    CHECK(hashed.booster == sorted.booster);
    CHECK(hashed.pair_start == sorted.pair_start);
    CHECK(hashed.phrase_start == sorted.phrase_start);
    CHECK(sorted.phrase_start == detail::starts_hedge_phrase(w));
    CHECK(hashed.reporting == sorted.reporting);
    CHECK(hashed.filler == sorted.filler);
    CHECK(hashed.negator == sorted.negator);
    CHECK(hashed.loaded == sorted.loaded);
    CHECK(sorted.tenths / 10.0 == lexicon_valence(w));
    CHECK(sorted.loaded == is_loaded_word(w));
  }
  CHECK(detail::lookup_word("said").reporting);
  CHECK_FALSE(detail::lookup_word("has").reporting);
  CHECK(detail::lookup_word("has").filler);
  CHECK(detail::lookup_word("never").negator);
  CHECK(detail::lookup_word("isn't").negator);
  CHECK(lexicon("isn't").negator);
  CHECK_FALSE(detail::lookup_word("the").negator);
  CHECK(detail::lookup_word("kind").pair_start);
  CHECK(detail::lookup_word("very").booster == 1);
  CHECK(detail::lookup_word("in").phrase_start);
  CHECK_FALSE(detail::lookup_word("good").phrase_start);
  const std::string s = "It is kind of clear that the very corrupt Tallis may not win, in fact.";
  const detail::SentenceWords with = detail::read_sentence(s, {0, s.size()}, &lexicon);
  const detail::SentenceWords without = detail::read_sentence(s, {0, s.size()});
  CHECK(with.lexicon == without.lexicon);
  CHECK(with.valences == without.valences);
  CHECK(with.hedges.hedges == without.hedges.hedges);
  CHECK(with.hedges.boosters == without.hedges.boosters);
  CHECK(with.hedges.hedges + with.hedges.boosters > 0);
}

TEST_CASE("ViewTable: inserts, finds, grows", "[stance]") {
  std::vector<std::string> words;
  for (int i = 0; i < 500; ++i) words.push_back("w" + std::to_string(i * 7919 % 1000));
  detail::ViewTable<int> table(4);  // grows several times
  for (std::size_t i = 0; i < words.size(); ++i) table[words[i]] += static_cast<int>(i) + 1;
  for (std::size_t i = 0; i < words.size(); ++i) {
    REQUIRE(table.find(words[i]) != nullptr);
    CHECK(*table.find(words[i]) == static_cast<int>(i) + 1);
  }
  CHECK_FALSE(table.contains("w1000"));
  CHECK_FALSE(table.contains(""));
  table.insert("");
  CHECK(table.contains(""));
  CHECK(*table.find("") == 0);
  detail::ViewSet set;
  set.insert("putin");
  set.insert("putin");
  CHECK(set.contains("putin"));
  CHECK_FALSE(set.contains("puti"));
  CHECK_FALSE(set.contains("putin's"));
}
