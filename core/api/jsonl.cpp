// The streaming JSONL commands (`match`, `stance`): one line in, one line out.
#include <deque>
#include <memory>
#include <nlohmann/json.hpp>
#include <unordered_map>

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
  StanceSession session(resources);
  return session.line(text, stemmer);
}

// Analysed bodies by text, oldest first out. The map is only looked up, never iterated,
// so output never depends on hash order; a hit is checked against the stored text.
struct StanceSession::Cache {
  struct Entry {
    std::string body;
    stance::AnalysedText analysis;
  };
  std::unordered_map<std::uint64_t, std::size_t> index;  // hash -> position in entries
  std::deque<std::pair<std::uint64_t, std::unique_ptr<Entry>>> entries;
  std::size_t first = 0;  // position of entries.front()
  std::size_t bytes = 0;

  const stance::AnalysedText& get(const std::string& body, represent::Stemmer& stemmer,
                                  const stance::IdfTable& idf) {
    const std::uint64_t hash = fnv1a64(body);
    auto it = index.find(hash);
    if (it != index.end()) {
      Entry& entry = *entries[it->second - first].second;
      if (entry.body == body) return entry.analysis;
    }
    while (!entries.empty() && bytes + body.size() > kCacheBytes) {
      auto& [old_hash, old] = entries.front();
      auto at = index.find(old_hash);
      if (at != index.end() && at->second == first) index.erase(at);
      bytes -= old->body.size();
      entries.pop_front();
      ++first;
    }
    auto entry = std::make_unique<Entry>(Entry{body, stance::analyse_text(body, stemmer, idf)});
    bytes += body.size();
    index[hash] = first + entries.size();
    entries.emplace_back(hash, std::move(entry));
    return entries.back().second->analysis;
  }
};

StanceSession::StanceSession(const Resources& resources)
    : resources_(resources), cache_(std::make_unique<Cache>()) {}
StanceSession::~StanceSession() = default;

std::string StanceSession::line(std::string_view text, represent::Stemmer& stemmer) {
  auto line = read_line(text);
  if (!line.ok()) return failed(line, line.error());
  auto claim = text_field(line.value(), "claim");
  if (!claim.ok()) return failed(line, claim.error());
  auto body = text_field(line.value(), "body");
  if (!body.ok()) return failed(line, body.error());
  const stance::StanceModel* model = resources_.stance_model();
  if (model == nullptr) {
    return report::stance_line(
        line.value().id_json, stance::classify(claim.value(), body.value(), stemmer), body.value());
  }
  const stance::AnalysedText& analysed = cache_->get(body.value(), stemmer, model->idf());
  const stance::ClaimStance result =
      model->classify(stance::analyse_text(claim.value(), stemmer, model->idf()), analysed);
  return report::stance_line(line.value().id_json, result, body.value());
}

std::string StanceSession::lines(std::string_view text, represent::Stemmer& stemmer) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view one = text.substr(start, end - start);
    if (!one.empty() && one.back() == '\r') one.remove_suffix(1);
    if (one.find_first_not_of(" \t") != std::string_view::npos) {
      out += line(one, stemmer);
      out += '\n';
    }
    start = end + 1;
  }
  return out;
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
