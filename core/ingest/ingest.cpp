// ingest_file: size and binary checks, decoding, format detection, and the
// assembly of RawArticles from the text/Markdown, HTML and JSON paths.
#include "ingest/ingest.h"

#include <utility>

#include "ingest/detail.h"

namespace parallax::ingest {
namespace detail {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view base_name(std::string_view file_name) {
  const std::size_t slash = file_name.find_last_of("/\\");
  return slash == std::string_view::npos ? file_name : file_name.substr(slash + 1);
}

std::string_view extension(std::string_view file_name) {
  const std::string_view base = base_name(file_name);
  const std::size_t dot = base.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return base.substr(dot + 1);
}

bool is_line_space(char c) {
  return c == ' ' || c == '\t';
}

}  // namespace

std::string source_from_file_name(std::string_view file_name) {
  std::string_view base = base_name(file_name);
  const std::size_t dot = base.rfind('.');
  if (dot != std::string_view::npos && dot > 0) base = base.substr(0, dot);
  std::string source = collapse_whitespace(base);
  return source.empty() ? "unknown source" : source;
}

Format format_from_name(std::string_view file_name, bool* known) {
  const std::string ext = lower_ascii(extension(file_name));
  *known = true;
  if (ext == "md" || ext == "markdown" || ext == "mdown" || ext == "mkd") return Format::kMarkdown;
  if (ext == "html" || ext == "htm" || ext == "xhtml" || ext == "shtml") return Format::kHtml;
  if (ext == "json" || ext == "jsonl" || ext == "ndjson") return Format::kJson;
  if (ext == "txt" || ext == "text") return Format::kText;
  *known = false;
  return Format::kText;
}

bool looks_like_markdown(std::string_view text) {
  std::size_t links = 0;
  std::string_view previous;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    // ATX heading: 1-6 '#', a space, then text.
    std::size_t hashes = 0;
    while (hashes < line.size() && line[hashes] == '#') ++hashes;
    if (hashes >= 1 && hashes <= 6 && hashes + 1 < line.size() && is_line_space(line[hashes]) &&
        !is_blank(line.substr(hashes))) {
      return true;
    }
    if (line.compare(0, 3, "```") == 0 || line.compare(0, 3, "~~~") == 0) return true;
    // Setext heading: a line of '=' under a line of text.
    if (line.size() >= 3 && line.find_first_not_of('=') == std::string_view::npos &&
        !is_blank(previous)) {
      return true;
    }
    for (std::size_t k = line.find("]("); k != std::string_view::npos; k = line.find("](", k + 2)) {
      if (line.compare(k + 2, 4, "http") == 0 || line.compare(k + 2, 1, "/") == 0) ++links;
    }
    if (links >= 2) return true;
    previous = line;
  }
  return false;
}

}  // namespace detail

