// HTML character references: the named table (the full HTML 4 set plus the
// HTML5 names that are common in news pages: Latin Extended letters, general
// punctuation, &apos; and friends) and numeric references.
//
// The table was generated once from Python's html.entities (HTML4 name2codepoint
// plus single-code-point HTML5 names below U+0400, in U+2000-U+206F, and a few
// symbols); it is sorted by name (byte order) for binary search.
#include <algorithm>
#include <iterator>

#include "ingest/detail.h"

namespace parallax::ingest::detail {
namespace {

struct Entity {
  std::string_view name;
  std::int32_t cp;
};

// clang-format off
constexpr Entity kEntities[] = {
    {"AElig", 0xC6}, {"AMP", 0x26}, {"Aacute", 0xC1}, {"Abreve", 0x102}, {"Acirc", 0xC2},
    {"Agrave", 0xC0}, {"Alpha", 0x391}, {"Amacr", 0x100}, {"Aogon", 0x104},
    {"ApplyFunction", 0x2061}, {"Aring", 0xC5}, {"Atilde", 0xC3}, {"Auml", 0xC4}, {"Beta", 0x392},
    {"Breve", 0x2D8}, {"COPY", 0xA9}, {"Cacute", 0x106}, {"Ccaron", 0x10C}, {"Ccedil", 0xC7},
    {"Ccirc", 0x108}, {"Cdot", 0x10A}, {"Cedilla", 0xB8}, {"CenterDot", 0xB7}, {"Chi", 0x3A7},
    {"CloseCurlyDoubleQuote", 0x201D}, {"CloseCurlyQuote", 0x2019}, {"Dagger", 0x2021},
    {"Dcaron", 0x10E}, {"Delta", 0x394}, {"DiacriticalAcute", 0xB4}, {"DiacriticalDot", 0x2D9},
    {"DiacriticalDoubleAcute", 0x2DD}, {"DiacriticalGrave", 0x60}, {"DiacriticalTilde", 0x2DC},
    {"Dot", 0xA8}, {"DoubleDot", 0xA8}, {"DownBreve", 0x311}, {"Dstrok", 0x110}, {"ENG", 0x14A},
    {"ETH", 0xD0}, {"Eacute", 0xC9}, {"Ecaron", 0x11A}, {"Ecirc", 0xCA}, {"Edot", 0x116},
    {"Egrave", 0xC8}, {"Emacr", 0x112}, {"Eogon", 0x118}, {"Epsilon", 0x395}, {"Eta", 0x397},
    {"Euml", 0xCB}, {"GT", 0x3E}, {"Gamma", 0x393}, {"Gammad", 0x3DC}, {"Gbreve", 0x11E},
    {"Gcedil", 0x122}, {"Gcirc", 0x11C}, {"Gdot", 0x120}, {"Hacek", 0x2C7}, {"Hat", 0x5E},
    {"Hcirc", 0x124}, {"Hstrok", 0x126}, {"IJlig", 0x132}, {"Iacute", 0xCD}, {"Icirc", 0xCE},
    {"Idot", 0x130}, {"Igrave", 0xCC}, {"Imacr", 0x12A}, {"InvisibleComma", 0x2063},
    {"InvisibleTimes", 0x2062}, {"Iogon", 0x12E}, {"Iota", 0x399}, {"Itilde", 0x128}, {"Iuml", 0xCF},
    {"Jcirc", 0x134}, {"Kappa", 0x39A}, {"Kcedil", 0x136}, {"LT", 0x3C}, {"Lacute", 0x139},
    {"Lambda", 0x39B}, {"Lcaron", 0x13D}, {"Lcedil", 0x13B}, {"Lmidot", 0x13F}, {"Lstrok", 0x141},
    {"MediumSpace", 0x205F}, {"Mu", 0x39C}, {"Nacute", 0x143}, {"Ncaron", 0x147}, {"Ncedil", 0x145},
    {"NegativeMediumSpace", 0x200B}, {"NegativeThickSpace", 0x200B}, {"NegativeThinSpace", 0x200B},
    {"NegativeVeryThinSpace", 0x200B}, {"NewLine", 0xA}, {"NoBreak", 0x2060},
    {"NonBreakingSpace", 0xA0}, {"Ntilde", 0xD1}, {"Nu", 0x39D}, {"OElig", 0x152}, {"Oacute", 0xD3},
    {"Ocirc", 0xD4}, {"Odblac", 0x150}, {"Ograve", 0xD2}, {"Omacr", 0x14C}, {"Omega", 0x3A9},
    {"Omicron", 0x39F}, {"OpenCurlyDoubleQuote", 0x201C}, {"OpenCurlyQuote", 0x2018},
    {"Oslash", 0xD8}, {"Otilde", 0xD5}, {"Ouml", 0xD6}, {"OverBar", 0x203E}, {"Phi", 0x3A6},
    {"Pi", 0x3A0}, {"PlusMinus", 0xB1}, {"Prime", 0x2033}, {"Psi", 0x3A8}, {"QUOT", 0x22},
    {"REG", 0xAE}, {"Racute", 0x154}, {"Rcaron", 0x158}, {"Rcedil", 0x156}, {"Rho", 0x3A1},
    {"Sacute", 0x15A}, {"Scaron", 0x160}, {"Scedil", 0x15E}, {"Scirc", 0x15C}, {"Sigma", 0x3A3},
    {"THORN", 0xDE}, {"TRADE", 0x2122}, {"Tab", 0x9}, {"Tau", 0x3A4}, {"Tcaron", 0x164},
    {"Tcedil", 0x162}, {"Theta", 0x398}, {"ThinSpace", 0x2009}, {"Tstrok", 0x166}, {"Uacute", 0xDA},
    {"Ubreve", 0x16C}, {"Ucirc", 0xDB}, {"Udblac", 0x170}, {"Ugrave", 0xD9}, {"Umacr", 0x16A},
    {"UnderBar", 0x5F}, {"Uogon", 0x172}, {"Upsi", 0x3D2}, {"Upsilon", 0x3A5}, {"Uring", 0x16E},
    {"Utilde", 0x168}, {"Uuml", 0xDC}, {"Verbar", 0x2016}, {"Vert", 0x2016}, {"VerticalLine", 0x7C},
    {"VeryThinSpace", 0x200A}, {"Wcirc", 0x174}, {"Xi", 0x39E}, {"Yacute", 0xDD}, {"Ycirc", 0x176},
    {"Yuml", 0x178}, {"Zacute", 0x179}, {"Zcaron", 0x17D}, {"Zdot", 0x17B},
    {"ZeroWidthSpace", 0x200B}, {"Zeta", 0x396}, {"aacute", 0xE1}, {"abreve", 0x103},
    {"acirc", 0xE2}, {"acute", 0xB4}, {"aelig", 0xE6}, {"af", 0x2061}, {"agrave", 0xE0},
    {"alefsym", 0x2135}, {"alpha", 0x3B1}, {"amacr", 0x101}, {"amp", 0x26}, {"and", 0x2227},
    {"ang", 0x2220}, {"angst", 0xC5}, {"aogon", 0x105}, {"apos", 0x27}, {"aring", 0xE5},
    {"ast", 0x2A}, {"asymp", 0x2248}, {"atilde", 0xE3}, {"auml", 0xE4}, {"backepsilon", 0x3F6},
    {"backprime", 0x2035}, {"bdquo", 0x201E}, {"bepsi", 0x3F6}, {"beta", 0x3B2}, {"bigstar", 0x2605},
    {"bprime", 0x2035}, {"breve", 0x2D8}, {"brvbar", 0xA6}, {"bsemi", 0x204F}, {"bsol", 0x5C},
    {"bull", 0x2022}, {"bullet", 0x2022}, {"cacute", 0x107}, {"cap", 0x2229}, {"caret", 0x2041},
    {"caron", 0x2C7}, {"ccaron", 0x10D}, {"ccedil", 0xE7}, {"ccirc", 0x109}, {"cdot", 0x10B},
    {"cedil", 0xB8}, {"cent", 0xA2}, {"centerdot", 0xB7}, {"check", 0x2713}, {"checkmark", 0x2713},
    {"chi", 0x3C7}, {"circ", 0x2C6}, {"circledR", 0xAE}, {"clubs", 0x2663}, {"colon", 0x3A},
    {"comma", 0x2C}, {"commat", 0x40}, {"cong", 0x2245}, {"copy", 0xA9}, {"copysr", 0x2117},
    {"crarr", 0x21B5}, {"cross", 0x2717}, {"cup", 0x222A}, {"curren", 0xA4}, {"dArr", 0x21D3},
    {"dagger", 0x2020}, {"darr", 0x2193}, {"dash", 0x2010}, {"dblac", 0x2DD}, {"dcaron", 0x10F},
    {"ddagger", 0x2021}, {"deg", 0xB0}, {"delta", 0x3B4}, {"diams", 0x2666}, {"die", 0xA8},
    {"digamma", 0x3DD}, {"div", 0xF7}, {"divide", 0xF7}, {"dollar", 0x24}, {"dot", 0x2D9},
    {"dstrok", 0x111}, {"eacute", 0xE9}, {"ecaron", 0x11B}, {"ecirc", 0xEA}, {"edot", 0x117},
    {"egrave", 0xE8}, {"emacr", 0x113}, {"empty", 0x2205}, {"emsp", 0x2003}, {"emsp13", 0x2004},
    {"emsp14", 0x2005}, {"eng", 0x14B}, {"ensp", 0x2002}, {"eogon", 0x119}, {"epsi", 0x3B5},
    {"epsilon", 0x3B5}, {"epsiv", 0x3F5}, {"equals", 0x3D}, {"equiv", 0x2261}, {"eta", 0x3B7},
    {"eth", 0xF0}, {"euml", 0xEB}, {"euro", 0x20AC}, {"excl", 0x21}, {"exist", 0x2203},
    {"female", 0x2640}, {"fnof", 0x192}, {"forall", 0x2200}, {"frac12", 0xBD}, {"frac13", 0x2153},
    {"frac14", 0xBC}, {"frac15", 0x2155}, {"frac16", 0x2159}, {"frac18", 0x215B}, {"frac23", 0x2154},
    {"frac25", 0x2156}, {"frac34", 0xBE}, {"frac35", 0x2157}, {"frac38", 0x215C}, {"frac45", 0x2158},
    {"frac56", 0x215A}, {"frac58", 0x215D}, {"frac78", 0x215E}, {"frasl", 0x2044}, {"gacute", 0x1F5},
    {"gamma", 0x3B3}, {"gammad", 0x3DD}, {"gbreve", 0x11F}, {"gcirc", 0x11D}, {"gdot", 0x121},
    {"ge", 0x2265}, {"grave", 0x60}, {"gt", 0x3E}, {"hArr", 0x21D4}, {"hairsp", 0x200A},
    {"half", 0xBD}, {"harr", 0x2194}, {"hcirc", 0x125}, {"hearts", 0x2665}, {"hellip", 0x2026},
    {"horbar", 0x2015}, {"hstrok", 0x127}, {"hybull", 0x2043}, {"hyphen", 0x2010}, {"iacute", 0xED},
    {"ic", 0x2063}, {"icirc", 0xEE}, {"iexcl", 0xA1}, {"igrave", 0xEC}, {"ijlig", 0x133},
    {"imacr", 0x12B}, {"image", 0x2111}, {"imath", 0x131}, {"imped", 0x1B5}, {"incare", 0x2105},
    {"infin", 0x221E}, {"inodot", 0x131}, {"int", 0x222B}, {"iogon", 0x12F}, {"iota", 0x3B9},
    {"iquest", 0xBF}, {"isin", 0x2208}, {"it", 0x2062}, {"itilde", 0x129}, {"iuml", 0xEF},
    {"jcirc", 0x135}, {"jmath", 0x237}, {"kappa", 0x3BA}, {"kappav", 0x3F0}, {"kcedil", 0x137},
    {"kgreen", 0x138}, {"lArr", 0x21D0}, {"lacute", 0x13A}, {"lambda", 0x3BB}, {"lang", 0x2329},
    {"laquo", 0xAB}, {"larr", 0x2190}, {"lbrace", 0x7B}, {"lbrack", 0x5B}, {"lcaron", 0x13E},
    {"lcedil", 0x13C}, {"lceil", 0x2308}, {"lcub", 0x7B}, {"ldquo", 0x201C}, {"ldquor", 0x201E},
    {"le", 0x2264}, {"lfloor", 0x230A}, {"lmidot", 0x140}, {"lowast", 0x2217}, {"lowbar", 0x5F},
    {"loz", 0x25CA}, {"lpar", 0x28}, {"lrm", 0x200E}, {"lsaquo", 0x2039}, {"lsqb", 0x5B},
    {"lsquo", 0x2018}, {"lsquor", 0x201A}, {"lstrok", 0x142}, {"lt", 0x3C}, {"macr", 0xAF},
    {"male", 0x2642}, {"mdash", 0x2014}, {"micro", 0xB5}, {"midast", 0x2A}, {"middot", 0xB7},
    {"minus", 0x2212}, {"mldr", 0x2026}, {"mu", 0x3BC}, {"nabla", 0x2207}, {"nacute", 0x144},
    {"napos", 0x149}, {"nbsp", 0xA0}, {"ncaron", 0x148}, {"ncedil", 0x146}, {"ndash", 0x2013},
    {"ne", 0x2260}, {"ni", 0x220B}, {"nldr", 0x2025}, {"not", 0xAC}, {"notin", 0x2209},
    {"nsub", 0x2284}, {"ntilde", 0xF1}, {"nu", 0x3BD}, {"num", 0x23}, {"numero", 0x2116},
    {"numsp", 0x2007}, {"oacute", 0xF3}, {"ocirc", 0xF4}, {"odblac", 0x151}, {"oelig", 0x153},
    {"ogon", 0x2DB}, {"ograve", 0xF2}, {"ohm", 0x3A9}, {"oline", 0x203E}, {"omacr", 0x14D},
    {"omega", 0x3C9}, {"omicron", 0x3BF}, {"oplus", 0x2295}, {"or", 0x2228}, {"ordf", 0xAA},
    {"ordm", 0xBA}, {"oslash", 0xF8}, {"otilde", 0xF5}, {"otimes", 0x2297}, {"ouml", 0xF6},
    {"para", 0xB6}, {"part", 0x2202}, {"percnt", 0x25}, {"period", 0x2E}, {"permil", 0x2030},
    {"perp", 0x22A5}, {"pertenk", 0x2031}, {"phi", 0x3C6}, {"phiv", 0x3D5}, {"phone", 0x260E},
    {"pi", 0x3C0}, {"piv", 0x3D6}, {"plus", 0x2B}, {"plusmn", 0xB1}, {"pm", 0xB1}, {"pound", 0xA3},
    {"prime", 0x2032}, {"prod", 0x220F}, {"prop", 0x221D}, {"psi", 0x3C8}, {"puncsp", 0x2008},
    {"qprime", 0x2057}, {"quest", 0x3F}, {"quot", 0x22}, {"rArr", 0x21D2}, {"racute", 0x155},
    {"radic", 0x221A}, {"rang", 0x232A}, {"raquo", 0xBB}, {"rarr", 0x2192}, {"rbrace", 0x7D},
    {"rbrack", 0x5D}, {"rcaron", 0x159}, {"rcedil", 0x157}, {"rceil", 0x2309}, {"rcub", 0x7D},
    {"rdquo", 0x201D}, {"rdquor", 0x201D}, {"real", 0x211C}, {"reg", 0xAE}, {"rfloor", 0x230B},
    {"rho", 0x3C1}, {"rhov", 0x3F1}, {"ring", 0x2DA}, {"rlm", 0x200F}, {"rpar", 0x29},
    {"rsaquo", 0x203A}, {"rsqb", 0x5D}, {"rsquo", 0x2019}, {"rsquor", 0x2019}, {"sacute", 0x15B},
    {"sbquo", 0x201A}, {"scaron", 0x161}, {"scedil", 0x15F}, {"scirc", 0x15D}, {"sdot", 0x22C5},
    {"sect", 0xA7}, {"semi", 0x3B}, {"shy", 0xAD}, {"sigma", 0x3C3}, {"sigmaf", 0x3C2},
    {"sigmav", 0x3C2}, {"sim", 0x223C}, {"sol", 0x2F}, {"spades", 0x2660}, {"star", 0x2606},
    {"starf", 0x2605}, {"straightepsilon", 0x3F5}, {"straightphi", 0x3D5}, {"strns", 0xAF},
    {"sub", 0x2282}, {"sube", 0x2286}, {"sum", 0x2211}, {"sup", 0x2283}, {"sup1", 0xB9},
    {"sup2", 0xB2}, {"sup3", 0xB3}, {"supe", 0x2287}, {"szlig", 0xDF}, {"tau", 0x3C4},
    {"tcaron", 0x165}, {"tcedil", 0x163}, {"there4", 0x2234}, {"theta", 0x3B8}, {"thetasym", 0x3D1},
    {"thetav", 0x3D1}, {"thinsp", 0x2009}, {"thorn", 0xFE}, {"tilde", 0x2DC}, {"times", 0xD7},
    {"tprime", 0x2034}, {"trade", 0x2122}, {"tstrok", 0x167}, {"uArr", 0x21D1}, {"uacute", 0xFA},
    {"uarr", 0x2191}, {"ubreve", 0x16D}, {"ucirc", 0xFB}, {"udblac", 0x171}, {"ugrave", 0xF9},
    {"umacr", 0x16B}, {"uml", 0xA8}, {"uogon", 0x173}, {"upsi", 0x3C5}, {"upsih", 0x3D2},
    {"upsilon", 0x3C5}, {"uring", 0x16F}, {"utilde", 0x169}, {"uuml", 0xFC}, {"varepsilon", 0x3F5},
    {"varkappa", 0x3F0}, {"varphi", 0x3D5}, {"varpi", 0x3D6}, {"varrho", 0x3F1}, {"varsigma", 0x3C2},
    {"vartheta", 0x3D1}, {"verbar", 0x7C}, {"vert", 0x7C}, {"wcirc", 0x175}, {"weierp", 0x2118},
    {"xi", 0x3BE}, {"yacute", 0xFD}, {"ycirc", 0x177}, {"yen", 0xA5}, {"yuml", 0xFF},
    {"zacute", 0x17A}, {"zcaron", 0x17E}, {"zdot", 0x17C}, {"zeta", 0x3B6}, {"zwj", 0x200D},
    {"zwnj", 0x200C},
};
// clang-format on

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Browsers accept these without the ';' ("AT&amp T", "&copy 2025"); only when the
// next character cannot continue a name, so "&copyright" stays as written.
bool legacy_without_semicolon(std::string_view name) {
  return name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "nbsp" ||
         name == "copy" || name == "reg" || name == "AMP" || name == "LT" || name == "GT";
}

// Numeric reference value -> code point, following the HTML rules: NUL, surrogates
// and values above U+10FFFF are invalid; 0x80-0x9F are read as Windows-1252.
std::int32_t numeric_code_point(std::uint32_t value) {
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0xFFFD;
  if (value >= 0x80 && value <= 0x9F) {
    const std::int32_t mapped = cp1252_high(static_cast<unsigned char>(value));
    return mapped < 0 ? 0xFFFD : mapped;
  }
  return static_cast<std::int32_t>(value);
}

}  // namespace

std::int32_t lookup_entity(std::string_view name) {
  const auto* end = std::end(kEntities);
  const auto* it = std::lower_bound(std::begin(kEntities), end, name,
                                    [](const Entity& e, std::string_view n) { return e.name < n; });
  if (it == end || it->name != name) return -1;
  return it->cp;
}

std::string decode_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const char c = text[i];
    if (c != '&') {
      out.push_back(c);
      ++i;
      continue;
    }
    if (i + 1 < n && text[i + 1] == '#') {
      std::size_t j = i + 2;
      const bool hex = j < n && (text[j] == 'x' || text[j] == 'X');
      if (hex) ++j;
      const std::size_t digits_start = j;
      std::uint32_t value = 0;
      while (j < n) {
        const int d =
            hex ? hex_value(text[j]) : (text[j] >= '0' && text[j] <= '9' ? text[j] - '0' : -1);
        if (d < 0) break;
        // Saturate instead of overflowing: anything above U+10FFFF is invalid anyway.
        value =
            value > 0x10FFFF ? value : value * (hex ? 16u : 10u) + static_cast<std::uint32_t>(d);
        ++j;
      }
      if (j == digits_start) {  // "&#" or "&#x" without digits: not a reference
        out.push_back('&');
        ++i;
        continue;
      }
      if (j < n && text[j] == ';') ++j;
      append_utf8(out, numeric_code_point(value));
      i = j;
      continue;
    }
    std::size_t j = i + 1;
    while (j < n && j - i <= 32 && is_alnum(text[j])) ++j;
    const std::string_view name = text.substr(i + 1, j - i - 1);
    if (!name.empty()) {
      if (j < n && text[j] == ';') {
        const std::int32_t cp = lookup_entity(name);
        if (cp >= 0) {
          append_utf8(out, cp);
          i = j + 1;
          continue;
        }
      } else if (legacy_without_semicolon(name) && (j >= n || text[j] != '=')) {
        append_utf8(out, lookup_entity(name));
        i = j;
        continue;
      }
    }
    out.push_back('&');
    ++i;
  }
  return out;
}

}  // namespace parallax::ingest::detail
