// The learned claim-vs-body stance model: gradient-boosted forests, loading (strict),
// classification with evidence, and the resource's JSON form (stance.h).
// Owner: stance (claim vs body). No I/O: the caller passes the resource text.
#include <cmath>
#include <nlohmann/json.hpp>

#include "stance/stance.h"

namespace parallax::stance {

namespace {

using Json = nlohmann::json;

constexpr std::string_view kFormat = "parallax-stance-model";
constexpr int kVersion = 1;

Error bad(const std::string& problem) {
  return {ErrorCode::kInvalidArgument, "stance model: " + problem};
}

Result<Forest> read_forest(const Json& json, const char* name, std::uint32_t classes,
                           std::size_t features) {
  const std::string where = std::string("\"") + name + "\"";
  if (!json.is_object()) return bad(where + " is missing or not an object.");
  Forest forest;
  forest.classes = classes;
  auto base = json.find("base");
  if (base == json.end() || !base->is_array() || base->size() != classes)
    return bad(where + ".base must hold " + std::to_string(classes) + " numbers.");
  for (const Json& b : *base) {
    if (!b.is_number() || !std::isfinite(b.get<double>()))
      return bad(where + ".base holds a non-number.");
    forest.base.push_back(b.get<double>());
  }
  auto trees = json.find("trees");
  if (trees == json.end() || !trees->is_array()) return bad(where + ".trees is not an array.");
  for (const Json& t : *trees) {
    const std::string tree_where = where + " tree " + std::to_string(forest.trees.size());
    if (!t.is_object() || !t.contains("class") || !t["class"].is_number_unsigned() ||
        t["class"].get<std::uint64_t>() >= classes || !t.contains("nodes") ||
        !t["nodes"].is_array() || t["nodes"].empty())
      return bad(tree_where + " needs a class below " + std::to_string(classes) +
                 " and a non-empty nodes array.");
    Forest::Tree tree;
    tree.klass = t["class"].get<std::uint32_t>();
    const std::size_t count = t["nodes"].size();
    for (std::size_t i = 0; i < count; ++i) {
      const Json& n = t["nodes"][i];
      Forest::Node node;
      if (!n.is_array() || (n.size() != 1 && n.size() != 4))
        return bad(tree_where + " node " + std::to_string(i) + " is not [value] or [f,t,l,r].");
      for (const Json& x : n)
        if (!x.is_number() || !std::isfinite(x.get<double>()))
          return bad(tree_where + " node " + std::to_string(i) + " holds a non-number.");
      if (n.size() == 1) {
        node.value = n[0].get<double>();
      } else {
        if (!n[0].is_number_integer() || !n[2].is_number_integer() || !n[3].is_number_integer())
          return bad(tree_where + " node " + std::to_string(i) + ": indexes must be integers.");
        const auto feature = n[0].get<std::int64_t>();
        const auto left = n[2].get<std::int64_t>(), right = n[3].get<std::int64_t>();
        if (feature < 0 || static_cast<std::size_t>(feature) >= features)
          return bad(tree_where + " node " + std::to_string(i) + ": feature out of range.");
        // Children come after their parent: no cycles, evaluation always ends.
        if (left <= static_cast<std::int64_t>(i) || right <= static_cast<std::int64_t>(i) ||
            left >= static_cast<std::int64_t>(count) || right >= static_cast<std::int64_t>(count))
          return bad(tree_where + " node " + std::to_string(i) + ": child out of range.");
        node.feature = static_cast<std::int32_t>(feature);
        node.threshold = n[1].get<double>();
        node.left = static_cast<std::int32_t>(left);
        node.right = static_cast<std::int32_t>(right);
      }
      tree.nodes.push_back(node);
    }
    forest.trees.push_back(std::move(tree));
  }
  return forest;
}

Json forest_json(const Forest& forest, const std::vector<std::string>& classes) {
  Json trees = Json::array();
  for (const Forest::Tree& tree : forest.trees) {
    Json nodes = Json::array();
    for (const Forest::Node& n : tree.nodes) {
      if (n.feature < 0) {
        nodes.push_back(Json::array({n.value}));
      } else {
        nodes.push_back(Json::array({n.feature, n.threshold, n.left, n.right}));
      }
    }
    trees.push_back(Json{{"class", tree.klass}, {"nodes", std::move(nodes)}});
  }
  return Json{{"classes", classes}, {"base", forest.base}, {"trees", std::move(trees)}};
}

// Which cue classes make a sentence good evidence for a label.
std::uint8_t evidence_cues(Label label) {
  switch (label) {
    case Label::kDisagree:
      return kRefuting | kNegation;
    case Label::kAgree:
      return kConfirming;
    case Label::kDiscuss:
      return kHedging;
    case Label::kUnrelated:
      return 0;
  }
  return 0;
}

}  // namespace

std::vector<double> Forest::probabilities(const std::vector<double>& features) const {
  std::vector<double> score = base;
  score.resize(classes, 0);
  for (const Tree& tree : trees) {
    std::size_t at = 0;
    while (tree.nodes[at].feature >= 0) {
      const Node& n = tree.nodes[at];
      const double x =
          static_cast<std::size_t>(n.feature) < features.size() ? features[n.feature] : 0;
      at = static_cast<std::size_t>(x <= n.threshold ? n.left : n.right);
    }
    score[tree.klass] += tree.nodes[at].value;
  }
  double top = score.empty() ? 0 : score[0];
  for (double s : score) top = std::max(top, s);
  double sum = 0;
  for (double& s : score) {
    s = std::exp(s - top);
    sum += s;
  }
  for (double& s : score) s /= sum;
  return score;
}

Result<StanceModel> StanceModel::load(std::string_view text) {
  const Json json = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) return bad("not a JSON object.");
  if (json.value("format", std::string()) != kFormat)
    return bad("format is not \"" + std::string(kFormat) + "\".");
  if (!json.contains("version") || !json["version"].is_number_integer() ||
      json["version"].get<int>() != kVersion)
    return bad("version is not " + std::to_string(kVersion) + ".");
  const auto& names = claim_feature_names();
  auto features = json.find("features");
  if (features == json.end() || !features->is_array() || features->size() != names.size())
    return bad("features must list the " + std::to_string(names.size()) +
               " features this build computes.");
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!(*features)[i].is_string() || (*features)[i].get<std::string>() != names[i])
      return bad("feature " + std::to_string(i) + " is not \"" + names[i] + "\".");
  }
  auto idf = json.find("idf");
  if (idf == json.end() || !idf->is_object() || !idf->contains("documents") ||
      !(*idf)["documents"].is_number_unsigned() || !idf->contains("df") ||
      !(*idf)["df"].is_object())
    return bad("idf needs \"documents\" and a \"df\" object.");
  const auto documents = (*idf)["documents"].get<std::uint64_t>();
  if (documents == 0 || documents > 0xffffffffull) return bad("idf.documents is out of range.");
  std::vector<std::pair<std::string, std::uint32_t>> dfs;
  for (auto it = (*idf)["df"].begin(); it != (*idf)["df"].end(); ++it) {
    if (!it.value().is_number_unsigned() || it.value().get<std::uint64_t>() > documents)
      return bad("idf.df[\"" + it.key() + "\"] is not a count up to idf.documents.");
    dfs.emplace_back(it.key(), it.value().get<std::uint32_t>());
  }
  auto related = read_forest(json.value("related", Json()), "related", 2, names.size());
  if (!related.ok()) return related.error();
  auto stance = read_forest(json.value("stance", Json()), "stance", 3, names.size());
  if (!stance.ok()) return stance.error();
  return StanceModel(IdfTable(static_cast<std::uint32_t>(documents), dfs),
                     std::move(related).value(), std::move(stance).value());
}

