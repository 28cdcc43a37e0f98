// Tests for core/stance/target.cpp: sentiment towards a mention (window rule, learned model).
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "stance/stance.h"
#include "stance/tone_detail.h"

using namespace parallax;
using namespace parallax::stance;

namespace {

Span mention_of(const std::string& s, const std::string& mention) {
  const std::size_t at = s.find(mention);
  REQUIRE(at != std::string::npos);
  return {at, at + mention.size()};
}

double window(const std::string& s, const std::string& mention) {
  return target_window_sentiment(s, {0, s.size()}, mention_of(s, mention));
}

double model(const std::string& s, const std::string& mention) {
  return target_sentiment(s, {0, s.size()}, mention_of(s, mention));
}

const std::string kBoth =
    "The brilliant and generous Merrow arrived in the city on Tuesday, while Tallis, corrupt "
    "and hated, stayed away.";

}  // namespace

TEST_CASE("the window rule follows the words near the mention", "[stance]") {
  CHECK(window("Critics praised Merrow for her brave and honest campaign.", "Merrow") > 0.3);
  CHECK(window("Voters blasted Tallis as a corrupt and incompetent liar.", "Tallis") < -0.3);
  CHECK(window("Merrow met Tallis on Tuesday.", "Merrow") == 0);
  CHECK(window(kBoth, "Merrow") > window(kBoth, "Tallis"));
  CHECK(window(kBoth, "Tallis") < 0);
  CHECK(window("Tallis is not honest.", "Tallis") < 0);
  const std::string s = "A good day.";
  CHECK(target_window_sentiment(s, {0, s.size()}, {50, 60}) ==
        Approx(sentence_tone(s, {0, s.size()})));
}

TEST_CASE("features of a mention", "[stance]") {
  const std::string s = "Tallis is not honest, \"critics\" said.";
  const auto f = target_features(s, {0, s.size()}, mention_of(s, "Tallis"));
  REQUIRE(f.size() == kTargetFeatures);
  CHECK(f[0] == 1.0);   // bias
  CHECK(f[1] < 0);      // the window rule
  CHECK(f[13] == 1.0);  // "not" near the mention
  CHECK(f[17] == 1.0);  // quotes
  CHECK(f[18] == 1.0);  // the mention opens the sentence
  for (double v : f) CHECK(std::isfinite(v));
  // Empty or hostile input gives finite features.
  for (double v : target_features("", {0, 0}, {0, 0})) CHECK(std::isfinite(v));
  const std::string junk("\xFF\x00\xFE", 3);
  for (double v : target_features(junk, {0, 9}, {5, 1})) CHECK(std::isfinite(v));
}

TEST_CASE("the learned model leans with praise and blame", "[stance]") {
  const double praised =
      model("Critics praised Merrow for her brave and honest campaign.", "Merrow");
  const double blamed = model("Voters blasted Tallis as a corrupt and incompetent liar.", "Tallis");
  const double plain = model("Merrow met Tallis on Tuesday.", "Merrow");
  CHECK(praised > 0.2);
  CHECK(blamed < -0.2);
  CHECK(praised > plain);
  CHECK(blamed < plain);
  CHECK(std::fabs(plain) < 0.3);  // a neutral sentence stays near 0
  CHECK(model(kBoth, "Merrow") > model(kBoth, "Tallis"));
  const auto p = target_probabilities(kBoth, {0, kBoth.size()}, mention_of(kBoth, "Tallis"));
  CHECK(p.negative + p.neutral + p.positive == Approx(1.0));
  CHECK(p.negative > p.positive);
}

TEST_CASE("one reading of the sentence serves every mention in it", "[stance]") {
  const Span whole{0, kBoth.size()};
  const detail::SentenceWords read = detail::read_sentence(kBoth, whole);
  for (const char* name : {"Merrow", "Tallis", "city"}) {
    INFO(name);
    const Span m = mention_of(kBoth, name);
    CHECK(detail::target_features(kBoth, whole, m, read) == target_features(kBoth, whole, m));
    CHECK(detail::target_sentiment(kBoth, whole, m, read) == target_sentiment(kBoth, whole, m));
  }
}
