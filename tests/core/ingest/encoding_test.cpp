// Tests for core/ingest/encoding.cpp: decode_to_utf8, binary sniffing, clean-up.
#include <catch2/catch.hpp>

#include <string>

#include "ingest/detail.h"
#include "ingest/ingest.h"

using namespace std::string_literals;
using parallax::ingest::decode_to_utf8;
namespace detail = parallax::ingest::detail;

namespace {

std::string utf16(const std::u16string& s, bool big_endian, bool bom) {
  std::string out;
  auto put = [&](char16_t u) {
    const char hi = static_cast<char>(u >> 8);
    const char lo = static_cast<char>(u & 0xFF);
    out += big_endian ? std::string{hi, lo} : std::string{lo, hi};
  };
  if (bom) put(0xFEFF);
  for (char16_t u : s) put(u);
  return out;
}

}  // namespace

TEST_CASE("decode_to_utf8 detects encodings", "[ingest]") {
  struct Case {
    const char* label;
    std::string bytes;
    std::string expected;
    std::string encoding;
    std::size_t replaced;
  };
  const Case cases[] = {
      {"plain ascii", "Hello", "Hello", "utf-8", 0},
      {"utf-8 multibyte", "caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80",
       "caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80", "utf-8", 0},
      {"utf-8 bom removed", "\xEF\xBB\xBFHi \xC3\xA9", "Hi \xC3\xA9", "utf-8", 0},
      {"utf-16le bom", utf16(u"Caf\u00E9 \u201Cquoted\u201D", false, true),
       "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D", "utf-16le", 0},
      {"utf-16be bom", utf16(u"Caf\u00E9 \u2014 ok", true, true), "Caf\xC3\xA9 \xE2\x80\x94 ok",
       "utf-16be", 0},
      {"utf-16le surrogate pair", utf16(u"a\U0001F600b", false, true),
       "a\xF0\x9F\x98\x80"
       "b",
       "utf-16le", 0},
      {"utf-16le lone surrogate",
       utf16(std::u16string(u"a") + char16_t(0xD800) + u"b", false, true),
       "a\xEF\xBF\xBD"
       "b",
       "utf-16le", 1},
      {"utf-16le odd byte", utf16(u"ab", false, true) + "x", "ab\xEF\xBF\xBD", "utf-16le", 1},
      {"utf-16le without bom", utf16(u"Plain words here", false, false), "Plain words here",
       "utf-16le", 0},
      {"cp1252 smart quotes", "\x93Quoted\x94 caf\xE9 \x96 5\x80",
       "\xE2\x80\x9CQuoted\xE2\x80\x9D caf\xC3\xA9 \xE2\x80\x93 5\xE2\x82\xAC", "windows-1252", 0},
      {"cp1252 undefined byte",
       "a\x81"
       "b \xE9",
       "a\xEF\xBF\xBD"
       "b \xC3\xA9",
       "windows-1252", 1},
      {"mostly utf-8, one bad byte", "\xC3\xA9t\xC3\xA9 \xFF \xE2\x80\x94 na\xC3\xAFve",
       "\xC3\xA9t\xC3\xA9 \xEF\xBF\xBD \xE2\x80\x94 na\xC3\xAFve", "utf-8", 1},
      {"truncated sequence is one replacement", "\xC3\xA9\xC3\xA9 \xE2\x80 x",
       "\xC3\xA9\xC3\xA9 \xEF\xBF\xBD x", "utf-8", 1},
      {"utf-8 bom keeps utf-8 despite bad bytes",
       "\xEF\xBB\xBF"
       "a\xFF"
       "b",
       "a\xEF\xBF\xBD"
       "b",
       "utf-8", 1},
      {"surrogate encoded in utf-8 is invalid", "\xC3\xA9\xC3\xA9 \xED\xA0\x80",
       "\xC3\xA9\xC3\xA9 \xEF\xBF\xBD", "utf-8", 1},
  };
  for (const Case& c : cases) {
    SECTION(c.label) {
      std::string encoding;
      std::size_t replaced = 99;
      CHECK(decode_to_utf8(c.bytes, &encoding, &replaced) == c.expected);
      CHECK(encoding == c.encoding);
      CHECK(replaced == c.replaced);
    }
  }
}

TEST_CASE("decode_to_utf8 accepts null out-parameters", "[ingest]") {
  CHECK(decode_to_utf8("\xE9t\xE9", nullptr, nullptr) == "\xC3\xA9t\xC3\xA9");
}

