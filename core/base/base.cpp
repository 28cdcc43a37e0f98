#include "base/base.h"

namespace parallax {

std::string_view error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid_argument";
    case ErrorCode::kEmptyInput:
      return "empty_input";
    case ErrorCode::kBinaryInput:
      return "binary_input";
    case ErrorCode::kTooLarge:
      return "too_large";
    case ErrorCode::kBadJson:
      return "bad_json";
    case ErrorCode::kNoArticles:
      return "no_articles";
  }
  return "unknown";
}

}  // namespace parallax
