// Tests for core/ingest/entities.cpp: named and numeric character references.
#include <catch2/catch.hpp>

#include <string>

#include "ingest/detail.h"

namespace detail = parallax::ingest::detail;

TEST_CASE("decode_entities handles named and numeric references", "[ingest]") {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"a &amp; b", "a & b"},
      {"&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"},
      {"&quot;hi&quot; &apos;x&apos;", "\"hi\" 'x'"},
      {"a&nbsp;b",
       "a\xC2\xA0"
       "b"},
      {"&mdash;&ndash;&hellip;", "\xE2\x80\x94\xE2\x80\x93\xE2\x80\xA6"},
      {"&lsquo;&rsquo;&ldquo;&rdquo;", "\xE2\x80\x98\xE2\x80\x99\xE2\x80\x9C\xE2\x80\x9D"},
      {"&eacute;&Eacute;&uuml;&szlig;", "\xC3\xA9\xC3\x89\xC3\xBC\xC3\x9F"},
      {"&euro;&pound;&copy;&reg;&trade;", "\xE2\x82\xAC\xC2\xA3\xC2\xA9\xC2\xAE\xE2\x84\xA2"},
      {"&alpha;&Omega;", "\xCE\xB1\xCE\xA9"},
      {"&scaron;&Ccaron;", "\xC5\xA1\xC4\x8C"},
      {"&#65;&#x42;&#X43;", "ABC"},
      {"&#8212;&#x2014;", "\xE2\x80\x94\xE2\x80\x94"},
      {"&#128512;", "\xF0\x9F\x98\x80"},
      {"&#0;", "\xEF\xBF\xBD"},
      {"&#xD800;", "\xEF\xBF\xBD"},
      {"&#x110000;", "\xEF\xBF\xBD"},
      {"&#99999999999999999999;", "\xEF\xBF\xBD"},
      {"&#150;", "\xE2\x80\x93"},  // 0x96 read as Windows-1252
      {"&#65 b", "A b"},           // missing ';' tolerated for numbers
      {"&#; &#x; &#xZ;", "&#; &#x; &#xZ;"},
      {"AT&T &unknown; & alone &", "AT&T &unknown; & alone &"},
      {"&amp &copy 2025", "& \xC2\xA9 2025"},
      {"&copyright", "&copyright"},
      {"&AMP;&LT;&GT;", "&<>"},
      {"&amp;amp;", "&amp;"},  // decoded once only
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(detail::decode_entities(c.in) == c.out);
  }
}

TEST_CASE("lookup_entity covers HTML4 and common HTML5 names", "[ingest]") {
  CHECK(detail::lookup_entity("nbsp") == 0xA0);
  CHECK(detail::lookup_entity("yuml") == 0xFF);
  CHECK(detail::lookup_entity("hearts") == 0x2665);
  CHECK(detail::lookup_entity("apos") == 0x27);
  CHECK(detail::lookup_entity("zwnj") == 0x200C);
  CHECK(detail::lookup_entity("Amp") == -1);  // names are case-sensitive
  CHECK(detail::lookup_entity("") == -1);
  CHECK(detail::lookup_entity("nosuchentity") == -1);
}
