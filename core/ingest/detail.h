// Stage-private helpers of ingest, shared by its .cpp files and their tests.
// Not part of the public API: other stages include only ingest/ingest.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/base.h"
#include "ingest/ingest.h"

namespace parallax::ingest::detail {

// ---- encoding.cpp ---------------------------------------------------------

/// Appends code point `cp` as UTF-8; invalid code points (surrogates, > U+10FFFF,
/// negative) become U+FFFD.
void append_utf8(std::string& out, std::int32_t cp);

/// What a cheap look at the raw bytes says about them.
struct Sniff {
  bool binary = false;
  std::string binary_what;  ///< "a PNG image", "binary data (NUL bytes)", ...
};

/// Magic numbers, NUL bytes (outside UTF-16) and control-character density.
Sniff sniff_binary(std::string_view bytes);

/// Result of clean_text: counts of what was changed, for warnings.
struct CleanStats {
  std::size_t controls_removed = 0;  ///< C0 controls (other than \n, \t), DEL
  std::size_t c1_mapped = 0;         ///< U+0080-U+009F read as Windows-1252 characters
};

/// Normalises CRLF/CR to LF, turns form feed and vertical tab into LF, removes
/// other C0 controls and DEL, maps C1 controls (U+0080-U+009F, almost always
/// Windows-1252 bytes decoded as Latin-1 upstream) to their Windows-1252 characters.
/// Input must be valid UTF-8; output is valid UTF-8.
std::string clean_text(std::string_view utf8, CleanStats* stats);

/// True when `text` holds nothing but white space (ASCII or Unicode Zs/Zl/Zp,
/// zero-width space, BOM).
bool is_blank(std::string_view text);

/// The Windows-1252 character for byte 0x80-0x9F, or -1 where 1252 leaves it undefined.
std::int32_t cp1252_high(unsigned char byte);

/// Collapses runs of white space to one space and trims; drops control characters.
std::string collapse_whitespace(std::string_view text);

// ---- entities.cpp ---------------------------------------------------------

/// Code point of a named character reference ("amp" -> '&'), or -1 if unknown.
/// Case-sensitive, without '&' and ';'.
std::int32_t lookup_entity(std::string_view name);

/// Decodes character references (named, &#NNN;, &#xHH;) in HTML text or an
/// attribute value. Unknown references stay as written. Invalid numeric code
/// points become U+FFFD; 0x80-0x9F map through Windows-1252 as browsers do.
std::string decode_entities(std::string_view text);

// ---- html.cpp -------------------------------------------------------------

/// What the HTML path extracts from one document.
struct HtmlDocument {
  std::string text;           ///< blocks joined by "\n\n"
  std::vector<Block> blocks;  ///< spans into text
  std::string title;          ///< <title>, og:title, else first <h1>
  std::string site_name;      ///< og:site_name
  std::string url;            ///< canonical link, else og:url
  std::string published;      ///< article:published_time and similar, else first <time datetime>
};

/// Parses (tolerantly) and extracts readable text. Never fails; may return empty text.
HtmlDocument parse_html(std::string_view html);

/// True when the content itself says HTML (doctype, <html>, <head>, <body>, or a leading
/// block tag). `strong_only` restricts it to doctype/<html>/<head>/<body>.
bool looks_like_html(std::string_view text, bool strong_only);

// ---- json_input.cpp -------------------------------------------------------

/// One article object read from JSON, before it becomes a RawArticle.
struct JsonArticle {
  std::size_t index = 0;  ///< 1-based position in the array (1 for a lone object)
  std::string title, source, url, published;
  std::string text;  ///< "text" value, when present
  std::string html;  ///< "html" value, used when "text" is absent or blank
  std::vector<std::string> warnings;
};

struct JsonParse {
  bool parsed = false;                ///< syntactically valid JSON
  bool is_array = false;              ///< top level is an array (names get "#n" when size > 1)
  std::size_t elements = 0;           ///< array size, or 1 for an object
  std::vector<JsonArticle> articles;  ///< elements that have text or html
  std::vector<std::string> warnings;  ///< skipped elements, wrong top-level type
  std::string problem;  ///< why it did not parse, or why nothing is usable ("line 3: ...")
};

/// Parses JSON article input. Deeply nested input is refused before parsing.
JsonParse parse_json_articles(std::string_view text);

/// Cheap check: first non-blank character is '{' or '['.
bool looks_like_json(std::string_view text);

// ---- ingest.cpp -----------------------------------------------------------

/// "dir/reuters-2025-08-10.html" -> "reuters-2025-08-10".
std::string source_from_file_name(std::string_view file_name);

/// Format suggested by the file name alone; `known` is false for other extensions.
Format format_from_name(std::string_view file_name, bool* known);

/// True when plain text carries Markdown structure (ATX headings, fences, links).
bool looks_like_markdown(std::string_view text);

}  // namespace parallax::ingest::detail
