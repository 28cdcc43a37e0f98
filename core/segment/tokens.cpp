// Word and number tokens with a comparison form (NFKC + case fold, typographic
// apostrophes and hyphens unified) so that "Moscow’s" and "MOSCOW'S" compare equal.
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <iterator>

#include "segment/detail.h"

namespace parallax::segment {
namespace {

using detail::CodePoint;
using detail::decode_at;
using detail::is_digit;
using detail::is_letter;
using detail::is_mark;

bool is_apostrophe(std::int32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC;
}
bool is_hyphen(std::int32_t cp) {
  return cp == '-' || cp == 0x2010 || cp == 0x2011;
}
bool is_word_char_beyond_ascii(std::int32_t cp) {
  return is_letter(cp) || is_digit(cp) || is_mark(cp);
}
// Small enough to be inlined in tokenize's loop: the ASCII answer (letters and digits; no
// ASCII mark) without a call.
inline bool is_word_char(std::int32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  }
  return is_word_char_beyond_ascii(cp);
}

void append_utf8(std::string& out, std::int32_t cp) {
  utf8proc_uint8_t buf[4];
  const auto n = utf8proc_encode_char(cp, buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

// NFKC + case fold; apostrophes become ' and hyphens become -. Falls back to the raw bytes
// if utf8proc rejects the input (it cannot after ingest decoding, but input is untrusted).
std::string normalize(std::string_view raw) {
  // ASCII fast path (most tokens of English news): NFKC leaves ASCII unchanged and case
  // folding maps only A-Z, so lower-casing gives exactly utf8proc's result, without its
  // allocation and per-character decomposition (~20% of compare's instructions before).
  bool ascii = true;
  for (const char ch : raw) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
  if (ascii) {
    std::string out(raw);
    for (char& ch : out) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    }
    return out;
  }
  utf8proc_uint8_t* mapped = nullptr;
  const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(raw.data()),
                              static_cast<utf8proc_ssize_t>(raw.size()), &mapped,
                              static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                             UTF8PROC_COMPAT | UTF8PROC_CASEFOLD));
  std::string folded;
  if (n >= 0 && mapped != nullptr) {
    folded.assign(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
  } else {
    folded.assign(raw);
  }
  std::free(mapped);
  std::string out;
  out.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size();) {
    const CodePoint c = decode_at(folded, i);
    if (is_apostrophe(c.cp)) {
      out.push_back('\'');
    } else if (is_hyphen(c.cp)) {
      out.push_back('-');
    } else if (c.cp < 0x80) {
      out.push_back(static_cast<char>(c.cp));
    } else {
      append_utf8(out, c.cp);
    }
    i += c.len;
  }
  return out;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, Span span) {
  std::vector<Token> out;
  const std::size_t end = std::min(span.end, text.size());
  std::size_t i = std::min(span.start, end);
  out.reserve((end - i) / 6 + 1);  // English news: about one token per six bytes
  while (i < end) {
    const CodePoint c = decode_at(text, i);
    if (!is_letter(c.cp) && !is_digit(c.cp)) {
      i += c.len;
      continue;
    }
    const bool number = is_digit(c.cp);
    const std::size_t start = i;
    std::size_t segment_letters = 0;  // letters since the token start or the last '.'
    bool dotted = false;              // "U.S" style: single letters joined by dots
    i += c.len;
    if (is_letter(c.cp)) segment_letters = 1;
    while (i < end) {
      const CodePoint d = decode_at(text, i);
      if (is_word_char(d.cp)) {
        if (is_letter(d.cp)) ++segment_letters;
        i += d.len;
        continue;
      }
      const CodePoint after = decode_at(text, i + d.len);
      if (i + d.len >= end) break;
      // Internal separators are kept only between two word characters.
      if (!number && (is_apostrophe(d.cp) || is_hyphen(d.cp)) && is_word_char(after.cp)) {
        i += d.len;
        continue;
      }
      if (number && (d.cp == '.' || d.cp == ',' || d.cp == ':') &&
          is_digit(detail::decode_before(text, i).cp) && is_digit(after.cp)) {
        i += d.len;  // 3.5, 1,000, 11:30
        continue;
      }
      if (!number && d.cp == '.' && segment_letters == 1 && (dotted || i - start <= 4) &&
          is_letter(after.cp)) {
        // Initialisms: the dot continues only if one letter follows and then a non-letter.
        const CodePoint after2 = decode_at(text, i + d.len + after.len);
        if (!is_letter(after2.cp) && !is_mark(after2.cp)) {
          dotted = true;
          segment_letters = 0;
          i += d.len;
          continue;
        }
      }
      if (number && is_hyphen(d.cp) && is_letter(after.cp)) {
        i += d.len;  // "24-hour", "5-year"
        continue;
      }
      break;
    }
    Token& t = out.emplace_back();
    t.span = {start, i};
    t.norm = normalize(text.substr(start, i - start));
    t.is_number = number;
  }
  return out;
}

bool tokens_within(std::string_view text, Span paragraph,
                   const std::vector<Token>& paragraph_tokens, Span sentence, std::size_t* first,
                   std::size_t* last) {
  auto inside_code_point = [&](std::size_t at) {
    return at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;
  };
  if (paragraph.end > text.size() || sentence.start < paragraph.start ||
      sentence.end > paragraph.end || sentence.start > sentence.end ||
      inside_code_point(sentence.start) || inside_code_point(sentence.end)) {
    return false;
  }
  auto begin =
      std::lower_bound(paragraph_tokens.begin(), paragraph_tokens.end(), sentence.start,
                       [](const Token& token, std::size_t at) { return token.span.start < at; });
  if (begin != paragraph_tokens.begin() && std::prev(begin)->span.end > sentence.start)
    return false;
  auto end = begin;
  for (; end != paragraph_tokens.end() && end->span.start < sentence.end; ++end) {
    if (end->span.end > sentence.end) return false;
  }
  *first = static_cast<std::size_t>(begin - paragraph_tokens.begin());
  *last = static_cast<std::size_t>(end - paragraph_tokens.begin());
  return true;
}

}  // namespace parallax::segment
