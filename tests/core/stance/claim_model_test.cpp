#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include "stance/stance.h"

using namespace parallax;
using namespace parallax::stance;

namespace {

std::string committed_model() {
  std::ifstream in(std::string(PARALLAX_SOURCE_DIR) + "/resources/stance-v1.json",
                   std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A one-split forest: class 1 wins when feature 0 (claim_terms) is above 2.
Forest tiny_forest(std::uint32_t classes) {
  Forest forest;
  forest.classes = classes;
  forest.base.assign(classes, 0);
  Forest::Tree tree;
  tree.klass = 1;
  tree.nodes = {{0, 2.0, 1, 2, 0}, {-1, 0, 0, 0, -1.5}, {-1, 0, 0, 0, 2.5}};
  forest.trees.push_back(tree);
  return forest;
}

std::string tiny_model_json() {
  return model_to_json(10, {{"harbour", 3}, {"rare", 1}}, tiny_forest(2), tiny_forest(3),
                       R"({"note":"test"})");
}

}  // namespace

TEST_CASE("forests sum their trees and apply softmax", "[stance]") {
  const Forest forest = tiny_forest(3);
  std::vector<double> few(claim_feature_names().size(), 0), many = few;
  many[0] = 5;
  const auto p_few = forest.probabilities(few);
  const auto p_many = forest.probabilities(many);
  const double e = std::exp(-1.5);
  CHECK(p_few[1] == Approx(e / (2 + e)));
  CHECK(p_many[1] == Approx(std::exp(2.5) / (2 + std::exp(2.5))));
  CHECK(p_many[0] + p_many[1] + p_many[2] == Approx(1.0));
}

TEST_CASE("a model written by model_to_json loads back and classifies", "[stance]") {
  const std::string json = tiny_model_json();
  CHECK(json.find("\"rare\"") == std::string::npos);  // df 1 is the default: not stored
  auto model = StanceModel::load(json);
  REQUIRE(model.ok());
  represent::Stemmer stemmer;
  // Three claim terms (> 2): related, and "disagree" (class 1 of the stance forest) wins.
  const ClaimStance s = model.value().classify("Harbour workers strike in Velmora",
                                               "Harbour workers strike in Velmora today.", stemmer);
  CHECK(s.label == Label::kDisagree);
  CHECK(s.related == Approx(std::exp(2.5) / (1 + std::exp(2.5))));
  CHECK(s.scores[0] + s.scores[1] + s.scores[2] + s.scores[3] == Approx(1.0));
  CHECK(s.evidence.start == 0);
  CHECK(s.evidence.end == 40);
  // Empty or wordless input is unrelated, whatever the trees say.
  CHECK(model.value().classify("", "Harbour workers.", stemmer).label == Label::kUnrelated);
  CHECK(model.value().classify("Harbour", "   ", stemmer).label == Label::kUnrelated);
}

TEST_CASE("model loading is strict: every problem is an error value", "[stance]") {
  const std::string good = tiny_model_json();
  auto fails_with = [](const std::string& json, const std::string& words) {
    auto model = StanceModel::load(json);
    INFO(json.substr(0, 200));
    REQUIRE_FALSE(model.ok());
    CHECK(model.error().code == ErrorCode::kInvalidArgument);
    CHECK(model.error().message.find(words) != std::string::npos);
  };
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string s = good;
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
  };
  fails_with("", "not a JSON object");
  fails_with("[1,2]", "not a JSON object");
  fails_with(good.substr(0, good.size() / 2), "not a JSON object");  // truncated file
  fails_with("\xff\xfe\x00garbage", "not a JSON object");
  fails_with(replaced("parallax-stance-model", "other"), "format");
  fails_with(replaced("\"version\":1", "\"version\":2"), "version");
  fails_with(replaced("\"claim_terms\"", "\"made_up\""), "feature 0");
  fails_with(replaced("\"documents\":10", "\"documents\":0"), "documents");
  fails_with(replaced("\"harbour\":3", "\"harbour\":99"), "harbour");
  fails_with(replaced("[0,2.0,1,2]", "[0,2.0,0,2]"), "child out of range");  // a cycle
  fails_with(replaced("[0,2.0,1,2]", "[0,2.0,1,7]"), "child out of range");
  fails_with(replaced("[0,2.0,1,2]", "[999,2.0,1,2]"), "feature out of range");
  fails_with(replaced("[0,2.0,1,2]", "[0,\"x\",1,2]"), "non-number");
  fails_with(replaced("[-1.5]", "[-1.5,2]"), "[value]");
  fails_with(replaced("\"class\":1", "\"class\":5"), "class");
  fails_with(replaced("\"base\":[0.0,0.0]", "\"base\":[0.0]"), "base");
}

TEST_CASE("the committed model loads", "[stance]") {
  const std::string json = committed_model();
  if (json.empty()) {
    WARN("resources/stance-v1.json is missing: bash scripts/train-stance.sh");
    return;
  }
  auto model = StanceModel::load(json);
  REQUIRE(model.ok());
  CHECK(model.value().idf().documents() > 1000);
}