namespace {

using detail::HtmlDocument;
using detail::JsonParse;

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// "20.0 MB (20971520 bytes)": MB for people, bytes for exactness at small limits.
std::string size_text(std::size_t bytes) {
  constexpr std::size_t kMb = 1u << 20;
  std::size_t whole = bytes / kMb;
  std::size_t tenth = ((bytes % kMb) * 10 + kMb / 2) / kMb;
  if (tenth == 10) {
    ++whole;
    tenth = 0;
  }
  return std::to_string(whole) + "." + std::to_string(tenth) + " MB (" +
         plural(bytes, "byte", "bytes") + ")";
}

Error make_error(ErrorCode code, std::string message) {
  return Error{code, std::move(message)};
}

struct Decoded {
  std::string text;
  std::string encoding;
  std::vector<std::string> warnings;
};

Decoded decode(std::string_view bytes) {
  Decoded out;
  std::size_t replaced = 0;
  const std::string raw = decode_to_utf8(bytes, &out.encoding, &replaced);
  if (out.encoding == "windows-1252") {
    out.warnings.push_back("not valid UTF-8; decoded as Windows-1252");
  }
  if (replaced > 0) {
    out.warnings.push_back(plural(replaced, "invalid byte sequence", "invalid byte sequences") +
                           " replaced with U+FFFD");
  }
  detail::CleanStats stats;
  out.text = detail::clean_text(raw, &stats);
  if (stats.controls_removed > 0) {
    out.warnings.push_back(
        plural(stats.controls_removed, "control character", "control characters") + " removed");
  }
  if (stats.c1_mapped > 0) {
    out.warnings.push_back(
        plural(stats.c1_mapped, "C1 control character", "C1 control characters") +
        " read as Windows-1252 punctuation");
  }
  return out;
}

RawArticle base_article(std::string_view file_name, const Decoded& decoded, Format format) {
  RawArticle article;
  article.name = std::string(file_name);
  article.format = format;
  article.encoding = decoded.encoding;
  article.warnings = decoded.warnings;
  return article;
}

bool has_markup(std::string_view text) {
  for (std::size_t k = text.find('<'); k != std::string_view::npos; k = text.find('<', k + 1)) {
    if (k + 1 < text.size()) {
      const char c = text[k + 1];
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!') return true;
    }
  }
  return false;
}

std::string clean_field(std::string_view value) {
  detail::CleanStats ignored;
  return detail::collapse_whitespace(detail::clean_text(value, &ignored));
}

Result<std::vector<RawArticle>> from_text(std::string_view file_name, Decoded decoded,
                                          Format format, std::string_view note) {
  RawArticle article = base_article(file_name, decoded, format);
  if (!note.empty()) article.warnings.emplace_back(note);
  article.source = detail::source_from_file_name(file_name);
  article.text = std::move(decoded.text);
  std::vector<RawArticle> out;
  out.push_back(std::move(article));
  return out;
}

Result<std::vector<RawArticle>> from_html(std::string_view file_name, const Decoded& decoded,
                                          std::string_view note) {
  HtmlDocument doc = detail::parse_html(decoded.text);
  if (detail::is_blank(doc.text)) {
    return make_error(ErrorCode::kEmptyInput,
                      std::string(file_name) +
                          " has no readable text once markup, scripts, navigation and forms are "
                          "removed; save the article text itself as .txt or .html.");
  }
  RawArticle article = base_article(file_name, decoded, Format::kHtml);
  if (!note.empty()) article.warnings.emplace_back(note);
  article.title = std::move(doc.title);
  article.source =
      doc.site_name.empty() ? detail::source_from_file_name(file_name) : std::move(doc.site_name);
  article.url = std::move(doc.url);
  article.published = std::move(doc.published);
  article.text = std::move(doc.text);
  article.blocks = std::move(doc.blocks);
  std::vector<RawArticle> out;
  out.push_back(std::move(article));
  return out;
}

Result<std::vector<RawArticle>> from_json(std::string_view file_name, const Decoded& decoded,
                                          const JsonParse& parsed) {
  std::vector<RawArticle> out;
  std::vector<std::string> skipped = parsed.warnings;
  const bool numbered = parsed.is_array && parsed.elements > 1;
  for (const detail::JsonArticle& item : parsed.articles) {
    const std::string name = numbered ? std::string(file_name) + "#" + std::to_string(item.index)
                                      : std::string(file_name);
    RawArticle article = base_article(name, decoded, Format::kJson);
    article.warnings.insert(article.warnings.end(), item.warnings.begin(), item.warnings.end());
    detail::CleanStats stats;
    HtmlDocument doc;
    if (!detail::is_blank(item.text)) {
      article.text = detail::clean_text(item.text, &stats);
    } else {
      doc = detail::parse_html(detail::clean_text(item.html, &stats));
      if (detail::is_blank(doc.text)) {
        skipped.push_back(
            (numbered ? "element " + std::to_string(item.index) + ": " : std::string()) +
            "\"html\" has no readable text; skipped");
        continue;
      }
      article.text = std::move(doc.text);
      article.blocks = std::move(doc.blocks);
    }
    if (stats.controls_removed > 0) {
      article.warnings.push_back(
          plural(stats.controls_removed, "control character", "control characters") + " removed");
    }
    article.title = clean_field(item.title.empty() ? doc.title : item.title);
    article.source = clean_field(item.source.empty() ? doc.site_name : item.source);
    if (article.source.empty()) article.source = detail::source_from_file_name(file_name);
    article.url = clean_field(item.url.empty() ? doc.url : item.url);
    article.published = clean_field(item.published.empty() ? doc.published : item.published);
    out.push_back(std::move(article));
  }
  if (out.empty()) {
    const std::string why =
        parsed.problem.empty() ? "no article in it has readable text" : parsed.problem;
    return make_error(ErrorCode::kBadJson,
                      std::string(file_name) + " cannot be used: " + why +
                          ". Give each article a \"text\" (or \"html\") string, e.g. "
                          "{\"title\": \"...\", \"text\": \"...\"}.");
  }
  // File-level notes (skipped elements) go with the first article so they are shown once.
  out.front().warnings.insert(out.front().warnings.end(), skipped.begin(), skipped.end());
  return out;
}

}  // namespace

