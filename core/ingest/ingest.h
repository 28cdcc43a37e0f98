// Ingest: untrusted file bytes -> decoded articles with their structure.
//
// Stage 1 of the pipeline (ingest -> segment -> represent -> align -> report).
// Handles formats (.txt, .md, .html/.htm, .json with one article or an array),
// detected from content as well as from the file name; encodings (UTF-8 with or
// without BOM, UTF-16 LE/BE with BOM, Windows-1252 fallback; invalid bytes are
// replaced by U+FFFD, never fatal); HTML (script/style/nav/aside/footer/form
// and similar content dropped, entities decoded, headings/paragraphs/list
// items/table rows/block quotes kept as Blocks; markup is never passed through).
//
// Nothing here executes or interprets input beyond parsing it; all output
// text is plain UTF-8.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/base.h"

namespace parallax::ingest {

enum class Format { kText, kMarkdown, kHtml, kJson };
std::string_view format_name(Format format);  ///< "text", "markdown", "html", "json"

/// Structural role of a block found in markup (HTML, or JSON "html").
enum class BlockKind { kParagraph, kHeading, kListItem, kTableRow, kQuote };

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  Span span;  ///< into RawArticle::text; blocks are in document order and do not overlap
};

/// One article as read from a file, before segmentation.
struct RawArticle {
  std::string name;   ///< file name as given ("reuters.html"); "name#2" for the 2nd of a JSON array
  std::string title;  ///< <title>/<h1>/JSON "title"; empty when unknown (segment fills it later)
  std::string
      source;       ///< outlet: JSON "source", <meta og:site_name>, else derived from the file name
  std::string url;  ///< JSON "url" or <link rel=canonical>/<meta og:url>; may be empty
  std::string
      published;  ///< JSON "published" or <meta article:published_time>/<time>; may be empty
  Format format = Format::kText;
  std::string
      encoding;      ///< what the bytes were decoded from: "utf-8", "utf-16le", "windows-1252", ...
  std::string text;  ///< decoded UTF-8 text; every offset in the output refers to this string
  /// Structure found in markup. Empty for plain text and Markdown: the segmenter infers it.
  /// When non-empty, the text between blocks is only separators (newlines).
  std::vector<Block> blocks;
  std::vector<std::string> warnings;  ///< non-fatal problems ("3 invalid bytes replaced")
};

struct IngestOptions {
  std::size_t max_file_bytes = 16u << 20;  ///< larger inputs fail with kTooLarge
};

/// Reads one file. A JSON array yields several articles; everything else yields one.
/// Fails with kEmptyInput, kBinaryInput, kTooLarge or kBadJson; the message names `file_name`.
/// `bytes` is only read during the call.
Result<std::vector<RawArticle>> ingest_file(std::string_view bytes, std::string_view file_name,
                                            const IngestOptions& options = {});

/// Decodes bytes to UTF-8 (BOM sniffing, UTF-8 validation, Windows-1252 fallback).
/// `encoding` receives the name of what was detected; `replaced` the number of
/// invalid sequences turned into U+FFFD. Exposed for tests and for the JSONL readers.
std::string decode_to_utf8(std::string_view bytes, std::string* encoding, std::size_t* replaced);

}  // namespace parallax::ingest
