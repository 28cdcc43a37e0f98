#include <catch2/catch.hpp>

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
            kBaseline, stemmer) == R"({"id":"s","label":"discuss","related":1.0})");
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
