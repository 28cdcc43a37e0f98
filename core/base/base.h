// Shared vocabulary of the Parallax core: error values, byte spans, a portable hash.
//
// The core never throws across its public API and never exits: every call that
// can fail returns a Result<T>, which holds either a value or an Error (a code
// from ErrorCode plus a message a reader can act on).
//
// Offsets everywhere in the core are UTF-8 byte offsets into an article's
// decoded text (see ingest::RawArticle::text). Slicing that text with
// [start, end) yields exactly the span's text.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace parallax {

enum class ErrorCode {
  kInvalidArgument,  ///< a request the caller can fix (bad option, unknown command)
  kEmptyInput,       ///< a file with no bytes or only whitespace
  kBinaryInput,      ///< bytes that are not text in any supported encoding
  kTooLarge,         ///< a file or a set of files above the configured limit
  kBadJson,          ///< a .json input (or JSONL line) that does not parse or has no text
  kNoArticles,       ///< nothing usable is left to compare
};

/// Stable machine-readable name of a code ("empty_input", ...), used in JSON and by JS.
std::string_view error_code_name(ErrorCode code);

struct Error {
  ErrorCode code;
  std::string message;  ///< one sentence, names the input, says what to do
};

/// A value or an Error. Cheap to move; check ok() before value().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return state_.index() == 0; }
  const T& value() const& { return std::get<0>(state_); }
  T& value() & { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

/// A half-open byte range [start, end) into an article's decoded text.
struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - start; }
  bool empty() const { return end <= start; }
};

inline std::string_view slice(std::string_view text, Span span) {
  return text.substr(span.start, span.end - span.start);
}

/// FNV-1a, 64 bit: a hash that is the same on every platform and build, for resource
/// checksums and text shingles. Pass a previous result as `hash` to continue hashing.
inline std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t hash = 0xcbf29ce484222325ull) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ull;
  }
  return hash;
}

/// Word lists searched by bisection: `sorted_words` is true when `words` is in strictly
/// increasing byte order (check every list with a static_assert next to it), and
/// `in_sorted_words` is then a membership test in log time.
template <std::size_t N>
constexpr bool sorted_words(const std::string_view (&words)[N]) {
  for (std::size_t k = 1; k < N; ++k) {
    if (!(words[k - 1] < words[k])) return false;
  }
  return true;
}

/// Byte equality and byte order (as std::string_view's == and compare give them) of short
/// strings, written out: string_view calls memcmp, which in WebAssembly is an out-of-line
/// byte loop (Emscripten's libc) and costs a call per word; for words the inline loop is
/// faster there and no slower natively.
inline bool same_bytes(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}
inline int byte_order(std::string_view a, std::string_view b) {
  const std::size_t n = a.size() < b.size() ? a.size() : b.size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
    if (x != y) return x < y ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

/// Position of `w` in a word list sorted as `sorted_words` checks, or N when it is not there:
/// a bisection with byte_order, so no memcmp call per step.
template <std::size_t N>
std::size_t sorted_word_index(const std::string_view (&words)[N], std::string_view w) {
  std::size_t low = 0, high = N;
  while (low < high) {
    const std::size_t mid = low + (high - low) / 2;
    const int order = byte_order(words[mid], w);
    if (order == 0) return mid;
    if (order < 0)
      low = mid + 1;
    else
      high = mid;
  }
  return N;
}

template <std::size_t N>
bool in_sorted_words(const std::string_view (&words)[N], std::string_view w) {
  return sorted_word_index(words, w) < N;
}

}  // namespace parallax
