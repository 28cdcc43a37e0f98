// JSON article input: one object {"title","source","url","published","text"|"html"}
// or an array of them (JSON Lines with one object per line is accepted too).
// nlohmann is used without exceptions: parse(..., nullptr, false) + is_discarded(),
// and every value's type is checked before get<>().
#include <nlohmann/json.hpp>

#include "ingest/detail.h"

namespace parallax::ingest::detail {
namespace {

using nlohmann::json;

constexpr int kMaxDepth = 32;  // article JSON is two levels deep; refuse pathological nesting

// Maximum nesting of [ and { outside strings; stops counting once above the cap.
int nesting_depth(std::string_view text) {
  int depth = 0;
  int max_depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) max_depth = depth;
      if (max_depth > kMaxDepth) return max_depth;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return max_depth;
}

// Records where a parse failed, without exceptions (SAX handlers return false).
class ErrorLocator : public nlohmann::json_sax<json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    message = ex.what();
    // "[json.exception.parse_error.101] parse error at line 3, ..." -> "parse error at line 3, ..."
    const std::size_t bracket = message.find("] ");
    if (!message.empty() && message[0] == '[' && bracket != std::string::npos) {
      message.erase(0, bracket + 2);
    }
    return false;
  }
  std::string message;
};

std::string describe_parse_error(std::string_view text) {
  ErrorLocator locator;
  const bool ok = json::sax_parse(text.begin(), text.end(), &locator);
  if (ok || locator.message.empty()) return "it is not valid JSON";
  return "it is not valid JSON (" + locator.message + ")";
}

std::string_view type_name(const json& value) {
  if (value.is_null()) return "null";
  if (value.is_boolean()) return "a boolean";
  if (value.is_number()) return "a number";
  if (value.is_string()) return "a string";
  if (value.is_array()) return "an array";
  if (value.is_object()) return "an object";
  return "not a string";
}

// Reads one string field; a non-string value is ignored with a warning.
void read_field(const json& object, const char* key, std::string& out, std::string_view where,
                std::vector<std::string>& warnings) {
  const auto it = object.find(key);
  if (it == object.end()) return;
  if (it->is_string()) {
    out = it->get<std::string>();
  } else if (!it->is_null()) {
    warnings.push_back(std::string(where) + "field \"" + key + "\" is " +
                       std::string(type_name(*it)) + ", not a string; ignored");
  }
}

void read_element(const json& value, std::size_t index, bool in_array, JsonParse& out) {
  const std::string where = in_array ? "element " + std::to_string(index) + ": " : "";
  if (!value.is_object()) {
    out.warnings.push_back(where + "is " + std::string(type_name(value)) +
                           ", not an article object; skipped");
    return;
  }
  JsonArticle article;
  article.index = index;
  read_field(value, "title", article.title, where, article.warnings);
  read_field(value, "source", article.source, where, article.warnings);
  read_field(value, "url", article.url, where, article.warnings);
  read_field(value, "published", article.published, where, article.warnings);
  read_field(value, "text", article.text, where, article.warnings);
  read_field(value, "html", article.html, where, article.warnings);
  if (is_blank(article.text) && is_blank(article.html)) {
    out.warnings.push_back(where + "has no \"text\" or \"html\" string; skipped");
    return;
  }
  out.articles.push_back(std::move(article));
}

void read_top(const json& top, JsonParse& out) {
  if (top.is_object()) {
    out.elements = 1;
    read_element(top, 1, false, out);
  } else if (top.is_array()) {
    out.is_array = true;
    out.elements = top.size();
    std::size_t index = 0;
    for (const json& element : top) read_element(element, ++index, out.elements > 1, out);
  } else {
    out.problem = "its top level is " + std::string(type_name(top)) +
                  "; expected an article object or an array of them";
    return;
  }
  if (out.articles.empty() && out.problem.empty()) {
    out.problem = out.elements == 0 ? "it holds an empty array"
                                    : "no article in it has a \"text\" or \"html\" string";
  }
}

// JSON Lines: every non-blank line an object. Only tried when the whole text is not JSON.
bool read_json_lines(std::string_view text, JsonParse& out) {
  std::vector<json> objects;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (is_blank(line)) continue;
    json value = json::parse(line.begin(), line.end(), nullptr, false);
    if (value.is_discarded() || !value.is_object()) return false;
    objects.push_back(std::move(value));
  }
  if (objects.size() < 2) return false;
  out.parsed = true;
  out.is_array = true;
  out.elements = objects.size();
  std::size_t index = 0;
  for (const json& element : objects) read_element(element, ++index, true, out);
  if (out.articles.empty()) out.problem = "no line in it has a \"text\" or \"html\" string";
  return true;
}

}  // namespace

bool looks_like_json(std::string_view text) {
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    return c == '{' || c == '[';
  }
  return false;
}

JsonParse parse_json_articles(std::string_view text) {
  JsonParse out;
  if (nesting_depth(text) > kMaxDepth) {
    out.problem = "it is nested more than " + std::to_string(kMaxDepth) +
                  " levels deep, which article JSON never is";
    return out;
  }
  json top = json::parse(text.begin(), text.end(), nullptr, false);
  if (top.is_discarded()) {
    if (read_json_lines(text, out)) return out;
    out.problem = describe_parse_error(text);
    return out;
  }
  out.parsed = true;
  read_top(top, out);
  return out;
}

}  // namespace parallax::ingest::detail
