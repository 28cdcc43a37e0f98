// Loads the committed matcher resources (resources/*.bin, matcher-v1.json) once per test.
#pragma once

#include <cstdint>
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

/// WordNet resource bytes as format version 1, as an old file looks: the fifth section (the
/// parts of speech, whose size is the little-endian uint32 at byte 48) cut off, that size field
/// zeroed and the version byte (4) set to 1. Bytes too short for a header come back unchanged.
inline std::string wordnet_bytes_as_version1(std::string bytes) {
  if (bytes.size() <= 52) return bytes;
  std::uint32_t pos_bytes = 0;
  for (int i = 0; i < 4; ++i)
    pos_bytes |= std::uint32_t{static_cast<unsigned char>(bytes[48 + i])} << (8 * i);
  if (pos_bytes > bytes.size()) return bytes;
  bytes.resize(bytes.size() - pos_bytes);
  bytes[4] = 1;
  for (int i = 0; i < 4; ++i) bytes[48 + i] = 0;
  return bytes;
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
