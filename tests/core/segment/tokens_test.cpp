#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "segment/segment.h"

using parallax::segment::tokenize;

namespace {
std::vector<std::string> norms(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& t : tokenize(text, {0, text.size()})) out.push_back(t.norm);
  return out;
}
using Norms = std::vector<std::string>;
}  // namespace

TEST_CASE("tokens: words, numbers and punctuation", "[segment][tokens]") {
  CHECK(norms("Moscow\u2019s talks, Putin's plan!") ==
        Norms{"moscow's", "talks", "putin's", "plan"});
  CHECK(norms("high-level, face-to-face; - dash -") == Norms{"high-level", "face-to-face", "dash"});
  CHECK(norms("At 11:30 on 15.08.2025 growth hit 3.5 and 1,000 people, 2025.") ==
        Norms{"at", "11:30", "on", "15.08.2025", "growth", "hit", "3.5", "and", "1,000", "people",
              "2025"});
  CHECK(norms("the U.S. and J.D. Vance at 9 a.m.") ==
        Norms{"the", "u.s", "and", "j.d", "vance", "at", "9", "a.m"});
  CHECK(norms("24-hour 15th") == Norms{"24-hour", "15th"});
  CHECK(norms("\u2018quoted\u2019 words") == Norms{"quoted", "words"});
}

TEST_CASE("tokens: NFKC and case folding", "[segment][tokens]") {
  CHECK(norms("STRASSE Stra\u00dfe") == Norms{"strasse", "strasse"});
  CHECK(norms("\uff21\uff22\uff23 \ufb01le") == Norms{"abc", "file"});  // fullwidth, ligature
  CHECK(norms("Cafe\u0301") == Norms{"caf\u00e9"});                     // combining accent composed
  CHECK(norms("\u041f\u0443\u0442\u0438\u043d") == Norms{"\u043f\u0443\u0442\u0438\u043d"});
}

TEST_CASE("tokens: spans and is_number", "[segment][tokens]") {
  const std::string text = "xx Alaska 2025 yy";
  const auto tokens = tokenize(text, {3, 14});
  REQUIRE(tokens.size() == 2);
  CHECK(parallax::slice(text, tokens[0].span) == "Alaska");
  CHECK_FALSE(tokens[0].is_number);
  CHECK(parallax::slice(text, tokens[1].span) == "2025");
  CHECK(tokens[1].is_number);
}

TEST_CASE("tokens: empty and invalid input", "[segment][tokens]") {
  CHECK(norms("").empty());
  CHECK(norms(" .,;!? ").empty());
  const std::string bad =
      "ab\xff\xfe"
      "cd \xc3";
  const auto tokens = tokenize(bad, {0, bad.size()});
  CHECK(tokens.size() == 2);
  CHECK(tokenize("abc", {10, 20}).empty());
}

// --- tokens_within (issue 6): a sentence's tokens taken from its paragraph's ---------------
namespace {

bool same_tokens(const std::vector<parallax::segment::Token>& a, std::size_t first,
                 std::size_t last, const std::vector<parallax::segment::Token>& b) {
  if (last - first != b.size()) return false;
  for (std::size_t i = 0; i < b.size(); ++i) {
    const auto& x = a[first + i];
    if (x.span.start != b[i].span.start || x.span.end != b[i].span.end || x.norm != b[i].norm ||
        x.is_number != b[i].is_number) {
      return false;
    }
  }
  return true;
}

}  // namespace

TEST_CASE("tokens_within gives what tokenize gives for the sentence, or declines",
          "[segment][tokens]") {
  using parallax::Span;
  using parallax::segment::tokens_within;
  // Sentence edges at awkward places: inside initialisms, decimals, hyphenated and
  // apostrophe words, a missing space after a full stop, multi-byte letters and quotes.
  const std::vector<std::string> texts = {
      "The U.S. said 3.5 million. Talks end.Next week they start\u2019s 24-hour talks.",
      "Moscow\u2019s plan \u2013 \u00e9t\u00e9 \u201cquoted\u201d 1,000 people at 11:30. "
      "A.B. C. d.e.f x-ray co-op rock'n'roll",
      "",
      "....",
      "word",
      "\xff\xfe broken \xc3 bytes \xe2\x82 end."};
  std::mt19937 rng(5);
  std::size_t exact = 0, declined = 0;
  for (const std::string& text : texts) {
    for (int trial = 0; trial < 3000; ++trial) {
      // A paragraph span, then a sentence span inside it (sometimes outside: must decline).
      std::size_t p0 = rng() % (text.size() + 1), p1 = rng() % (text.size() + 1);
      if (p0 > p1) std::swap(p0, p1);
      std::size_t s0 = p0 + (p1 > p0 ? rng() % (p1 - p0 + 1) : 0);
      std::size_t s1 = s0 + (p1 > s0 ? rng() % (p1 - s0 + 1) : 0);
      if (trial % 50 == 0) s1 = p1 + 1;  // outside the paragraph
      const Span paragraph{p0, p1}, sentence{s0, s1};
      const auto paragraph_tokens = tokenize(text, paragraph);
      std::size_t first = 0, last = 0;
      if (!tokens_within(text, paragraph, paragraph_tokens, sentence, &first, &last)) {
        ++declined;
        continue;
      }
      ++exact;
      const bool same = same_tokens(paragraph_tokens, first, last, tokenize(text, sentence));
      if (!same) {
        FAIL_CHECK("differs: \"" << text << "\" paragraph " << p0 << "-" << p1 << " sentence " << s0
                                 << "-" << s1);
        return;
      }
    }
  }
  CHECK(exact > 1000);
  CHECK(declined > 100);  // the edges above do cut tokens
}
