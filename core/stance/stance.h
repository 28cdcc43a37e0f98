// Stance: how an article body treats a claim (agree, disagree, discuss, unrelated).
//
// Baseline for the `stance` command. `related` is the share of the claim's
// distinct content terms (stemmed, stopwords left out) that occur in the body;
// below kRelatedThreshold the label is "unrelated". Related bodies are labelled
// "disagree" when a body sentence sharing at least a fifth of the claim's terms
// carries a refuting cue ("denied", "false", "hoax", "debunked"), else "discuss".
// It never says "agree": telling agreement from reporting needs the learned
// model of a later version. Never fails; empty inputs are "unrelated".
#pragma once

#include <string_view>

#include "represent/represent.h"

namespace parallax::stance {

enum class Label { kAgree, kDisagree, kDiscuss, kUnrelated };
std::string_view label_name(Label label);  ///< "agree", "disagree", "discuss", "unrelated"

struct ClaimStance {
  Label label = Label::kUnrelated;
  double related = 0;  ///< in [0,1]
};

inline constexpr double kRelatedThreshold = 0.3;

ClaimStance classify(std::string_view claim, std::string_view body, represent::Stemmer& stemmer);

}  // namespace parallax::stance