std::string_view format_name(Format format) {
  switch (format) {
    case Format::kText:
      return "text";
    case Format::kMarkdown:
      return "markdown";
    case Format::kHtml:
      return "html";
    case Format::kJson:
      return "json";
  }
  return "text";
}

Result<std::vector<RawArticle>> ingest_file(std::string_view bytes, std::string_view file_name,
                                            const IngestOptions& options) {
  const std::string name = file_name.empty() ? std::string("input") : std::string(file_name);
  if (bytes.size() > options.max_file_bytes) {
    return make_error(ErrorCode::kTooLarge,
                      name + " is " + size_text(bytes.size()) + ", above the limit of " +
                          size_text(options.max_file_bytes) +
                          "; split it into smaller files or raise the file size limit.");
  }
  if (bytes.empty()) {
    return make_error(ErrorCode::kEmptyInput,
                      name + " is empty; add the article text or leave the file out.");
  }
  const detail::Sniff sniff = detail::sniff_binary(bytes);
  if (sniff.binary) {
    return make_error(ErrorCode::kBinaryInput,
                      name + " looks like " + sniff.binary_what +
                          ", not text; give the article as a .txt, .md, .html or .json file.");
  }
  Decoded decoded = decode(bytes);
  if (detail::is_blank(decoded.text)) {
    return make_error(
        ErrorCode::kEmptyInput,
        name + " holds only white space; add the article text or leave the file out.");
  }

  bool known = false;
  const Format by_name = detail::format_from_name(name, &known);
  const std::string_view text = decoded.text;

  if (by_name == Format::kJson) {
    if (detail::looks_like_json(text)) {
      const JsonParse parsed = detail::parse_json_articles(text);
      return from_json(name, decoded, parsed);
    }
    if (detail::looks_like_html(text, false)) {
      return from_html(name, decoded, "named like JSON but holds HTML; read as HTML");
    }
    return make_error(ErrorCode::kBadJson,
                      name +
                          " cannot be used: it does not start with '{' or '[', so it is not "
                          "JSON. Fix the file, or rename it to .txt if it is plain text.");
  }
  if (by_name == Format::kHtml) {
    if (has_markup(text)) return from_html(name, decoded, {});
    return from_text(name, std::move(decoded), Format::kText,
                     "named like HTML but has no markup; read as plain text");
  }
  if (by_name == Format::kMarkdown) {
    if (detail::looks_like_html(text, true)) {
      return from_html(name, decoded, "named like Markdown but holds an HTML page; read as HTML");
    }
    return from_text(name, std::move(decoded), Format::kMarkdown, {});
  }
  // .txt or an unknown/missing extension: the content decides.
  if (detail::looks_like_html(text, false)) return from_html(name, decoded, {});
  if (detail::looks_like_json(text)) {
    const JsonParse parsed = detail::parse_json_articles(text);
    if (parsed.parsed && !parsed.articles.empty()) return from_json(name, decoded, parsed);
  }
  const Format format = detail::looks_like_markdown(text) ? Format::kMarkdown : Format::kText;
  return from_text(name, std::move(decoded), format, {});
}

}  // namespace parallax::ingest