ClaimStance StanceModel::classify(const AnalysedText& claim, const AnalysedText& body) const {
  ClaimStance result;
  if (claim.counts.empty() || body.counts.empty()) return result;  // nothing to compare
  const std::vector<double> features = claim_features(claim, body);
  const double related = related_.probabilities(features)[1];
  const std::vector<double> p = stance_.probabilities(features);
  result.related = related;
  result.scores = {related * p[0], related * p[1], related * p[2], 1 - related};
  if (related < 0.5) return result;
  std::size_t best = 0;
  for (std::size_t k = 1; k < 3; ++k)
    if (p[k] > p[best]) best = k;
  result.label = static_cast<Label>(best);
  // Evidence: the sentence closest to the claim, preferring one with the label's cues.
  const std::uint8_t wanted = evidence_cues(result.label);
  double best_score = -1;
  for (std::size_t s = 0; s < body.sentences.size(); ++s) {
    double score = dot(claim.vector, body.sentence_vectors[s]);
    bool cue = false;
    for (std::uint32_t i = body.first_token[s]; i < body.first_token[s + 1] && !cue; ++i)
      cue = (body.tokens[i].cues & wanted) != 0;
    if (cue && score > 0.1) score += 0.15;
    if (score > best_score) {
      best_score = score;
      result.evidence = body.sentences[s];
    }
  }
  return result;
}

ClaimStance StanceModel::classify(std::string_view claim, std::string_view body,
                                  represent::Stemmer& stemmer) const {
  return classify(analyse_text(claim, stemmer, idf_), analyse_text(body, stemmer, idf_));
}

std::string model_to_json(std::uint32_t documents,
                          const std::vector<std::pair<std::string, std::uint32_t>>& dfs,
                          const Forest& related, const Forest& stance, std::string_view info_json) {
  Json df = Json::object();
  for (const auto& [stem, count] : dfs)
    if (count >= 2) df[stem] = count;
  Json info = Json::parse(info_json, nullptr, false);
  if (info.is_discarded()) info = Json::object();
  Json out{{"format", kFormat},
           {"version", kVersion},
           {"features", claim_feature_names()},
           {"idf", Json{{"documents", documents}, {"df", std::move(df)}}},
           {"related", forest_json(related, {"unrelated", "related"})},
           {"stance", forest_json(stance, {"agree", "disagree", "discuss"})},
           {"info", std::move(info)}};
  return out.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace parallax::stance
