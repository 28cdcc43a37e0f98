// Bytes -> UTF-8: BOM sniffing, UTF-8 validation with a Windows-1252 fallback,
// UTF-16, binary detection and the control-character / line-ending clean-up.
#include <utf8proc.h>

#include <algorithm>
#include <cstring>

#include "ingest/detail.h"
#include "ingest/ingest.h"

namespace parallax::ingest {
namespace detail {
namespace {

constexpr std::int32_t kReplacement = 0xFFFD;

// Windows-1252 0x80-0x9F (WHATWG table); -1 marks the five undefined bytes.
constexpr std::int32_t kCp1252High[32] = {
    0x20AC, -1,     0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, -1,     0x017D, -1,      // 88-8F
    -1,     0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, -1,     0x017E, 0x0178,  // 98-9F
};

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// Bytes one invalid UTF-8 sequence occupies: the lead byte plus the continuation
// bytes that follow it (up to the length the lead byte announces), so a truncated
// character becomes one U+FFFD rather than several.
std::size_t invalid_sequence_length(std::string_view bytes, std::size_t i) {
  const auto lead = static_cast<unsigned char>(bytes[i]);
  std::size_t expected = 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    expected = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    expected = 3;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    expected = 4;
  }
  std::size_t n = 1;
  while (n < expected && i + n < bytes.size() &&
         (static_cast<unsigned char>(bytes[i + n]) & 0xC0) == 0x80) {
    ++n;
  }
  return n;
}

// 0 = not UTF-16, 1 = little-endian, 2 = big-endian. Recognises BOM-less UTF-16
// of mostly-Latin text by its pattern of zero bytes (one per ASCII character).
int bomless_utf16(std::string_view bytes) {
  const std::size_t n = std::min<std::size_t>(bytes.size(), 4096) & ~static_cast<std::size_t>(1);
  if (n < 8) return 0;
  std::size_t zero_even = 0;
  std::size_t zero_odd = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    if (bytes[i] == '\0') ++zero_even;
    if (bytes[i + 1] == '\0') ++zero_odd;
  }
  const std::size_t pairs = n / 2;
  if (zero_odd * 10 >= pairs * 7 && zero_even * 20 <= pairs) return 1;
  if (zero_even * 10 >= pairs * 7 && zero_odd * 20 <= pairs) return 2;
  return 0;
}

std::string decode_utf16(std::string_view bytes, bool big_endian, std::size_t* replaced) {
  std::string out;
  out.reserve(bytes.size());
  auto unit = [&](std::size_t i) -> std::uint32_t {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    return big_endian ? (static_cast<std::uint32_t>(a) << 8 | b)
                      : (static_cast<std::uint32_t>(b) << 8 | a);
  };
  std::size_t i = 0;
  while (i + 1 < bytes.size()) {
    const std::uint32_t u = unit(i);
    i += 2;
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 1 < bytes.size()) {
        const std::uint32_t low = unit(i);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          i += 2;
          append_utf8(out,
                      static_cast<std::int32_t>(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)));
          continue;
        }
      }
      append_utf8(out, kReplacement);  // high surrogate without its pair
      ++*replaced;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      append_utf8(out, kReplacement);  // lone low surrogate
      ++*replaced;
    } else {
      append_utf8(out, static_cast<std::int32_t>(u));
    }
  }
  if (i < bytes.size()) {  // odd trailing byte
    append_utf8(out, kReplacement);
    ++*replaced;
  }
  return out;
}

std::string decode_cp1252(std::string_view bytes, std::size_t* replaced) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  for (char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out.push_back(c);
    } else if (b < 0xA0) {
      const std::int32_t cp = kCp1252High[b - 0x80];
      if (cp < 0) ++*replaced;
      append_utf8(out, cp < 0 ? kReplacement : cp);
    } else {
      append_utf8(out, b);  // 0xA0-0xFF equal Latin-1 code points
    }
  }
  return out;
}

bool is_control_byte(unsigned char b) {
  // Text uses \t \n \v \f \r and ESC (ANSI colours in logs); others mark binary data.
  return (b < 0x20 && b != '\t' && b != '\n' && b != '\v' && b != '\f' && b != '\r' && b != 0x1B) ||
         b == 0x7F;
}

struct Magic {
  std::size_t offset;
  std::string_view bytes;
  std::string_view what;
};

}  // namespace

