#include <catch2/catch.hpp>

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
