#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

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

// ---- StoryGrouper: compare over JSONL, one comparison per story ----

namespace {

std::string article_line(const std::string& story, int k) {
  return R"({"story":")" + story + R"(","name":")" + story + std::to_string(k) +
         R"(","text":"The ferry to Oskel island resumed on Tuesday after repairs, report )" +
         std::to_string(k) + R"(."})";
}

// The "story" values of the output lines, in order, with "!" for a line carrying an error.
std::vector<std::string> stories_of(const std::string& out) {
  std::vector<std::string> stories;
  std::size_t start = 0;
  while (start < out.size()) {
    const std::size_t end = out.find('\n', start);
    const std::string line = out.substr(start, end - start);
    const std::size_t colon = line.find(':');
    std::string story = line.substr(colon + 1, line.find(',', colon) - colon - 1);
    if (line.find("\"error\":") != std::string::npos) story += "!";
    stories.push_back(story);
    start = end + 1;
  }
  return stories;
}

}  // namespace

TEST_CASE("grouped stories are written when the next story starts", "[api][jsonl]") {
  StoryGrouper grouper(CompareOptions{}, kBaseline);
  CHECK(grouper.add_line(article_line("a", 1)).empty());
  CHECK(grouper.add_line(article_line("a", 2)).empty());
  CHECK(grouper.held_bytes() == article_line("a", 1).size() + article_line("a", 2).size());
  const std::string a = grouper.add_line(article_line("b", 1));  // "a" is complete now
  REQUIRE(stories_of(a) == std::vector<std::string>{"\"a\""});
  CHECK(a.rfind(R"({"story":"a","inputs":2,"analysis":{"schema":"parallax/1")", 0) == 0);
  CHECK(a.find(R"("name":"a1.json")") != std::string::npos);
  CHECK(a.back() == '\n');
  CHECK(std::count(a.begin(), a.end(), '\n') == 1);
  CHECK(grouper.held_bytes() == article_line("b", 1).size());  // only the open story is held
  CHECK(stories_of(grouper.finish()) == std::vector<std::string>{"\"b\""});
  CHECK(grouper.held_bytes() == 0);
  CHECK(grouper.finish().empty());
}

TEST_CASE("the story's analysis is compare_json's on the same articles", "[api][jsonl]") {
  StoryGrouper grouper(CompareOptions{}, kBaseline);
  grouper.add_line(article_line("s", 1));
  grouper.add_line(article_line("s", 2));
  const std::string one = article_line("s", 1), two = article_line("s", 2);
  auto direct = compare_json({{"s1.json", one}, {"s2.json", two}}, CompareOptions{});
  REQUIRE(direct.ok());
  CHECK(grouper.finish() == R"({"story":"s","inputs":2,"analysis":)" + direct.value() + "}\n");
}

TEST_CASE("bad lines, numeric stories, repeated and unsorted stories", "[api][jsonl]") {
  StoryGrouper grouper(CompareOptions{}, kBaseline);
  CHECK(
      grouper.add_line("not json") ==
      "{\"story\":null,\"line\":1,\"error\":{\"code\":\"bad_json\",\"message\":\"This line is not "
      "a JSON object.\"}}\n");
  CHECK(grouper.add_line(R"({"text":"no story"})").find(R"("line":2,"error")") !=
        std::string::npos);
  CHECK(grouper.add_line(R"({"story":5,"name":3,"text":"x"})")
            .find(R"({"story":5,"line":3,"error")") == 0);
  CHECK(grouper.add_line("  \r").empty());  // blank lines are skipped but counted
  grouper.add_line(R"({"story":5,"text":"The dock strike ended on Friday."})");
  std::string out;  // one call after the other (the operands of + have no fixed order)
  for (const std::string& line : {article_line("a", 1), article_line("b", 1), article_line("a", 2)})
    out += grouper.add_line(line);
  out += grouper.finish();
  CHECK(stories_of(out) == std::vector<std::string>{"5", "\"a\"", "\"b\"", "\"a\""});
  CHECK(out.find(R"("name":"article-1.json")") != std::string::npos);  // default name
  // Only the second "a" (it came back after "b") carries the warning.
  const std::size_t warning = out.find(R"({"story":"a","warning":)");
  CHECK(warning != std::string::npos);
  CHECK(warning > out.find(R"({"story":"b")"));

  StoryGrouper unsorted(CompareOptions{}, kBaseline, /*unsorted=*/true);
  std::string held;
  for (const std::string& line : {article_line("a", 1), article_line("b", 1), article_line("a", 2)})
    held += unsorted.add_line(line);
  CHECK(held.empty());
  const std::string all = unsorted.finish();
  CHECK(stories_of(all) == std::vector<std::string>{"\"a\"", "\"b\""});
  CHECK(all.find(R"({"story":"a","inputs":2,)") == 0);
}

TEST_CASE("a story above maxTotalBytes holds nothing and gives too_large", "[api][jsonl]") {
  CompareOptions options;
  options.max_total_bytes = 200;
  StoryGrouper grouper(options, kBaseline);
  grouper.add_line(article_line("big", 1));
  grouper.add_line(article_line("big", 2));  // over 200 bytes now
  CHECK(grouper.held_bytes() == 0);
  grouper.add_line(article_line("big", 3));
  CHECK(grouper.held_bytes() == 0);
  const std::string out = grouper.add_line(article_line("ok", 1));
  CHECK(out.rfind(R"({"story":"big","inputs":3,"error":{"code":"too_large")", 0) == 0);
  CHECK(stories_of(grouper.finish()) == std::vector<std::string>{"\"ok\""});
}
