#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "stance/stance.h"

using namespace parallax;
using namespace parallax::stance;

namespace {

double feature(const std::vector<double>& f, const std::string& name) {
  const auto& names = claim_feature_names();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return f[i];
  FAIL("no feature " << name);
  return 0;
}

}  // namespace

TEST_CASE("cue words are found through their Snowball stems", "[stance]") {
  represent::Stemmer stemmer;
  const std::vector<std::pair<std::string, std::uint8_t>> words = {
      {"denied", kRefuting},      {"denies", kRefuting},       {"false", kRefuting},
      {"fake", kRefuting},        {"hoax", kRefuting},         {"debunked", kRefuting},
      {"refuted", kRefuting},     {"untrue", kRefuting},       {"baseless", kRefuting},
      {"fabricated", kRefuting},  {"disputed", kRefuting},     {"bogus", kRefuting},
      {"myth", kRefuting},        {"satirical", kRefuting},    {"prank", kRefuting},
      {"joke", kRefuting},        {"misleading", kRefuting},   {"incorrect", kRefuting},
      {"inaccurate", kRefuting},  {"wrong", kRefuting},        {"dismissed", kRefuting},
      {"rejected", kRefuting},    {"nonsense", kRefuting},     {"spoof", kRefuting},
      {"parody", kRefuting},      {"unfounded", kRefuting},    {"lies", kRefuting},
      {"scam", kRefuting},        {"photoshopped", kRefuting}, {"allegedly", kHedging},
      {"reportedly", kHedging},   {"claims", kHedging},        {"rumours", kHedging},
      {"purportedly", kHedging},  {"apparently", kHedging},    {"unconfirmed", kHedging},
      {"unverified", kHedging},   {"speculation", kHedging},   {"possibly", kHedging},
      {"perhaps", kHedging},      {"suggests", kHedging},      {"appears", kHedging},
      {"seems", kHedging},        {"believed", kHedging},      {"supposedly", kHedging},
      {"unclear", kHedging},      {"may", kHedging},           {"could", kHedging},
      {"confirmed", kConfirming}, {"announced", kConfirming},  {"officially", kConfirming},
      {"revealed", kConfirming},  {"proven", kConfirming},     {"proved", kConfirming},
      {"verified", kConfirming},  {"true", kConfirming},       {"indeed", kConfirming},
      {"actually", kConfirming},  {"authentic", kConfirming},  {"genuine", kConfirming},
      {"not", kNegation},         {"never", kNegation},        {"without", kNegation},
      {"didn't", kNegation},      {"isn't", kNegation},
  };
  for (const auto& [word, cue] : words) {
    INFO(word);
    CHECK(cue_of(word, stemmer.stem(word)) == cue);
  }
  CHECK(cue_of("harbour", stemmer.stem("harbour")) == 0);
}

TEST_CASE("analysis splits sentences, keeps spans and bounds huge or hostile input", "[stance]") {
  represent::Stemmer stemmer;
  const IdfTable idf;
  const std::string body = "Harbour workers went on strike. The union denied it? Nobody knows.";
  const AnalysedText a = analyse_text(body, stemmer, idf);
  REQUIRE(a.sentences.size() == 3);
  CHECK(body.substr(a.sentences[1].start, a.sentences[1].size()) == "The union denied it?");
  CHECK(a.first_token.size() == 4);
  CHECK(a.cue_counts[0] == 1);  // denied
  CHECK(a.question);
  CHECK_FALSE(a.truncated);

  const AnalysedText empty = analyse_text("", stemmer, idf);
  CHECK(empty.sentences.empty());
  CHECK(empty.vector.empty());

  std::string huge;
  while (huge.size() < 3 * kMaxBodyBytes) huge += "Ships sail. ";
  const AnalysedText big = analyse_text(huge, stemmer, idf);
  CHECK(big.truncated);
  CHECK(big.sentences.size() <= kMaxSentences);

  const std::string hostile = std::string("\0\xff\xfe<script>x</script>\x80\xc3", 20) + "?";
  const AnalysedText odd = analyse_text(hostile, stemmer, idf);
  CHECK(odd.sentences.size() <= 2);
  const auto f = claim_features(odd, a);
  CHECK(f.size() == claim_feature_names().size());
}

