// JSON scalars written as nlohmann's dump(-1, ' ', false, error_handler_t::replace) writes them
// (see report/detail.h). Owner: report.
#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

#include "report/detail.h"

namespace parallax::report::detail {

namespace {

// Well-formed UTF-8 (Unicode 3.9, table 3-7): no overlong forms, no surrogates, at most
// U+10FFFF. The same set nlohmann's decoder accepts.
bool valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  auto continuation = [&](std::size_t at, unsigned char low, unsigned char high) {
    return at < n && p[at] >= low && p[at] <= high;
  };
  while (i < n) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
    } else if (c >= 0xC2 && c <= 0xDF) {
      if (!continuation(i + 1, 0x80, 0xBF)) return false;
      i += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      const unsigned char low = c == 0xE0 ? 0xA0 : 0x80;
      const unsigned char high = c == 0xED ? 0x9F : 0xBF;
      if (!continuation(i + 1, low, high) || !continuation(i + 2, 0x80, 0xBF)) return false;
      i += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      const unsigned char low = c == 0xF0 ? 0x90 : 0x80;
      const unsigned char high = c == 0xF4 ? 0x8F : 0xBF;
      if (!continuation(i + 1, low, high) || !continuation(i + 2, 0x80, 0xBF) ||
          !continuation(i + 3, 0x80, 0xBF)) {
        return false;
      }
      i += 4;
    } else {
      return false;
    }
  }
  return true;
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

}  // namespace

void append_json_string(std::string& out, std::string_view value) {
  bool high = false;
  for (const char ch : value) high = high || static_cast<unsigned char>(ch) >= 0x80;
  if (high && !valid_utf8(value)) {
    // nlohmann replaces invalid sequences with U+FFFD in its own way (it re-reads the byte
    // that broke a sequence); let it do exactly that.
    out += nlohmann::json(std::string(value))
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(value.data() + run, i - run);
    run = i + 1;
    out += '\\';
    if (const char e = short_escape(c)) {
      out += e;
    } else {
      out += "u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  out.append(value.data() + run, value.size() - run);
  out += '"';
}

void append_json_double(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  char buffer[64];  // nlohmann's own number buffer size
  char* end = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, static_cast<std::size_t>(end - buffer));
}

void append_json_unsigned(std::string& out, std::uint64_t value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, static_cast<std::size_t>(result.ptr - buffer));
}

void append_json_signed(std::string& out, std::int64_t value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, static_cast<std::size_t>(result.ptr - buffer));
}

}  // namespace parallax::report::detail
