#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

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

TEST_CASE("the baseline gives scores and the evidence sentence", "[stance]") {
  parallax::represent::Stemmer stemmer;
  const std::string body =
      "Fans queued. The union denied that harbour workers would strike over pay.";
  const auto result = classify("Harbour workers strike over pay", body, stemmer);
  REQUIRE(result.label == Label::kDisagree);
  CHECK(body.substr(result.evidence.start, result.evidence.size()) ==
        "The union denied that harbour workers would strike over pay.");
  CHECK(result.scores[1] == Approx(result.related));
  CHECK(result.scores[3] == Approx(1 - result.related));
  const auto unrelated = classify("Harbour workers strike", "Fans queued.", stemmer);
  CHECK(unrelated.evidence.empty());
  CHECK(unrelated.scores[3] == 1);
}

// ---- the learned model (resources/stance-v1.json) on constructed pairs ----

namespace {

std::string stance_model_json() {
  std::ifstream in(std::string(PARALLAX_SOURCE_DIR) + "/resources/stance-v1.json",
                   std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

constexpr const char* kClaim = "Giant squid washed ashore on Velmora beach";

}  // namespace

TEST_CASE("the learned model tells unrelated, discuss, agree and disagree apart", "[stance]") {
  const std::string json = stance_model_json();
  if (json.empty()) {
    WARN("resources/stance-v1.json is missing: bash scripts/train-stance.sh");
    return;
  }
  auto loaded = StanceModel::load(json);
  REQUIRE(loaded.ok());
  const StanceModel& model = loaded.value();
  parallax::represent::Stemmer stemmer;

  const auto unrelated = model.classify(
      kClaim,
      "The football season opened with a draw on Saturday. Fans queued for hours outside the "
      "stadium, and the new coach praised the defence. Ticket prices will rise next year, the "
      "club said.",
      stemmer);
  CHECK(unrelated.label == Label::kUnrelated);
  CHECK(unrelated.related < 0.2);
  CHECK(unrelated.evidence.empty());

  const std::string discuss_body =
      "A giant squid reportedly washed ashore on Velmora beach on Sunday, according to posts on "
      "social media. The photos, which have been shared thousands of times, purportedly show the "
      "animal on the sand. Marine experts said such sightings are rare. Reporters are trying to "
      "reach the coast guard for comment.";
  const auto discuss = model.classify(kClaim, discuss_body, stemmer);
  CHECK(discuss.label == Label::kDiscuss);
  CHECK(discuss.related > 0.9);
  CHECK(discuss_body.substr(discuss.evidence.start, discuss.evidence.size())
            .rfind("A giant squid reportedly", 0) == 0);

  const auto agree = model.classify(
      kClaim,
      "A giant squid washed ashore on Velmora beach on Sunday, the coast guard confirmed. Marine "
      "biologists from the university examined the nine-metre animal and said it had died at "
      "sea. The city museum announced that it will put the giant squid on display next month. "
      "Dozens of residents came to see the squid on the beach.",
      stemmer);
  CHECK(agree.label == Label::kAgree);

  const std::string disagree_body =
      "The story that a giant squid washed ashore on Velmora beach is a hoax. The viral photo "
      "was fake: it was made for an art project, officials said. No squid was found on the "
      "beach, and the coast guard denied the reports. The image has been debunked by fact "
      "checkers.";
  const auto disagree = model.classify(kClaim, disagree_body, stemmer);
  CHECK(disagree.label == Label::kDisagree);
  CHECK(disagree_body.substr(disagree.evidence.start, disagree.evidence.size()) ==
        "The story that a giant squid washed ashore on Velmora beach is a hoax.");
  for (const ClaimStance* s : {&unrelated, &discuss, &agree, &disagree})
    CHECK(s->scores[0] + s->scores[1] + s->scores[2] + s->scores[3] == Approx(1.0));
}

TEST_CASE("the learned model survives empty, huge and hostile inputs", "[stance]") {
  const std::string json = stance_model_json();
  if (json.empty()) return;
  auto loaded = StanceModel::load(json);
  REQUIRE(loaded.ok());
  parallax::represent::Stemmer stemmer;
  CHECK(loaded.value().classify("", "", stemmer).label == Label::kUnrelated);
  CHECK(loaded.value().classify(kClaim, "", stemmer).label == Label::kUnrelated);
  CHECK(loaded.value().classify("", "Giant squid on the beach.", stemmer).label ==
        Label::kUnrelated);
  std::string huge;
  while (huge.size() < 2 * kMaxBodyBytes) huge += "A giant squid washed ashore on Velmora beach. ";
  const auto big = loaded.value().classify(kClaim, huge, stemmer);
  CHECK(big.related > 0.5);
  CHECK(big.evidence.end <= kMaxBodyBytes);
  const std::string hostile("\0\x01\xff<script>alert(1)</script>\xc3\x28 squid ?!?!", 40);
  const auto odd = loaded.value().classify(hostile, hostile, stemmer);
  CHECK(odd.scores[0] + odd.scores[1] + odd.scores[2] + odd.scores[3] == Approx(1.0));
  CHECK(odd.evidence.end <= hostile.size());
}
