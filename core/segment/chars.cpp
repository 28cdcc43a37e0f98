// Character-level helpers shared by the segment passes: UTF-8 decoding that never
// stalls on bad bytes, Unicode classes via utf8proc, and script detection by range.
#include <utf8proc.h>

#include <algorithm>

#include "segment/detail.h"

namespace parallax::segment::detail {

CodePoint decode_multibyte_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return {0, 0};
  utf8proc_int32_t cp = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                  static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
  // Invalid sequences advance by one byte so that every scanner stays linear.
  if (n <= 0 || cp < 0) return {0xFFFD, 1};
  return {cp, static_cast<std::size_t>(n)};
}

CodePoint decode_before(std::string_view text, std::size_t pos) {
  if (pos == 0 || pos > text.size()) return {0, 0};
  std::size_t start = pos - 1;
  // Step back over at most three continuation bytes to the lead byte.
  for (int i = 0; i < 3 && start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80;
       ++i) {
    --start;
  }
  const CodePoint c = decode_at(text, start);
  if (start + c.len == pos) return c;
  return {0xFFFD, 1};
}

bool is_space_beyond_ascii(std::int32_t cp) {
  switch (cp) {
    case ' ':
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0x200B:
    case 0xFEFF:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

std::size_t space_len_beyond_ascii(std::string_view text, std::size_t pos) {
  const CodePoint c = decode_multibyte_at(text, pos);
  return is_space_beyond_ascii(c.cp) ? c.len : 0;
}

namespace {
utf8proc_category_t category(std::int32_t cp) {
  return static_cast<utf8proc_category_t>(utf8proc_category(cp));
}
}  // namespace

bool is_letter_beyond_ascii(std::int32_t cp) {
  const auto c = category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool is_upper_beyond_ascii(std::int32_t cp) {
  const auto c = category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool is_lower_beyond_ascii(std::int32_t cp) {
  return category(cp) == UTF8PROC_CATEGORY_LL;
}

bool is_digit_beyond_ascii(std::int32_t cp) {
  return category(cp) == UTF8PROC_CATEGORY_ND;
}

bool is_mark_beyond_ascii(std::int32_t cp) {
  const auto c = category(cp);
  return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

Script script_of(std::int32_t cp) {
  if (!is_letter(cp)) return Script::kNone;
  struct Range {
    std::int32_t lo, hi;
    Script script;
  };
  // Sorted by lo; ranges follow the Unicode blocks of each script.
  static constexpr Range kRanges[] = {
      {0x0041, 0x024F, Script::kLatin},    {0x0370, 0x03FF, Script::kGreek},
      {0x0400, 0x052F, Script::kCyrillic}, {0x0530, 0x058F, Script::kArmenian},
      {0x0590, 0x05FF, Script::kHebrew},   {0x0600, 0x06FF, Script::kArabic},
      {0x0750, 0x077F, Script::kArabic},   {0x08A0, 0x08FF, Script::kArabic},
      {0x0900, 0x0DFF, Script::kIndic},    {0x0E00, 0x0E7F, Script::kThai},
      {0x10A0, 0x10FF, Script::kGeorgian}, {0x1100, 0x11FF, Script::kHangul},
      {0x1C80, 0x1C8F, Script::kCyrillic}, {0x1E00, 0x1EFF, Script::kLatin},
      {0x1F00, 0x1FFF, Script::kGreek},    {0x2C60, 0x2C7F, Script::kLatin},
      {0x2DE0, 0x2DFF, Script::kCyrillic}, {0x2E80, 0x30FF, Script::kCjk},
      {0x3130, 0x318F, Script::kHangul},   {0x3400, 0x4DBF, Script::kCjk},
      {0x4E00, 0x9FFF, Script::kCjk},      {0xA640, 0xA69F, Script::kCyrillic},
      {0xA720, 0xA7FF, Script::kLatin},    {0xAC00, 0xD7AF, Script::kHangul},
      {0xF900, 0xFAFF, Script::kCjk},      {0xFB1D, 0xFB4F, Script::kHebrew},
      {0xFB50, 0xFDFF, Script::kArabic},   {0xFE70, 0xFEFF, Script::kArabic},
      {0xFF21, 0xFF5A, Script::kLatin},    {0x20000, 0x2FFFF, Script::kCjk},
  };
  for (const Range& r : kRanges) {
    if (cp < r.lo) break;
    if (cp <= r.hi) return r.script;
  }
  return Script::kOther;
}

Span trim(std::string_view text, Span span) {
  std::size_t start = std::min(span.start, text.size());
  std::size_t end = std::min(std::max(span.end, start), text.size());
  while (start < end) {
    const std::size_t n = space_len_at(text, start);
    if (n == 0) break;
    start += n;
  }
  while (end > start) {
    const CodePoint c = decode_before(text, end);
    if (!is_space(c.cp) || c.len == 0) break;
    end -= c.len;
  }
  return {start, std::max(start, end)};
}

std::size_t cp_count(std::string_view text, Span span, std::size_t cap) {
  std::size_t n = 0;
  const std::size_t end = std::min(span.end, text.size());
  for (std::size_t i = span.start; i < end && n < cap; ++i) {
    // Count lead bytes only: continuation bytes are 10xxxxxx.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::size_t word_count(std::string_view text, Span span, std::size_t cap) {
  std::size_t n = 0;
  bool in_word = false;
  std::size_t i = span.start;
  const std::size_t end = std::min(span.end, text.size());
  while (i < end && n < cap) {
    const auto byte = static_cast<unsigned char>(text[i]);
    // ASCII answered inline (is_space), other bytes by space_len_at.
    const std::size_t s = byte < 0x80 ? (is_space(byte) ? 1 : 0) : space_len_at(text, i);
    if (s > 0) {
      in_word = false;
      i += s;
      continue;
    }
    if (!in_word) ++n;
    in_word = true;
    ++i;
  }
  return n;
}

}  // namespace parallax::segment::detail
