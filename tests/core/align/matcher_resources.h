// Loads the committed matcher resources (resources/*.bin, matcher-v1.json) once per test.
#pragma once

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "align/align.h"

namespace parallax::align::testing {

inline std::string read_resource(const std::string& name) {
  std::ifstream in(std::string(PARALLAX_SOURCE_DIR) + "/resources/" + name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct MatcherResources {
  std::shared_ptr<const represent::Lexicon> lexicon;
  std::shared_ptr<const represent::WordNet> wordnet;
  std::string model_json;
};

inline MatcherResources load_matcher_resources() {
  MatcherResources r;
  auto lexicon = represent::Lexicon::from_bytes(read_resource("news-lexicon.bin"));
  auto wordnet = represent::WordNet::from_bytes(read_resource("wordnet-en.bin"));
  if (lexicon.ok())
    r.lexicon = std::make_shared<const represent::Lexicon>(std::move(lexicon).value());
  if (wordnet.ok())
    r.wordnet = std::make_shared<const represent::WordNet>(std::move(wordnet).value());
  r.model_json = read_resource("matcher-v1.json");
  return r;
}

}  // namespace parallax::align::testing