void append_utf8(std::string& out, std::int32_t cp) {
  if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
  utf8proc_uint8_t buf[4];
  const auto n = utf8proc_encode_char(cp, buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

std::int32_t cp1252_high(unsigned char byte) {
  if (byte < 0x80 || byte > 0x9F) return -1;
  return kCp1252High[byte - 0x80];
}

Sniff sniff_binary(std::string_view bytes) {
  using namespace std::string_view_literals;
  Sniff sniff;
  if (starts_with(bytes, "\xFF\xFE"sv) || starts_with(bytes, "\xFE\xFF"sv)) return sniff;
  static constexpr Magic kMagic[] = {
      {0, "\x89PNG\r\n\x1A\n"sv, "a PNG image"},
      {0, "%PDF-"sv, "a PDF document"},
      {0, "PK\x03\x04"sv, "a ZIP archive (.docx, .xlsx, .epub and .odt are ZIP files too)"},
      {0, "PK\x05\x06"sv, "a ZIP archive"},
      {0, "PK\x07\x08"sv, "a ZIP archive"},
      {0, "\x1F\x8B"sv, "a gzip-compressed file"},
      {0, "\xFF\xD8\xFF"sv, "a JPEG image"},
      {0, "GIF87a"sv, "a GIF image"},
      {0, "GIF89a"sv, "a GIF image"},
      {0,
       "\x7F"
       "ELF"sv,
       "an executable program"},
      {0, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv, "an old Microsoft Office document (.doc/.xls)"},
      {0, "7z\xBC\xAF\x27\x1C"sv, "a 7-Zip archive"},
      {0,
       "\xFD"
       "7zXZ"sv,
       "an xz-compressed file"},
      {0, "\x28\xB5\x2F\xFD"sv, "a zstd-compressed file"},
      {0, "Rar!\x1A\x07"sv, "a RAR archive"},
      {0, "OggS"sv, "an Ogg audio/video file"},
      {0, "SQLite format 3"sv, "an SQLite database"},
      {0, "\xCA\xFE\xBA\xBE"sv, "a compiled program (Java class or Mach-O)"},
      {4, "ftyp"sv, "an MP4/MOV video or HEIC image"},
      {8, "WEBP"sv, "a WebP image"},
      {8, "WAVE"sv, "a WAV audio file"},
      {8, "AVI "sv, "an AVI video"},
  };
  for (const Magic& m : kMagic) {
    if (bytes.size() >= m.offset + m.bytes.size() &&
        bytes.compare(m.offset, m.bytes.size(), m.bytes) == 0) {
      // RIFF containers: only when the file really starts with RIFF.
      if (m.offset == 8 && !starts_with(bytes, "RIFF"sv)) continue;
      sniff.binary = true;
      sniff.binary_what = std::string(m.what);
      return sniff;
    }
  }
  if (bytes.size() >= 10 && starts_with(bytes, "BZh"sv) && bytes[3] >= '1' && bytes[3] <= '9' &&
      bytes.compare(4, 6, "1AY&SY"sv) == 0) {
    sniff.binary = true;
    sniff.binary_what = "a bzip2-compressed file";
    return sniff;
  }
  if (bomless_utf16(bytes) != 0) return sniff;
  // Like git and grep: a NUL byte near the start means binary.
  const std::size_t nul_window = std::min<std::size_t>(bytes.size(), 8000);
  if (std::memchr(bytes.data(), 0, nul_window) != nullptr) {
    sniff.binary = true;
    sniff.binary_what = "binary data (it contains NUL bytes)";
    return sniff;
  }
  const std::size_t window = std::min<std::size_t>(bytes.size(), 65536);
  std::size_t controls = 0;
  for (std::size_t i = 0; i < window; ++i) {
    if (is_control_byte(static_cast<unsigned char>(bytes[i]))) ++controls;
  }
  if (controls >= 4 && controls * 20 > window) {
    sniff.binary = true;
    sniff.binary_what = "binary data (many control characters)";
  }
  return sniff;
}

std::string clean_text(std::string_view utf8, CleanStats* stats) {
  std::string out;
  out.reserve(utf8.size());
  const std::size_t n = utf8.size();
  // Bytes kept as they are are copied in runs (one append per run, not one per byte); the
  // loop stops only at a byte that is changed or dropped.
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < n; ++i) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    if (b >= 0x20 && b != 0x7F && b != 0xC2) continue;  // most bytes: kept, nothing to test
    const bool c1 = b == 0xC2 && i + 1 < n && static_cast<unsigned char>(utf8[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(utf8[i + 1]) <= 0x9F;
    const bool control = (b < 0x20 && b != '\n' && b != '\t') || b == 0x7F;
    if (!c1 && !control) continue;  // kept as it is
    out.append(utf8.data() + run, i - run);
    if (b == '\r') {
      out.push_back('\n');
      if (i + 1 < n && utf8[i + 1] == '\n') ++i;
    } else if (b == '\f' || b == '\v') {
      out.push_back('\n');  // page breaks separate paragraphs
    } else if (control) {
      ++stats->controls_removed;
    } else {  // a C1 control: what Windows-1252 puts there, if anything
      const std::int32_t cp = kCp1252High[static_cast<unsigned char>(utf8[i + 1]) - 0x80];
      ++i;
      if (cp < 0) {
        ++stats->controls_removed;
      } else {
        append_utf8(out, cp);
        ++stats->c1_mapped;
      }
    }
    run = i + 1;
  }
  out.append(utf8.data() + run, n - run);
  return out;
}

bool is_blank(std::string_view text) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v') return false;
      ++i;
      continue;
    }
    utf8proc_int32_t cp = -1;
    const auto len = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (len <= 0) return false;
    const auto cat = utf8proc_category(cp);
    const bool space = cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
                       cat == UTF8PROC_CATEGORY_ZP || cat == UTF8PROC_CATEGORY_CC || cp == 0x200B ||
                       cp == 0x2060 || cp == 0xFEFF || cp == 0x180E;
    if (!space) return false;
    i += static_cast<std::size_t>(len);
  }
  return true;
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    bool space = b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v';
    if (b == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      space = true;  // no-break space
      ++i;
    }
    if (space) {
      pending_space = !out.empty();
      continue;
    }
    if (b < 0x20 || b == 0x7F) continue;
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(static_cast<char>(b));
  }
  return out;
}

}  // namespace detail

