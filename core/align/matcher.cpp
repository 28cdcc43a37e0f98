// LearnedMatcher: the logistic paraphrase model of resources/matcher-v1.json.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "align/align.h"

namespace parallax::align {
namespace {

using Json = nlohmann::json;

Error bad_model(const std::string& what) {
  return Error{ErrorCode::kInvalidArgument,
               "The matcher model is invalid (" + what +
                   "); rebuild resources/matcher-v1.json with scripts/train.sh."};
}

// A JSON array of `size` finite numbers, or false.
bool read_numbers(const Json& model, const char* key, std::size_t size, std::vector<double>* out) {
  auto it = model.find(key);
  if (it == model.end() || !it->is_array() || it->size() != size) return false;
  out->clear();
  for (const Json& v : *it) {
    if (!v.is_number() || !std::isfinite(v.get<double>())) return false;
    out->push_back(v.get<double>());
  }
  return true;
}

bool read_number(const Json& model, const char* key, double* out) {
  auto it = model.find(key);
  if (it == model.end() || !it->is_number() || !std::isfinite(it->get<double>())) return false;
  *out = it->get<double>();
  return true;
}

std::string hex64(std::uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace

Result<LearnedMatcher> LearnedMatcher::load(std::string_view model_json,
                                            std::shared_ptr<const represent::Lexicon> lexicon,
                                            std::shared_ptr<const represent::WordNet> wordnet) {
  if (lexicon == nullptr) return bad_model("no news lexicon was given");
  if (wordnet == nullptr || wordnet->empty()) return bad_model("no WordNet was given");
  const Json model = Json::parse(model_json, nullptr, /*allow_exceptions=*/false);
  if (model.is_discarded() || !model.is_object()) return bad_model("not a JSON object");
  if (model.value("format", std::string()) != "parallax-matcher") {
    return bad_model("\"format\" is not \"parallax-matcher\"");
  }
  // Version 3 adds the word order and role features (mt_*, role_*) to version 2's
  // calibrated logistic model; the format is the same, so both load.
  if (!model.contains("version") || !model["version"].is_number_integer() ||
      (model["version"] != 2 && model["version"] != 3)) {
    return bad_model("unsupported \"version\"; this build reads versions 2 and 3");
  }
  if (model.value("model", std::string()) != "logistic") {
    return bad_model("\"model\" is not \"logistic\"");
  }
  if (model.value("lexicon_checksum", std::string()) != hex64(lexicon->checksum())) {
    return bad_model("it was trained with a different news lexicon (checksum " +
                     model.value("lexicon_checksum", std::string("missing")) + ", lexicon " +
                     hex64(lexicon->checksum()) + ")");
  }
  auto names = model.find("features");
  if (names == model.end() || !names->is_array() || names->empty()) {
    return bad_model("\"features\" is missing");
  }
  LearnedMatcher matcher;
  const std::vector<std::string> known = pair_feature_names(*lexicon);
  auto find = [&](std::string_view n) {
    std::size_t k = 0;
    while (k < known.size() && known[k] != n) ++k;
    return k;
  };
  for (const Json& name : *names) {
    if (!name.is_string()) return bad_model("a feature name is not a string");
    const std::string& n = name.get_ref<const std::string&>();
    // "a*b" is the product of two pair features.
    const std::size_t star = n.find('*');
    const std::size_t first = find(std::string_view(n).substr(0, star));
    const std::size_t second =
        star == std::string::npos ? kSingle : find(std::string_view(n).substr(star + 1));
    if (first == known.size() || second == known.size()) {
      return bad_model("unknown feature \"" + n + "\"");
    }
    matcher.index_.push_back({first, second});
  }
  const std::size_t count = matcher.index_.size();
  if (!read_numbers(model, "mean", count, &matcher.mean_) ||
      !read_numbers(model, "scale", count, &matcher.scale_) ||
      !read_numbers(model, "weights", count, &matcher.weights_)) {
    return bad_model("\"mean\", \"scale\" and \"weights\" must hold one finite number per feature");
  }
  for (double s : matcher.scale_) {
    if (!(s > 0)) return bad_model("a \"scale\" is not positive");
  }
  if (!read_number(model, "bias", &matcher.bias_)) return bad_model("\"bias\" is missing");
  auto calibration = model.find("calibration");
  if (calibration == model.end() || !calibration->is_object() ||
      !read_number(*calibration, "a", &matcher.calibration_a_) ||
      !read_number(*calibration, "b", &matcher.calibration_b_) || !(matcher.calibration_a_ > 0)) {
    return bad_model("\"calibration\" must hold \"a\" > 0 and \"b\"");
  }
  if (!read_number(model, "conflict_factor", &matcher.conflict_factor_) ||
      matcher.conflict_factor_ < 0 || matcher.conflict_factor_ > 1) {
    return bad_model("\"conflict_factor\" must be a number in [0, 1]");
  }
  for (const std::string& name : conflict_feature_names()) matcher.conflicts_.push_back(find(name));
  matcher.near_identical_ = find("near_identical");
  if (!read_number(model, "threshold", &matcher.threshold_) || matcher.threshold_ <= 0 ||
      matcher.threshold_ >= 1) {
    return bad_model("\"threshold\" must be a number in (0, 1)");
  }
  matcher.lexicon_ = std::move(lexicon);
  matcher.wordnet_ = std::move(wordnet);
  return matcher;
}

void LearnedMatcher::prepare(Unit& unit, std::string_view text, Span span,
                             represent::Stemmer& stemmer) const {
  unit.features = std::make_shared<const SentenceFeatures>(
      sentence_features(text, span, stemmer, *lexicon_, wordnet_.get()));
}

double LearnedMatcher::probability(const SentenceFeatures& a, const SentenceFeatures& b) const {
  const std::vector<double> x = pair_features(a, b, *lexicon_, wordnet_.get());
  double z = bias_;
  for (std::size_t i = 0; i < index_.size(); ++i) {
    const auto [first, second] = index_[i];
    const double value = second == kSingle ? x[first] : x[first] * x[second];
    z += weights_[i] * (value - mean_[i]) / scale_[i];
  }
  double p = 1.0 / (1.0 + std::exp(-z));
  if (x[near_identical_] > 0) {
    for (std::size_t c : conflicts_) {
      if (x[c] > 0) p *= conflict_factor_;
    }
  }
  // Platt scaling fitted on out-of-fold scores: a calibrated probability.
  const double q = std::clamp(p, 1e-9, 1 - 1e-9);
  return 1.0 / (1.0 + std::exp(-(calibration_a_ * std::log(q / (1 - q)) + calibration_b_)));
}

double LearnedMatcher::score(const Unit& a, const Unit& b) const {
  if (a.features == nullptr || b.features == nullptr) return 0.0;
  return probability(*a.features, *b.features);
}

double LearnedMatcher::score_texts(std::string_view a, std::string_view b,
                                   represent::Stemmer& stemmer) const {
  const SentenceFeatures fa =
      sentence_features(a, {0, a.size()}, stemmer, *lexicon_, wordnet_.get());
  const SentenceFeatures fb =
      sentence_features(b, {0, b.size()}, stemmer, *lexicon_, wordnet_.get());
  return probability(fa, fb);
}

}  // namespace parallax::align
