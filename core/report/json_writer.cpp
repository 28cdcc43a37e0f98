// JSON scalars written as nlohmann's dump(-1, ' ', false, error_handler_t::replace) writes them
// (see report/detail.h). Owner: report.
#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

#include "report/detail.h"

namespace parallax::report::detail {

namespace {

// Length of the well-formed UTF-8 sequence starting with the non-ASCII byte at p[i]
// (Unicode 3.9, table 3-7: no overlong forms, no surrogates, at most U+10FFFF; the same set
// nlohmann's decoder accepts), 0 when it is not one.
std::size_t utf8_sequence_at(const unsigned char* p, std::size_t n, std::size_t i) {
  const unsigned char c = p[i];
  auto continuation = [&](std::size_t at, unsigned char low, unsigned char high) {
    return at < n && p[at] >= low && p[at] <= high;
  };
  if (c >= 0xC2 && c <= 0xDF) return continuation(i + 1, 0x80, 0xBF) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    const unsigned char low = c == 0xE0 ? 0xA0 : 0x80;
    const unsigned char high = c == 0xED ? 0x9F : 0xBF;
    return continuation(i + 1, low, high) && continuation(i + 2, 0x80, 0xBF) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const unsigned char low = c == 0xF0 ? 0x90 : 0x80;
    const unsigned char high = c == 0xF4 ? 0x8F : 0xBF;
    return continuation(i + 1, low, high) && continuation(i + 2, 0x80, 0xBF) &&
                   continuation(i + 3, 0x80, 0xBF)
               ? 4
               : 0;
  }
  return 0;
}

// What follows the backslash for the characters with a short escape; 0 for the other
// control characters (\u00xx) and for bytes copied as they are.
char short_escape(unsigned char c) {
  switch (c) {
    case '"':
      return '"';
    case '\\':
      return '\\';
    case '\b':
      return 'b';
    case '\t':
      return 't';
    case '\n':
      return 'n';
    case '\f':
      return 'f';
    case '\r':
      return 'r';
    default:
      return 0;
  }
}

// kPlainByte[b]: byte b is copied as it is, wherever it appears (printable ASCII other than
// '"' and '\\'). Every other byte stops the scan: an escape, or the lead of a UTF-8 sequence.
struct PlainBytes {
  bool plain[256] = {};
};
constexpr PlainBytes make_plain_bytes() {
  PlainBytes table;
  for (int b = 0x20; b < 0x80; ++b) table.plain[b] = b != '"' && b != '\\';
  return table;
}
constexpr PlainBytes kPlainByte = make_plain_bytes();

}  // namespace

namespace {

// The two outputs the scalar writers append to: a std::string (the free functions, tests)
// and the JsonWriter's own buffer (put inline: no libc++ call per byte or per key, which in
// WebAssembly is a call into the prebuilt library every time; docs/bench.md, "Round 5").
struct StringOut {
  std::string& s;
  void put(char c) { s.push_back(c); }
  void put(const char* p, std::size_t n) { s.append(p, n); }
  std::size_t mark() const { return s.size(); }
  void reset(std::size_t at) { s.resize(at); }
};
struct WriterOut {
  JsonWriter& w;
  void put(char c) { w.put(c); }
  void put(const char* p, std::size_t n) { w.put(p, n); }
  std::size_t mark() const { return w.size(); }
  void reset(std::size_t at) { w.truncate(at); }
};

template <typename Out>
void write_string(Out& out, std::string_view value) {
  // One pass: runs of bytes that need no escape are copied with one append each; a
  // non-ASCII byte must start a well-formed UTF-8 sequence, which is skipped whole.
  static constexpr char kHex[] = "0123456789abcdef";
  const auto* p = reinterpret_cast<const unsigned char*>(value.data());
  const std::size_t n = value.size();
  const std::size_t start = out.mark();
  out.put('"');
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    if (kPlainByte.plain[c]) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const std::size_t len = utf8_sequence_at(p, n, i);
      if (len == 0) {
        // nlohmann replaces invalid sequences with U+FFFD in its own way (it re-reads the
        // byte that broke a sequence); undo what was written and let it do exactly that.
        out.reset(start);
        const std::string dumped =
            nlohmann::json(std::string(value))
                .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        out.put(dumped.data(), dumped.size());
        return;
      }
      i += len;
      continue;
    }
    out.put(value.data() + run, i - run);
    run = i + 1;
    out.put('\\');
    if (const char e = short_escape(c)) {
      out.put(e);
    } else {
      out.put("u00", 3);
      out.put(kHex[c >> 4]);
      out.put(kHex[c & 0xF]);
    }
    ++i;
  }
  out.put(value.data() + run, n - run);
  out.put('"');
}

template <typename Out>
void write_double(Out& out, double value) {
  if (!std::isfinite(value)) {
    out.put("null", 4);
    return;
  }
  char buffer[64];  // nlohmann's own number buffer size
  char* end = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, value);
  out.put(buffer, static_cast<std::size_t>(end - buffer));
}

template <typename Out, typename Int>
void write_integer(Out& out, Int value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.put(buffer, static_cast<std::size_t>(result.ptr - buffer));
}

}  // namespace

void append_json_string(std::string& out, std::string_view value) {
  StringOut o{out};
  write_string(o, value);
}
void append_json_double(std::string& out, double value) {
  StringOut o{out};
  write_double(o, value);
}
void append_json_unsigned(std::string& out, std::uint64_t value) {
  StringOut o{out};
  write_integer(o, value);
}
void append_json_signed(std::string& out, std::int64_t value) {
  StringOut o{out};
  write_integer(o, value);
}

void JsonWriter::write_string(std::string_view value) {
  WriterOut o{*this};
  detail::write_string(o, value);
}
void JsonWriter::write_double(double value) {
  WriterOut o{*this};
  detail::write_double(o, value);
}
void JsonWriter::write_unsigned(std::uint64_t value) {
  WriterOut o{*this};
  write_integer(o, value);
}
void JsonWriter::write_signed(std::int64_t value) {
  WriterOut o{*this};
  write_integer(o, value);
}

void JsonWriter::grow(std::size_t n) {
  // Within the reserved capacity, 64 KiB more at a time (a resize writes the new bytes, so
  // the pages reserved but never written stay untouched, as with reserve alone); beyond it,
  // doubling.
  const std::size_t need = used_ + n;
  std::size_t size = out_.size() + (std::size_t{1} << 16);
  if (size > out_.capacity()) size = std::max(out_.size() * 2, out_.capacity());
  out_.resize(std::max(size, need));
}

}  // namespace parallax::report::detail
