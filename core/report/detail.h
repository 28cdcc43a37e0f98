// Internal helpers of the report stage (not part of its public header).
//
// JsonWriter appends compact JSON to one buffer (a std::string it hands over), without building a
// tree first (report::to_json used to build an nlohmann tree of the whole analysis, then dump it:
// a third of compare's instructions and most of its peak memory). The bytes are exactly
// what nlohmann's dump(-1, ' ', false, error_handler_t::replace) prints for the same values:
//   - strings: '"' '\\' and \b \f \n \r \t escaped as such, other control characters as
//     \u00xx (lower-case hex), everything else (DEL, U+2028, any valid UTF-8) copied as is;
//     a string that is not valid UTF-8 is handed to nlohmann itself (rare: ingest repairs text);
//   - integers in decimal; doubles with nlohmann's own shortest round-trip formatting
//     (nlohmann::detail::to_chars: "0.0", "-0.0", "1e-05", "1e+20"...), NaN and infinities as null.
// Commas are placed by the writer; keys are trusted ASCII literals (never escaped). Misuse
// (a value without a key inside an object, unbalanced ends) gives malformed JSON, never a crash.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "report/report.h"

namespace parallax::report::detail {

/// "boilerplate", or the paragraph's kind name ("body", "heading", ...): the JSON's `kind`.
std::string_view paragraph_kind(const segment::Paragraph& paragraph);
/// The sentence `ref` names, or null when the reference points outside the analysis.
const segment::Sentence* find_sentence(const Analysis& analysis, const align::UnitRef& ref);
/// The text of the sentence `ref` names ("" when it points outside the analysis).
std::string unit_text(const Analysis& analysis, const align::UnitRef& ref);

/// A generous guess of to_json(analysis).size() (the texts, with room for escapes, plus a bound
/// per entry), so that the document is allocated once.
std::size_t estimated_json_bytes(const Analysis& analysis);

/// Appends `value` to `out` as a JSON string (with its quotes), escaped as nlohmann does.
void append_json_string(std::string& out, std::string_view value);
/// Appends a double as nlohmann prints it ("null" when not finite).
void append_json_double(std::string& out, double value);
void append_json_unsigned(std::string& out, std::uint64_t value);
void append_json_signed(std::string& out, std::int64_t value);

class JsonWriter {
 public:
  explicit JsonWriter(std::size_t reserve_bytes = 0) { out_.reserve(reserve_bytes); }

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }

  /// The next member's key; `name` is written as is (plain ASCII, nothing to escape).
  JsonWriter& key(std::string_view name) {
    separate();
    char* to = room(name.size() + 3);
    *to++ = '"';
    for (const char c : name) *to++ = c;
    *to++ = '"';
    *to = ':';
    used_ += name.size() + 3;
    after_key_ = true;
    return *this;
  }

  JsonWriter& string(std::string_view value) {
    separate();
    write_string(value);
    return *this;
  }
  JsonWriter& number(double value) {
    separate();
    write_double(value);
    return *this;
  }
  JsonWriter& integer(std::uint64_t value) {
    separate();
    write_unsigned(value);
    return *this;
  }
  JsonWriter& signed_integer(std::int64_t value) {
    separate();
    write_signed(value);
    return *this;
  }
  JsonWriter& boolean(bool value) {
    separate();
    if (value) {
      put("true", 4);
    } else {
      put("false", 5);
    }
    return *this;
  }

  /// Shorthands for one member: key then value.
  JsonWriter& member(std::string_view name, std::string_view value) {
    return key(name).string(value);
  }
  JsonWriter& member(std::string_view name, const char* value) { return key(name).string(value); }
  JsonWriter& member(std::string_view name, const std::string& value) {
    return key(name).string(value);
  }
  JsonWriter& member(std::string_view name, double value) { return key(name).number(value); }
  template <typename Int,
            std::enable_if_t<std::is_integral_v<Int> && !std::is_same_v<Int, bool>, int> = 0>
  JsonWriter& member(std::string_view name, Int value) {
    if constexpr (std::is_signed_v<Int>) {
      return key(name).signed_integer(value);
    } else {
      return key(name).integer(value);
    }
  }
  JsonWriter& member(std::string_view name, bool value) { return key(name).boolean(value); }

  std::size_t size() const { return used_; }
  std::size_t capacity() const { return out_.capacity(); }
  /// The document so far; the writer is empty afterwards.
  std::string take() {
    open_.clear();
    after_key_ = false;
    out_.resize(used_);
    used_ = 0;
    return std::move(out_);
  }

  /// Raw bytes (the scalar writers in json_writer.cpp; nothing is escaped here).
  void put(char c) {
    *room(1) = c;
    ++used_;
  }
  void put(const char* bytes, std::size_t n) {
    char* to = room(n);
    for (std::size_t i = 0; i < n; ++i) to[i] = bytes[i];
    used_ += n;
  }
  /// Drops what was written after the first `size` bytes.
  void truncate(std::size_t size) { used_ = size < used_ ? size : used_; }

 private:
  // The document is out_[0, used_); out_.size() is the room written so far (grown by
  // grow(), in json_writer.cpp). Every byte goes through room(): an inline size check and a
  // pointer, where std::string's push_back/append are calls into the prebuilt libc++ in
  // WebAssembly (docs/bench.md, "Round 5").
  char* room(std::size_t n) {
    if (out_.size() - used_ < n) grow(n);
    return out_.data() + used_;
  }
  void grow(std::size_t n);
  void write_string(std::string_view value);
  void write_double(double value);
  void write_unsigned(std::uint64_t value);
  void write_signed(std::int64_t value);

  // A comma before every element of an array or object but the first; none after a key.
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (open_.empty()) return;
    if (open_.back() != 0) put(',');
    open_.back() = 1;
  }
  JsonWriter& open(char bracket) {
    separate();
    put(bracket);
    open_.push_back(0);
    return *this;
  }
  JsonWriter& close(char bracket) {
    put(bracket);
    if (!open_.empty()) open_.pop_back();
    return *this;
  }

  std::string out_;
  std::size_t used_ = 0;
  /// Per open array/object: 1 when it holds an element already (bytes, not vector<bool>'s
  /// bit masking on every element written).
  std::vector<unsigned char> open_;
  bool after_key_ = false;
};

}  // namespace parallax::report::detail