std::string decode_to_utf8(std::string_view bytes, std::string* encoding, std::size_t* replaced) {
  using namespace std::string_view_literals;
  std::string encoding_local;
  std::size_t replaced_local = 0;
  if (encoding == nullptr) encoding = &encoding_local;
  if (replaced == nullptr) replaced = &replaced_local;
  *replaced = 0;

  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE"sv) {
    *encoding = "utf-16le";
    return detail::decode_utf16(bytes.substr(2), false, replaced);
  }
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF"sv) {
    *encoding = "utf-16be";
    return detail::decode_utf16(bytes.substr(2), true, replaced);
  }
  const bool utf8_bom = detail::starts_with(bytes, "\xEF\xBB\xBF"sv);
  if (utf8_bom) bytes.remove_prefix(3);
  if (!utf8_bom) {
    const int utf16 = detail::bomless_utf16(bytes);
    if (utf16 != 0) {
      *encoding = utf16 == 1 ? "utf-16le" : "utf-16be";
      return detail::decode_utf16(bytes, utf16 == 2, replaced);
    }
  }

  // First pass: is it UTF-8, and if not, does it look like UTF-8 with a few bad
  // bytes (many valid multi-byte characters) or like a single-byte encoding?
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(bytes.data());
  std::size_t invalid = 0;
  std::size_t multibyte = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp = -1;
    const auto len = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(bytes.size() - i), &cp);
    if (len <= 0) {
      ++invalid;
      i += detail::invalid_sequence_length(bytes, i);
    } else {
      ++multibyte;
      i += static_cast<std::size_t>(len);
    }
  }
  if (invalid == 0) {
    *encoding = "utf-8";
    return std::string(bytes);
  }
  if (!utf8_bom && invalid > multibyte) {
    *encoding = "windows-1252";
    return detail::decode_cp1252(bytes, replaced);
  }
  *encoding = "utf-8";
  std::string out;
  out.reserve(bytes.size() + 2 * invalid);
  for (std::size_t i = 0; i < bytes.size();) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      out.push_back(bytes[i]);
      ++i;
      continue;
    }
    utf8proc_int32_t cp = -1;
    const auto len = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(bytes.size() - i), &cp);
    if (len <= 0) {
      detail::append_utf8(out, detail::kReplacement);
      ++*replaced;
      i += detail::invalid_sequence_length(bytes, i);
    } else {
      out.append(bytes.data() + i, static_cast<std::size_t>(len));
      i += static_cast<std::size_t>(len);
    }
  }
  return out;
}

}  // namespace parallax::ingest
