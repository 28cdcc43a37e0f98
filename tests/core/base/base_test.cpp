#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "base/base.h"

using parallax::Error;
using parallax::ErrorCode;
using parallax::Result;

TEST_CASE("Result holds a value or an error", "[base]") {
  Result<int> good = 7;
  REQUIRE(good.ok());
  CHECK(good.value() == 7);

  Result<int> bad = Error{ErrorCode::kEmptyInput, "empty.txt is empty."};
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == ErrorCode::kEmptyInput);
  CHECK(bad.error().message == "empty.txt is empty.");
}

TEST_CASE("every error code has a stable snake_case name", "[base]") {
  CHECK(parallax::error_code_name(ErrorCode::kInvalidArgument) == "invalid_argument");
  CHECK(parallax::error_code_name(ErrorCode::kEmptyInput) == "empty_input");
  CHECK(parallax::error_code_name(ErrorCode::kBinaryInput) == "binary_input");
  CHECK(parallax::error_code_name(ErrorCode::kTooLarge) == "too_large");
  CHECK(parallax::error_code_name(ErrorCode::kBadJson) == "bad_json");
  CHECK(parallax::error_code_name(ErrorCode::kNoArticles) == "no_articles");
}

TEST_CASE("slice cuts a span out of text", "[base]") {
  CHECK(parallax::slice("Putin and Trump", {10, 15}) == "Trump");
  CHECK(parallax::slice("abc", {1, 1}).empty());
}

TEST_CASE("same_bytes and byte_order agree with string_view's == and compare", "[base]") {
  const std::vector<std::string_view> words = {
      "",         "a",         "ab",   "abc",  "abd",  "b",
      "B",        "ba",        "said", "says", "z",    "\xc3\xa9t\xc3\xa9",
      "\xc3\xa9", "e\xcc\x81", "\x7f", "\x80", "\xff", "\xff\xff"};
  for (std::string_view a : words) {
    for (std::string_view b : words) {
      INFO('"' << std::string(a) << "\" / \"" << std::string(b) << '"');
      CHECK(parallax::same_bytes(a, b) == (a == b));
      const int expected = a.compare(b) < 0 ? -1 : (a.compare(b) > 0 ? 1 : 0);
      CHECK(parallax::byte_order(a, b) == expected);  // bytes above 0x7f sort as unsigned
    }
  }
}

TEST_CASE("in_sorted_words finds every listed word and nothing else", "[base]") {
  static constexpr std::string_view kWords[] = {"according", "claimed", "said", "says", "told"};
  static_assert(parallax::sorted_words(kWords));
  for (std::string_view w : kWords) CHECK(parallax::in_sorted_words(kWords, w));
  for (std::string_view w :
       {"", "a", "accordin", "accordingly", "claim", "sai", "saids", "Said", "tolds", "zzz"}) {
    INFO(std::string(w));
    CHECK_FALSE(parallax::in_sorted_words(kWords, w));
  }
  static constexpr std::string_view kOne[] = {"only"};
  CHECK(parallax::in_sorted_words(kOne, "only"));
  CHECK_FALSE(parallax::in_sorted_words(kOne, "onl"));
}
