// parallax-tone: scores sentiment towards a mention, one JSON line in, one out, for
// scripts/eval-tone.mjs (NewsMTSC). Input lines: {"sentence", "start", "end"} (UTF-8 byte
// offsets of the mention); output lines: {"target": target_sentiment, "sentence":
// sentence_tone}, or {"error": "..."} for a line that cannot be read. Native developer tool.
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "stance/stance.h"

int main() {
  std::ios::sync_with_stdio(false);
  std::string line;
  while (std::getline(std::cin, line)) {
    const nlohmann::json in = nlohmann::json::parse(line, nullptr, false);
    if (in.is_discarded() || !in.is_object() || !in.contains("sentence") ||
        !in["sentence"].is_string()) {
      std::cout << "{\"error\":\"bad line\"}\n";
      continue;
    }
    const std::string sentence = in["sentence"].get<std::string>();
    const std::size_t start = in.value("start", std::size_t{0});
    const std::size_t end = in.value("end", std::size_t{0});
    const parallax::Span whole{0, sentence.size()};
    const parallax::Span mention{std::min(start, sentence.size()), std::min(end, sentence.size())};
    nlohmann::json out{{"target", parallax::stance::target_sentiment(sentence, whole, mention)},
                       {"sentence", parallax::stance::sentence_tone(sentence, whole)}};
    std::cout << out.dump() << "\n";
  }
  return 0;
}
