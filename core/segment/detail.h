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

/// The code point starting at a non-ASCII byte (decode_at's slow path, in chars.cpp).
CodePoint decode_multibyte_at(std::string_view text, std::size_t pos);
/// The code point at `pos` (len 0 at the end). Inline for ASCII: every scanner calls it per byte.
inline CodePoint decode_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return {0, 0};
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) return {byte, 1};
  return decode_multibyte_at(text, pos);
}
/// The code point that ends just before `pos` (len 0 when pos == 0).
CodePoint decode_before(std::string_view text, std::size_t pos);

/// is_space for any code point (the switch over every space character; chars.cpp).
bool is_space_beyond_ascii(std::int32_t cp);
/// Unicode White_Space plus zero-width space and BOM. NBSP counts as whitespace.
/// Inline for ASCII (space, \t \n \v \f \r): every scanner calls it per character.
inline bool is_space(std::int32_t cp) {
  if (cp >= 0 && cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  return is_space_beyond_ascii(cp);
}
/// space_len_at's path for a non-ASCII byte at pos (chars.cpp).
std::size_t space_len_beyond_ascii(std::string_view text, std::size_t pos);
/// Byte length of the whitespace code point at pos, 0 when not whitespace.
inline std::size_t space_len_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) return is_space(byte) ? 1 : 0;
  return space_len_beyond_ascii(text, pos);
}

// Character classes: inline ASCII answers, utf8proc's categories beyond (chars.cpp).
bool is_letter_beyond_ascii(std::int32_t cp);
bool is_upper_beyond_ascii(std::int32_t cp);
bool is_lower_beyond_ascii(std::int32_t cp);
bool is_digit_beyond_ascii(std::int32_t cp);
bool is_mark_beyond_ascii(std::int32_t cp);

/// Lu, Ll, Lt, Lm, Lo
inline bool is_letter(std::int32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return is_letter_beyond_ascii(cp);
}
/// Lu or Lt
inline bool is_upper(std::int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return is_upper_beyond_ascii(cp);
}
/// Ll
inline bool is_lower(std::int32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return is_lower_beyond_ascii(cp);
}
/// Nd
inline bool is_digit(std::int32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return is_digit_beyond_ascii(cp);
}
/// Mn, Mc, Me (combining marks continue a word)
inline bool is_mark(std::int32_t cp) {
  if (cp < 0x300) return false;
  return is_mark_beyond_ascii(cp);
}

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
