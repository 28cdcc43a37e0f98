// Stage-private helpers of segment/: UTF-8 decoding, character classes, scripts,
// and the internal passes (paragraphs, boilerplate). Not part of the public API;
// tests of this stage may include it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/base.h"
#include "ingest/ingest.h"
#include "segment/segment.h"

namespace parallax::segment::detail {

/// One decoded code point; invalid bytes decode as U+FFFD of length 1 so scanners always advance.
struct CodePoint {
  std::int32_t cp = 0;
  std::size_t len = 0;  ///< 0 only at end of text
};

CodePoint decode_at(std::string_view text, std::size_t pos);
/// The code point that ends just before `pos` (len 0 when pos == 0).
CodePoint decode_before(std::string_view text, std::size_t pos);

/// Unicode White_Space plus zero-width space and BOM. NBSP counts as whitespace.
bool is_space(std::int32_t cp);
/// Byte length of the whitespace code point at pos, 0 when not whitespace.
std::size_t space_len_at(std::string_view text, std::size_t pos);

bool is_letter(std::int32_t cp);
bool is_upper(std::int32_t cp);  ///< Lu or Lt
bool is_lower(std::int32_t cp);  ///< Ll
bool is_digit(std::int32_t cp);  ///< Nd
bool is_mark(std::int32_t cp);   ///< Mn, Mc, Me (combining marks continue a word)

enum class Script {
  kNone,
  kLatin,
  kGreek,
  kCyrillic,
  kArmenian,
  kHebrew,
  kArabic,
  kIndic,
  kThai,
  kGeorgian,
  kHangul,
  kCjk,
  kOther
};
constexpr int kScriptCount = 13;
/// Script of a letter by code point range; kNone for non-letters.
Script script_of(std::int32_t cp);

/// `span` clamped to the text and trimmed of whitespace on both sides.
Span trim(std::string_view text, Span span);
/// Number of code points in text[span] (bounded work: stops counting at `cap`).
std::size_t cp_count(std::string_view text, Span span, std::size_t cap = SIZE_MAX);
/// Whitespace-separated word count of text[span], stopping at `cap`.
std::size_t word_count(std::string_view text, Span span, std::size_t cap = SIZE_MAX);

// Paragraph structure (paragraphs.cpp).

/// Paragraphs inferred from plain/Markdown text inside `range` (blank lines, one line per
/// paragraph, hard-wrapped lines, headings, lists, pipe tables, block quotes). Sentences filled.
std::vector<Paragraph> paragraphs_from_text(std::string_view text, Span range);
/// Paragraphs from ingest blocks; text outside blocks that is not whitespace goes through
/// paragraphs_from_text so that nothing is lost. Sentences filled.
std::vector<Paragraph> paragraphs_from_blocks(std::string_view text,
                                              const std::vector<ingest::Block>& blocks);
/// Heading heuristic for one standalone line of prose.
bool looks_like_heading(std::string_view text, Span line);

// Boilerplate (boilerplate.cpp).

/// Sets boilerplate/boilerplate_reason on paragraphs; never removes any.
void flag_boilerplate(std::string_view text, std::vector<Paragraph>& paragraphs);

}  // namespace parallax::segment::detail