TEST_CASE("relatedness features see the claim's terms in the body", "[stance]") {
  represent::Stemmer stemmer;
  const IdfTable idf(10, {{"harbour", 1}, {"worker", 5}, {"strike", 2}, {"velmora", 1}});
  CHECK(idf.idf(parallax::fnv1a64("harbour")) > idf.idf(parallax::fnv1a64("worker")));
  CHECK(idf.idf(parallax::fnv1a64("unknown")) == Approx(idf.idf(parallax::fnv1a64("harbour"))));

  const AnalysedText claim = analyse_text("Harbour workers strike in Velmora", stemmer, idf);
  const AnalysedText same = analyse_text(
      "The weather was fine. Harbour workers strike in Velmora. Talks failed.", stemmer, idf);
  const AnalysedText other =
      analyse_text("The football season opened with a draw. Fans queued.", stemmer, idf);
  const auto f_same = claim_features(claim, same);
  const auto f_other = claim_features(claim, other);
  REQUIRE(f_same.size() == claim_feature_names().size());
  CHECK(feature(f_same, "cos_best") == Approx(1.0));
  CHECK(feature(f_same, "share_body") == Approx(1.0));
  CHECK(feature(f_same, "best_position") == Approx(0.5));
  CHECK(feature(f_same, "share_names") == Approx(1.0));  // Velmora
  CHECK(feature(f_same, "share_numbers") == -1);         // the claim has none
  CHECK(feature(f_other, "cos_best") == 0);
  CHECK(feature(f_other, "share_body") == 0);
  CHECK(feature(f_other, "bm25") == 0);
}

TEST_CASE("cues count only near the claim's key terms", "[stance]") {
  represent::Stemmer stemmer;
  const IdfTable idf;
  const AnalysedText claim = analyse_text("Harbour workers strike in Velmora", stemmer, idf);
  const AnalysedText near = analyse_text(
      "The union denied that harbour workers would strike. It was a hoax.", stemmer, idf);
  const AnalysedText far = analyse_text(
      "Harbour workers strike in Velmora. In other news, the minister denied everything about "
      "the budget, which critics had called a hoax last winter in the capital city.",
      stemmer, idf);
  const auto f_near = claim_features(claim, near);
  const auto f_far = claim_features(claim, far);
  CHECK(feature(f_near, "refuting_near") == 1);  // denied (hoax is in a sentence without terms)
  CHECK(feature(f_near, "refuting_share") > 0.3);
  CHECK(feature(f_far, "refuting_near") == 0);
  CHECK(feature(f_far, "refuting_density") > 0);

  const AnalysedText negated = analyse_text("Harbour workers did not strike", stemmer, idf);
  const AnalysedText plain = analyse_text("Harbour workers strike in Velmora.", stemmer, idf);
  CHECK(feature(claim_features(negated, plain), "polarity_mismatch") == 1);
  CHECK(feature(claim_features(claim, plain), "polarity_mismatch") == 0);
  CHECK(feature(claim_features(analyse_text("Did workers strike?", stemmer, idf), plain),
                "claim_question") == 1);
}

TEST_CASE("body sentences never run across a blank line", "[stance]") {
  represent::Stemmer stemmer;
  const IdfTable idf;
  // A heading and a byline without full stops, as pages and CMSs join them with blank lines.
  const std::string body =
      "Ferry service resumes\n\nBy Ann Lee, harbour reporter\n \nThe ferry will sail again on "
      "Friday. It stopped in May.\n\n\n";
  const AnalysedText a = analyse_text(body, stemmer, idf);
  REQUIRE(a.sentences.size() == 4);
  CHECK(body.substr(a.sentences[0].start, a.sentences[0].size()) == "Ferry service resumes");
  CHECK(body.substr(a.sentences[1].start, a.sentences[1].size()) == "By Ann Lee, harbour reporter");
  CHECK(body.substr(a.sentences[2].start, a.sentences[2].size()) ==
        "The ferry will sail again on Friday.");
  CHECK(body.substr(a.sentences[3].start, a.sentences[3].size()) == "It stopped in May.");
}