TEST_CASE("sniff_binary recognises binary data", "[ingest]") {
  struct Case {
    const char* label;
    std::string bytes;
    bool binary;
    const char* what;
  };
  const Case cases[] = {
      {"png", "\x89PNG\r\n\x1A\n\0\0\0\rIHDR"s, true, "PNG"},
      {"pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", true, "PDF"},
      {"zip", "PK\x03\x04\x14\0\0\0"s, true, "ZIP"},
      {"gzip", "\x1F\x8B\x08\0\0\0\0\0"s, true, "gzip"},
      {"jpeg", "\xFF\xD8\xFF\xE0\0\x10JFIF"s, true, "JPEG"},
      {"nul bytes", "some text\0with nul"s, true, "NUL"},
      {"control density", "\x01\x02\x03\x04\x05\x06 abc \x07\x08\x0E\x0F", true, "control"},
      {"text", "Just an article.\nSecond line.\n", false, ""},
      {"utf-16 with bom has nuls", utf16(u"Hello", false, true), false, ""},
      {"utf-16 without bom", utf16(u"Hello there, world", false, false), false, ""},
      {"webp needs riff", "RIFF\x10\0\0\0WEBPVP8 "s, true, "WebP"},
      {"the word WEBP alone", "abcdefghWEBP text", false, ""},
      {"cp1252 text", "\x93Hi\x94 caf\xE9", false, ""},
  };
  for (const Case& c : cases) {
    SECTION(c.label) {
      const detail::Sniff sniff = detail::sniff_binary(c.bytes);
      CHECK(sniff.binary == c.binary);
      CHECK(sniff.binary_what.find(c.what) != std::string::npos);
    }
  }
}

TEST_CASE("clean_text normalises line endings and removes controls", "[ingest]") {
  struct Case {
    const char* label;
    std::string in;
    std::string out;
    std::size_t controls;
    std::size_t c1;
  };
  const Case cases[] = {
      {"crlf", "a\r\nb\r\n", "a\nb\n", 0, 0},
      {"lone cr", "a\rb\r\rc", "a\nb\n\nc", 0, 0},
      {"mixed", "a\r\n\nb\n\r\nc", "a\n\nb\n\nc", 0, 0},
      {"tabs kept", "a\tb", "a\tb", 0, 0},
      {"nul and bell removed",
       "a\0b\x07"
       "c"s,
       "abc", 2, 0},
      {"del removed",
       "a\x7F"
       "b",
       "ab", 1, 0},
      {"form feed is a newline", "page1\fpage2", "page1\npage2", 0, 0},
      {"c1 read as cp1252", "\xC2\x93hi\xC2\x94", "\xE2\x80\x9Chi\xE2\x80\x9D", 0, 2},
      {"undefined c1 removed",
       "a\xC2\x81"
       "b",
       "ab", 1, 0},
      {"non-c1 two-byte kept", "\xC2\xA9 \xC3\xA9", "\xC2\xA9 \xC3\xA9", 0, 0},
      // Changes at the very start and end, next to each other, and a lead byte cut off.
      {"edges", "\x01\vab\r\n\r\x02", "\nab\n\n", 2, 0},
      {"c1 at the end", "ab\xC2\x85", "ab\xE2\x80\xA6", 0, 1},
      {"lone lead byte at the end", "ab\xC2", "ab\xC2", 0, 0},
  };
  for (const Case& c : cases) {
    SECTION(c.label) {
      detail::CleanStats stats;
      CHECK(detail::clean_text(c.in, &stats) == c.out);
      CHECK(stats.controls_removed == c.controls);
      CHECK(stats.c1_mapped == c.c1);
    }
  }
}

TEST_CASE("is_blank and collapse_whitespace", "[ingest]") {
  CHECK(detail::is_blank(""));
  CHECK(detail::is_blank(" \n\t "));
  CHECK(detail::is_blank("\xC2\xA0\xE2\x80\x83\xE3\x80\x80\xEF\xBB\xBF\xE2\x80\x8B"));
  CHECK_FALSE(detail::is_blank(" a "));
  CHECK_FALSE(detail::is_blank("\xEF\xBF\xBD"));
  CHECK(detail::collapse_whitespace("  a \n\t b\xC2\xA0\xC2\xA0"
                                    "c  ") == "a b c");
  CHECK(detail::collapse_whitespace("x\x01y") == "xy");
}

TEST_CASE("append_utf8 replaces invalid code points", "[ingest]") {
  std::string s;
  detail::append_utf8(s, 0x41);
  detail::append_utf8(s, 0xD800);
  detail::append_utf8(s, 0x110000);
  detail::append_utf8(s, -5);
  detail::append_utf8(s, 0x1F600);
  CHECK(s == "A\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xF0\x9F\x98\x80");
}
