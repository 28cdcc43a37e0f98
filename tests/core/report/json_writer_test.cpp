#include <catch2/catch.hpp>

#include <cstring>
#include <limits>
#include <random>

#include <nlohmann/json.hpp>

#include "report/detail.h"

using namespace parallax;
using report::detail::JsonWriter;

namespace {

// What report.cpp printed through nlohmann before the direct writer.
std::string nlohmann_dump(const nlohmann::ordered_json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string written_string(std::string_view s) {
  std::string out;
  report::detail::append_json_string(out, s);
  return out;
}

std::string written_double(double d) {
  std::string out;
  report::detail::append_json_double(out, d);
  return out;
}

}  // namespace

TEST_CASE("strings are escaped as nlohmann escapes them", "[report]") {
  CHECK(written_string("") == R"("")");
  CHECK(written_string("plain") == R"("plain")");
  CHECK(written_string("a\"b\\c/d") == R"("a\"b\\c/d")");
  CHECK(written_string("\b\f\n\r\t") == R"("\b\f\n\r\t")");
  CHECK(written_string(std::string("\0\x01\x1f", 3)) == R"("\u0000\u0001\u001f")");
  CHECK(written_string("\x7f") == "\"\x7f\"");                  // DEL is not escaped
  CHECK(written_string("\u2028\u00e9") == "\"\u2028\u00e9\"");  // nor U+2028, nor UTF-8
  CHECK(written_string("\x1b") == R"("\u001b")");               // lower-case hex
  // Invalid UTF-8: nlohmann's replacement (U+FFFD), exactly.
  CHECK(written_string("a\xff") == "\"a\xef\xbf\xbd\"");
  CHECK(written_string("\xc3(") == nlohmann_dump(std::string("\xc3(")));
  CHECK(written_string("\xe2\x82") == nlohmann_dump(std::string("\xe2\x82")));
}

TEST_CASE("random byte strings give nlohmann's bytes", "[report]") {
  std::mt19937 rng(7);
  // Bytes drawn mostly from the interesting ranges: ASCII, controls, lead and continuation bytes.
  const std::string alphabet = std::string("ab \"\\\n\t\x01\x1f\x7f", 11) +
                               "\x80\xbf\xc0\xc1\xc2\xdf\xe0\xe1\xec\xed\xee\xef" +
                               "\xf0\xf1\xf3\xf4\xf5\xff\x8f\x90\x9f\xa0";
  for (int i = 0; i < 200000; ++i) {
    std::string s;
    for (std::size_t n = rng() % 9; n > 0; --n) s += alphabet[rng() % alphabet.size()];
    const std::string expected = nlohmann_dump(s);
    if (written_string(s) != expected) {
      std::string hex;
      for (const char ch : s) hex += std::to_string(static_cast<unsigned char>(ch)) + " ";
      FAIL_CHECK("differs for bytes " << hex << ": " << written_string(s) << " vs " << expected);
      break;
    }
  }
}

TEST_CASE("doubles are printed as nlohmann prints them", "[report]") {
  CHECK(written_double(0.0) == "0.0");
  CHECK(written_double(-0.0) == "-0.0");
  CHECK(written_double(1.0) == "1.0");
  CHECK(written_double(0.9123) == "0.9123");
  CHECK(written_double(1e-5) == "1e-05");
  CHECK(written_double(1e20) == "1e+20");
  CHECK(written_double(std::numeric_limits<double>::quiet_NaN()) == "null");
  CHECK(written_double(-std::numeric_limits<double>::infinity()) == "null");
  std::mt19937_64 rng(11);
  for (int i = 0; i < 200000; ++i) {
    double d;
    if (i % 2 == 0) {
      const std::uint64_t bits = rng();
      std::memcpy(&d, &bits, sizeof d);  // any bit pattern: NaNs, subnormals, huge, tiny
    } else {
      d = std::round(std::uniform_real_distribution<double>(-2, 2)(rng) * 10000.0) / 10000.0;
    }
    const std::string expected = nlohmann_dump(d);
    if (written_double(d) != expected) {
      FAIL_CHECK("differs for " << expected << ": " << written_double(d));
      break;
    }
  }
}

TEST_CASE("integers and booleans are printed as nlohmann prints them", "[report]") {
  for (const std::uint64_t u : {std::uint64_t{0}, std::uint64_t{7}, std::uint64_t{4294967295u},
                                std::numeric_limits<std::uint64_t>::max()}) {
    std::string out;
    report::detail::append_json_unsigned(out, u);
    CHECK(out == nlohmann_dump(u));
  }
  for (const std::int64_t s :
       {std::int64_t{-1}, std::int64_t{0}, std::int64_t{42},
        std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()}) {
    std::string out;
    report::detail::append_json_signed(out, s);
    CHECK(out == nlohmann_dump(s));
  }
}

TEST_CASE("the writer places commas and keys", "[report]") {
  JsonWriter out(64);
  out.begin_object()
      .member("a", std::uint32_t{1})
      .member("b", "x")
      .key("c")
      .begin_array()
      .integer(1)
      .begin_object()
      .end_object()
      .begin_array()
      .end_array()
      .boolean(false)
      .number(0.5)
      .string("")
      .end_array()
      .member("d", std::int64_t{-1})
      .member("e", true)
      .key("f")
      .begin_object()
      .member("g", 2.0)
      .end_object()
      .end_object();
  const std::string text = out.take();
  CHECK(text == R"({"a":1,"b":"x","c":[1,{},[],false,0.5,""],"d":-1,"e":true,"f":{"g":2.0}})");
  CHECK(nlohmann::ordered_json::parse(text).dump() == text);
  CHECK(out.size() == 0);  // taken
}

TEST_CASE("the writer's own buffer grows past its reserve and matches the free functions",
          "[report]") {
  // A reserve of 8 bytes, then far more: every value through JsonWriter (its inline buffer)
  // must give the bytes the std::string functions give, invalid UTF-8 included.
  const std::vector<std::string> strings = {
      "plain",           "tab\there",          "quote\"back\\slash",
      "bad \xC3( utf-8", "\xE2\x80\x99 curly", std::string(100000, 'x'),
      "ctrl \x01 \x1f"};
  JsonWriter out(8);
  std::string expected = "[";
  out.begin_array();
  bool first = true;
  for (int round = 0; round < 3; ++round) {
    for (const std::string& s : strings) {
      out.string(s).number(0.1 * round).integer(std::uint64_t{18446744073709551615u});
      out.signed_integer(-round);
      for (const std::string& part :
           {written_string(s), written_double(0.1 * round), std::string("18446744073709551615"),
            std::to_string(-round)}) {
        if (!first) expected += ',';
        expected += part;
        first = false;
      }
    }
  }
  out.end_array();
  expected += ']';
  CHECK(out.size() == expected.size());
  const std::string text = out.take();
  CHECK(text == expected);
  CHECK(text.find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD from nlohmann's fallback
  // The writer can be used again after take().
  out.begin_object().member("k", "v").end_object();
  CHECK(out.take() == R"({"k":"v"})");
}
