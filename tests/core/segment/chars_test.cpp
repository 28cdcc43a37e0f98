#include <catch2/catch.hpp>

#include <string>

#include "segment/detail.h"

namespace d = parallax::segment::detail;

TEST_CASE("chars: decoding never stalls", "[segment][chars]") {
  const std::string text = "a\xc3\xa9\xff\xe2\x80";
  CHECK(d::decode_at(text, 0).cp == 'a');
  CHECK(d::decode_at(text, 1).cp == 0xE9);
  CHECK(d::decode_at(text, 1).len == 2);
  CHECK(d::decode_at(text, 3).cp == 0xFFFD);
  CHECK(d::decode_at(text, 3).len == 1);
  CHECK(d::decode_at(text, 4).len == 1);
  CHECK(d::decode_at(text, 99).len == 0);
  CHECK(d::decode_before(text, 3).cp == 0xE9);
  CHECK(d::decode_before(text, 0).len == 0);
}

TEST_CASE("chars: whitespace, classes and scripts", "[segment][chars]") {
  CHECK(d::is_space(0xA0));
  CHECK(d::is_space(0x200B));
  CHECK_FALSE(d::is_space('x'));
  CHECK(d::is_upper(0x0414));  // Cyrillic capital De
  CHECK(d::is_lower(0xE9));
  CHECK(d::is_digit(0x0663));  // Arabic-Indic three
  CHECK(d::script_of('a') == d::Script::kLatin);
  CHECK(d::script_of(0x0627) == d::Script::kArabic);
  CHECK(d::script_of(0x05D0) == d::Script::kHebrew);
  CHECK(d::script_of(0x4E2D) == d::Script::kCjk);
  CHECK(d::script_of(0x0416) == d::Script::kCyrillic);
  CHECK(d::script_of('5') == d::Script::kNone);
  const std::string text = " \u00a0 word \u3000";
  const parallax::Span t = d::trim(text, {0, text.size()});
  CHECK(parallax::slice(text, t) == "word");
  CHECK(d::word_count("a bb  ccc\n d", {0, 12}) == 4);
}
