// The streaming JSONL commands (`match`, `stance`): one line in, one line out.
#include <nlohmann/json.hpp>

#include "align/align.h"
#include "api/parallax.h"
#include "stance/stance.h"

namespace parallax {

namespace {

using Json = nlohmann::json;

struct Line {
  Json object;
  std::string id_json = "null";  // the input's "id", echoed verbatim as JSON
};

Result<Line> read_line(std::string_view text) {
  Line line;
  line.object = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (line.object.is_discarded() || !line.object.is_object()) {
    return Error{ErrorCode::kBadJson, "This line is not a JSON object."};
  }
  auto id = line.object.find("id");
  if (id != line.object.end())
    line.id_json = id->dump(-1, ' ', false, Json::error_handler_t::replace);
  return line;
}

// The string field `key`, or an error naming it.
Result<std::string> text_field(const Line& line, const char* key) {
  auto it = line.object.find(key);
  if (it == line.object.end() || !it->is_string()) {
    return Error{ErrorCode::kBadJson,
                 std::string("Field \"") + key + "\" is missing or not a string."};
  }
  return it->get<std::string>();
}

std::string failed(const Result<Line>& line, const Error& error) {
  return report::error_line(line.ok() ? line.value().id_json : "null", error);
}

}  // namespace

std::string match_jsonl_line(std::string_view text, const Resources& resources,
                             represent::Stemmer& stemmer) {
  auto line = read_line(text);
  if (!line.ok()) return failed(line, line.error());
  auto a = text_field(line.value(), "a");
  if (!a.ok()) return failed(line, a.error());
  auto b = text_field(line.value(), "b");
  if (!b.ok()) return failed(line, b.error());
  if (const align::LearnedMatcher* matcher = resources.matcher()) {
    const double score = matcher->score_texts(a.value(), b.value(), stemmer);
    return report::match_line(line.value().id_json, score >= matcher->threshold(), score);
  }
  const double score = align::match_pair(a.value(), b.value(), stemmer);
  return report::match_line(line.value().id_json, score >= align::kPairThreshold, score);
}

std::string stance_jsonl_line(std::string_view text, const Resources& resources,
                              represent::Stemmer& stemmer) {
  auto line = read_line(text);
  if (!line.ok()) return failed(line, line.error());
  auto claim = text_field(line.value(), "claim");
  if (!claim.ok()) return failed(line, claim.error());
  auto body = text_field(line.value(), "body");
  if (!body.ok()) return failed(line, body.error());
  return report::stance_line(line.value().id_json,
                             stance::classify(claim.value(), body.value(), stemmer));
}

std::string map_jsonl(std::string_view text, const Resources& resources,
                      represent::Stemmer& stemmer, JsonlLineFunction per_line) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") != std::string_view::npos) {
      out += per_line(line, resources, stemmer);
      out += '\n';
    }
    start = end + 1;
  }
  return out;
}

}  // namespace parallax
