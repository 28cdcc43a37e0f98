#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "api/parallax.h"

using namespace parallax;

namespace {
const Resources kBaseline;  // no learned resources: the baseline matcher
}  // namespace

TEST_CASE("match lines echo the id and score the pair", "[api][jsonl]") {
  represent::Stemmer stemmer;
  CHECK(
      match_jsonl_line(
          R"({"id":"p1","a":"Putin and Trump meet in Alaska.","b":"Trump and Putin meet in Alaska"})",
          kBaseline, stemmer) == R"({"id":"p1","same":true,"score":1.0})");
  CHECK(
      match_jsonl_line(R"({"id":2,"a":"The summit starts Friday.","b":"Fishing quotas were cut."})",
                       kBaseline, stemmer) == R"({"id":2,"same":false,"score":0.0})");
}

TEST_CASE("stance lines label the body", "[api][jsonl]") {
  represent::Stemmer stemmer;
  CHECK(stance_jsonl_line(
            R"({"id":"s","claim":"Velmora dock strike","body":"A dock strike hit Velmora."})",
            kBaseline, stemmer) ==
        R"({"id":"s","label":"discuss","related":1.0,"scores":{"agree":0.0,"disagree":0.0,)"
        R"("discuss":1.0,"unrelated":0.0},"evidence":{"text":"A dock strike hit Velmora.",)"
        R"("start":0,"end":26}})");
  // Unrelated: no evidence.
  CHECK(stance_jsonl_line(R"({"id":1,"claim":"Velmora dock strike","body":"Cats sleep."})",
                          kBaseline, stemmer) ==
        R"({"id":1,"label":"unrelated","related":0.0,"scores":{"agree":0.0,"disagree":0.0,)"
        R"("discuss":0.0,"unrelated":1.0}})");
}

TEST_CASE("a stance session gives the bytes of single lines and reuses bodies", "[api][jsonl]") {
  represent::Stemmer stemmer;
  std::string model_json;
  {
    std::ifstream in(std::string(PARALLAX_SOURCE_DIR) + "/resources/stance-v1.json",
                     std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    model_json = out.str();
  }
  if (model_json.empty()) {
    WARN("resources/stance-v1.json is missing: bash scripts/train-stance.sh");
    return;
  }
  auto resources = Resources::load({{"stance-v1.json", model_json}});
  REQUIRE(resources.ok());
  REQUIRE(resources.value().stance_model() != nullptr);
  const std::string body =
      "Harbour workers in Velmora went on strike on Monday over pay. "
      "The union said the strike would last a week.";
  std::string text;
  std::string expected;
  for (int i = 0; i < 4; ++i) {
    const std::string claim = i % 2 ? "Velmora harbour strike" : "Moon landing was staged";
    const std::string line =
        "{\"id\":" + std::to_string(i) + ",\"claim\":\"" + claim + "\",\"body\":\"" + body + "\"}";
    text += line + "\n";
    expected += stance_jsonl_line(line, resources.value(), stemmer) + "\n";
  }
  text += "not json\n\n";
  expected += stance_jsonl_line("not json", resources.value(), stemmer) + "\n";
  StanceSession session(resources.value());
  CHECK(session.lines(text, stemmer) == expected);
  CHECK(session.lines(text, stemmer) == expected);  // from the cache: the same bytes
  CHECK(expected.find("\"id\":1,\"label\":\"unrelated\"") == std::string::npos);
  CHECK(expected.find("\"id\":0,\"label\":\"unrelated\"") != std::string::npos);
}

TEST_CASE("bad lines give an error line, never a crash", "[api][jsonl]") {
  represent::Stemmer stemmer;
  CHECK(match_jsonl_line("not json", kBaseline, stemmer) ==
        R"({"id":null,"error":{"code":"bad_json","message":"This line is not a JSON object."}})");
  CHECK(
      match_jsonl_line(R"({"id":"x","a":"only one side"})", kBaseline, stemmer) ==
      R"({"id":"x","error":{"code":"bad_json","message":"Field \"b\" is missing or not a string."}})");
  CHECK(stance_jsonl_line(R"({"id":[1,2],"claim":5,"body":"x"})", kBaseline, stemmer)
            .find("\"id\":[1,2]") != std::string::npos);
  CHECK(match_jsonl_line("\xff\xfe{}", kBaseline, stemmer).find("bad_json") != std::string::npos);
}

TEST_CASE("map_jsonl keeps one output line per non-blank input line, in order", "[api][jsonl]") {
  represent::Stemmer stemmer;
  const std::string out = map_jsonl(
      "{\"id\":1,\"a\":\"x y\",\"b\":\"x y\"}\r\n\n   \n{\"id\":2,\"a\":\"p\",\"b\":\"q\"}",
      kBaseline, stemmer, match_jsonl_line);
  CHECK(out == "{\"id\":1,\"same\":true,\"score\":1.0}\n{\"id\":2,\"same\":false,\"score\":0.0}\n");
}
