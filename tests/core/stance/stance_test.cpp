#include <catch2/catch.hpp>

#include "stance/stance.h"

using namespace parallax::stance;

TEST_CASE("a body about other things is unrelated", "[stance]") {
  parallax::represent::Stemmer stemmer;
  const auto result =
      classify("Harbour workers strike over pay in Velmora",
               "The football season opened with a draw. Fans queued for hours.", stemmer);
  CHECK(result.label == Label::kUnrelated);
  CHECK(result.related < kRelatedThreshold);
}

TEST_CASE("a body reporting the claim discusses it", "[stance]") {
  parallax::represent::Stemmer stemmer;
  const auto result = classify(
      "Harbour workers strike over pay in Velmora",
      "Harbour workers in Velmora began a strike on Monday. They want higher pay.", stemmer);
  CHECK(result.label == Label::kDiscuss);
  CHECK(result.related == Approx(1.0));
}

TEST_CASE("a body denying the claim disagrees", "[stance]") {
  parallax::represent::Stemmer stemmer;
  const auto result =
      classify("Harbour workers strike over pay in Velmora",
               "The union denied that harbour workers in Velmora would strike over pay.", stemmer);
  CHECK(result.label == Label::kDisagree);
}

TEST_CASE("empty inputs are unrelated and labels have names", "[stance]") {
  parallax::represent::Stemmer stemmer;
  CHECK(classify("", "", stemmer).label == Label::kUnrelated);
  CHECK(label_name(Label::kAgree) == "agree");
  CHECK(label_name(Label::kDisagree) == "disagree");
  CHECK(label_name(Label::kDiscuss) == "discuss");
  CHECK(label_name(Label::kUnrelated) == "unrelated");
}
