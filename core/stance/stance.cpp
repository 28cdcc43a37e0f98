#include "stance/stance.h"

#include <algorithm>
#include <array>

#include "segment/segment.h"

namespace parallax::stance {

namespace {

// Stems (Snowball English) of words that deny or refute what they refer to.
constexpr std::array<std::string_view, 10> kRefutingStems = {
    "deni", "fals", "hoax", "fake", "debunk", "refut", "untru", "baseless", "fabric", "disput"};

std::vector<std::uint32_t> distinct(std::vector<std::uint32_t> terms) {
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  return terms;
}

double share_found(const std::vector<std::uint32_t>& wanted,
                   const std::vector<std::uint32_t>& have) {
  if (wanted.empty()) return 0;
  std::size_t found = 0;
  for (std::uint32_t t : wanted) found += std::binary_search(have.begin(), have.end(), t) ? 1 : 0;
  return static_cast<double>(found) / static_cast<double>(wanted.size());
}

}  // namespace

std::string_view label_name(Label label) {
  switch (label) {
    case Label::kAgree:
      return "agree";
    case Label::kDisagree:
      return "disagree";
    case Label::kDiscuss:
      return "discuss";
    case Label::kUnrelated:
      return "unrelated";
  }
  return "unrelated";
}

ClaimStance classify(std::string_view claim, std::string_view body, represent::Stemmer& stemmer) {
  represent::Vocabulary vocabulary;
  const auto claim_terms =
      distinct(represent::content_terms(claim, {0, claim.size()}, stemmer, vocabulary));
  std::vector<std::uint32_t> refuting;
  for (std::string_view stem : kRefutingStems) refuting.push_back(vocabulary.intern(stem));
  std::sort(refuting.begin(), refuting.end());

  ClaimStance result;
  std::vector<std::uint32_t> body_terms;
  bool refuted = false;
  double best_share = 0;
  Span best, refuting_sentence;
  const std::string_view bounded = body.substr(0, std::min(body.size(), kMaxBodyBytes));
  std::size_t sentences = 0;
  for (const segment::Sentence& sentence : segment::split_sentences(bounded, {0, bounded.size()})) {
    if (++sentences > kMaxSentences) break;
    auto terms = distinct(represent::content_terms(bounded, sentence.span, stemmer, vocabulary));
    const double share = share_found(claim_terms, terms);
    if (share > best_share) {
      best_share = share;
      best = sentence.span;
    }
    if (share >= 0.2 && !refuted) {
      for (std::uint32_t t : terms)
        refuted = refuted || std::binary_search(refuting.begin(), refuting.end(), t);
      if (refuted) refuting_sentence = sentence.span;
    }
    body_terms.insert(body_terms.end(), terms.begin(), terms.end());
  }
  result.related = share_found(claim_terms, distinct(std::move(body_terms)));
  if (result.related < kRelatedThreshold) {
    result.label = Label::kUnrelated;
    result.scores = {0, 0, 0, 1};
  } else {
    result.label = refuted ? Label::kDisagree : Label::kDiscuss;
    result.scores = {0, refuted ? result.related : 0, refuted ? 0 : result.related,
                     1 - result.related};
    result.evidence = refuted ? refuting_sentence : best;
  }
  return result;
}

}  // namespace parallax::stance
