#include <catch2/catch.hpp>

#include "api/parallax.h"
#include "core/align/matcher_resources.h"

using namespace parallax;

TEST_CASE("no model means the baseline matcher", "[api][resources]") {
  auto none = Resources::load({});
  REQUIRE(none.ok());
  CHECK(none.value().matcher() == nullptr);
  CHECK(none.value().matcher_name() == "tfidf-baseline");
  auto wordnet_only = Resources::load({{"wordnet-en.bin", "not even parsed without a model"}});
  REQUIRE(wordnet_only.ok());
  CHECK(wordnet_only.value().matcher() == nullptr);
}

TEST_CASE("a model without its companions, or corrupt resources, is an error naming the file",
          "[api][resources]") {
  auto alone = Resources::load({{"resources/matcher-v1.json", "{}"}});
  REQUIRE_FALSE(alone.ok());
  CHECK(alone.error().code == ErrorCode::kInvalidArgument);
  CHECK(alone.error().message.find("wordnet-en.bin") != std::string::npos);

  auto corrupt = Resources::load(
      {{"matcher-v1.json", "{}"}, {"wordnet-en.bin", "garbage"}, {"news-lexicon.bin", "garbage"}});
  REQUIRE_FALSE(corrupt.ok());
  CHECK(corrupt.error().message.find("wordnet-en.bin") != std::string::npos);
}

// ---- stance model (stance-v1.json) ----

TEST_CASE("the stance model loads alone, and a corrupt one is an error naming it",
          "[api][resources]") {
  CHECK(Resources::load({}).value().stance_model() == nullptr);  // the rule-based baseline
  auto corrupt = Resources::load({{"resources/stance-v1.json", "{\"format\":"}});
  REQUIRE_FALSE(corrupt.ok());
  CHECK(corrupt.error().code == ErrorCode::kInvalidArgument);
  CHECK(corrupt.error().message.find("stance-v1.json") != std::string::npos);
  auto wrong =
      Resources::load({{"stance-v1.json", R"({"format":"parallax-stance-model","version":9})"}});
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().message.find("version") != std::string::npos);
}

// ---- postag: a WordNet resource without parts of speech (format version 1) ----

using parallax::align::testing::read_resource;
using parallax::align::testing::wordnet_bytes_as_version1;

TEST_CASE("a WordNet without parts of speech still loads the matcher, with a warning",
          "[api][resources]") {
  const std::string lexicon = read_resource("news-lexicon.bin");
  const std::string model = read_resource("matcher-v1.json");
  std::string wordnet = read_resource("wordnet-en.bin");
  REQUIRE(wordnet.size() > 52);
  auto full = Resources::load(
      {{"wordnet-en.bin", wordnet}, {"news-lexicon.bin", lexicon}, {"matcher-v1.json", model}});
  REQUIRE(full.ok());
  CHECK(full.value().warnings().empty());
  // The same file as format version 1: the fifth section cut off, its size field 0.
  wordnet = wordnet_bytes_as_version1(wordnet);
  auto reduced = Resources::load(
      {{"wordnet-en.bin", wordnet}, {"news-lexicon.bin", lexicon}, {"matcher-v1.json", model}});
  REQUIRE(reduced.ok());
  REQUIRE(reduced.value().matcher() != nullptr);
  REQUIRE(reduced.value().warnings().size() == 1);
  CHECK(reduced.value().warnings()[0].find("wordnet-en.bin") != std::string::npos);
  CHECK(reduced.value().warnings()[0].find("no parts of speech") != std::string::npos);
}
