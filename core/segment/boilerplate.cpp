// Boilerplate flags: site chrome and publishing leftovers that are not article content.
//
// Precision matters more than recall: a flagged paragraph is hidden from comparison,
// so every phrase rule is limited to short paragraphs and anchored where the chrome
// really appears (start of the paragraph, a label before a colon, a run of list items
// after a "Contents"/"Related" heading). Nothing is removed, only flagged.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include "segment/detail.h"

namespace parallax::segment::detail {
namespace {

constexpr std::size_t kMaxPhraseBytes = 2000;  // longer paragraphs are never phrase-flagged

// Lower-cased ASCII, whitespace collapsed to one space, typographic apostrophes as '.
// Written into a buffer of the span's size plus 4 (every output byte replaces at least one
// input byte; the last code point may run up to 3 bytes past the span) instead of push_back per
// byte, which in WebAssembly is a call into the prebuilt libc++ for every byte (5% of compare under
// V8's baseline tier).
std::string folded(std::string_view text, Span s) {
  std::string out(s.size() + 4, '\0');
  char* const begin = out.data();
  char* end = begin;
  bool space = false;
  for (std::size_t i = s.start; i < s.end;) {
    const CodePoint c = decode_at(text, i);
    i += c.len;
    if (is_space(c.cp)) {
      space = true;
      continue;
    }
    if (space && end != begin) *end++ = ' ';
    space = false;
    if (c.cp == 0x2019 || c.cp == 0x2018) {
      *end++ = '\'';
    } else if (c.cp >= 'A' && c.cp <= 'Z') {
      *end++ = static_cast<char>(c.cp - 'A' + 'a');
    } else if (c.cp < 0x80) {
      *end++ = static_cast<char>(c.cp);
    } else if (c.cp == 0x2013 || c.cp == 0x2014) {
      *end++ = '-';
    } else {
      for (std::size_t k = i - c.len; k < i; ++k) *end++ = text[k];
    }
  }
  out.resize(static_cast<std::size_t>(end - begin));
  return out;
}

// Substring test without string_view::find: libc++ calls memchr once per occurrence of the
// phrase's first byte, and WebAssembly's memchr is slow (16% of compare's time in WASM on
// 100 FNC-1 articles, with every phrase list tried on every paragraph).
bool has(std::string_view s, std::string_view p) {
  if (p.empty()) return true;
  if (p.size() > s.size()) return false;
  const char first = p[0];
  const std::string_view rest = p.substr(1);
  const std::size_t last = s.size() - p.size();
  for (std::size_t i = 0; i <= last; ++i) {
    if (s[i] == first && s.substr(i + 1, rest.size()) == rest) return true;
  }
  return false;
}
// The byte pairs that occur in one folded paragraph, hashed into 4096 bits. A phrase one of
// whose byte pairs never occurs in the paragraph cannot occur in it, so most phrase tests
// end after a few bit look-ups instead of a scan of the paragraph; the others (a hash
// collision, or the phrase is there) are answered by has(). The answer is always exact.
class FoldedText {
 public:
  explicit FoldedText(std::string_view text) : text_(text) {
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
      const unsigned slot = pair_slot(text[i], text[i + 1]);
      bits_[slot / 64] |= std::uint64_t{1} << (slot % 64);
    }
  }
  std::string_view text() const { return text_; }
  bool has(std::string_view phrase) const {
    for (std::size_t i = 0; i + 1 < phrase.size(); ++i) {
      const unsigned slot = pair_slot(phrase[i], phrase[i + 1]);
      if ((bits_[slot / 64] & (std::uint64_t{1} << (slot % 64))) == 0) return false;
    }
    return parallax::segment::detail::has(text_, phrase);
  }

 private:
  // Both bytes as one 16-bit number, spread by a multiplicative (Fibonacci) hash: the top
  // 12 bits of the 32-bit product.
  static unsigned pair_slot(char a, char b) {
    const std::uint32_t pair = static_cast<std::uint32_t>(static_cast<unsigned char>(a)) << 8 |
                               static_cast<unsigned char>(b);
    return static_cast<unsigned>((pair * 2654435761u) >> 20);
  }
  std::string_view text_;
  std::array<std::uint64_t, 64> bits_{};
};

bool starts(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

template <std::size_t N>
bool has_any(const FoldedText& s, const std::array<std::string_view, N>& phrases) {
  for (std::string_view p : phrases) {
    if (s.has(p)) return true;
  }
  return false;
}

template <std::size_t N>
bool starts_any(std::string_view s, const std::array<std::string_view, N>& phrases) {
  for (std::string_view p : phrases) {
    if (starts(s, p)) return true;
  }
  return false;
}

// Text without trailing punctuation/markers: "Contents:" -> "contents".
std::string_view bare(std::string_view s) {
  std::size_t b = 0;
  while (b < s.size() && (s[b] == '#' || s[b] == ' ' || s[b] == '*')) ++b;
  std::size_t e = s.size();
  while (e > b && std::string_view(":.*# ").find(s[e - 1]) != std::string_view::npos) --e;
  return s.substr(b, e - b);
}

bool ends_with_terminal(std::string_view s) {
  return !s.empty() && std::string_view(".!?\"'").find(s.back()) != std::string_view::npos;
}

// Whole-word containment ("seo" but not "seoul").
bool has_word(std::string_view s, std::string_view w) {
  for (std::size_t p = s.find(w); p != std::string_view::npos; p = s.find(w, p + 1)) {
    const bool left = p == 0 || !std::isalnum(static_cast<unsigned char>(s[p - 1]));
    const std::size_t e = p + w.size();
    const bool right = e >= s.size() || !std::isalnum(static_cast<unsigned char>(s[e]));
    if (left && right) return true;
  }
  return false;
}

constexpr std::array<std::string_view, 24> kSeoLabels = {
    "meta description", "meta title",        "seo title",
    "seo description",  "primary keyword",   "secondary keyword",
    "focus keyword",    "focus keyphrase",   "target keyword",
    "lsi keyword",      "long-tail keyword", "keywords",
    "keyword",          "keyphrase",         "slug",
    "url slug",         "permalink",         "tags",
    "alt text",         "image alt",         "meta keywords",
    "seo keywords",     "suggested slug",    "seo"};

// "Primary Keywords: ...", "Slug: ...", "Meta Description (SEO)".
bool is_seo_label(std::string_view low, bool* label_only) {
  const std::size_t colon = low.find(':');
  std::string_view label =
      colon != std::string_view::npos && colon <= 40 ? low.substr(0, colon) : bare(low);
  if (label.size() > 40) return false;
  // Drop a parenthesised note: "meta description (seo)".
  const std::size_t paren = label.find(" (");
  if (paren != std::string_view::npos) label = label.substr(0, paren);
  while (!label.empty() && label.back() == ' ') label.remove_suffix(1);
  bool match = has(label, "keyword") || has(label, "keyphrase");
  for (std::string_view l : kSeoLabels) match = match || label == l;
  if (!match) return false;
  *label_only = colon == std::string_view::npos || bare(low.substr(colon + 1)).empty();
  return true;
}

bool is_seo_advice(const FoldedText& low, bool list_item) {
  static constexpr std::array<std::string_view, 10> kStrong = {
      "keyword-rich", "keyword rich", "seo-friendly", "seo friendly",     "news seo",
      "for seo",      "seo tip",      "backlink",     "featured snippet", "trending keywords"};
  if (has_any(low, kStrong)) return true;
  static constexpr std::array<std::string_view, 6> kYour = {
      "your blog", "your website", "your post", "your article", "your content", "your site"};
  static constexpr std::array<std::string_view, 5> kRank = {"rank", "seo", "search quer", "traffic",
                                                            "keyword"};
  if (has_any(low, kYour) && has_any(low, kRank)) return true;
  return list_item && has_word(low.text(), "seo");
}

bool weak_seo_signal(const FoldedText& low) {
  static constexpr std::array<std::string_view, 8> kWeak = {
      "trending", "search", "seo", "keyword", "traffic", "clicks", "rank", "engagement"};
  return has_any(low, kWeak);
}

const char* phrase_reason(const Paragraph& p, std::string_view low, std::size_t words) {
  // Every phrase search below is for paragraphs of at most 60 words; longer ones get an
  // empty filter (which finds nothing) so that they pay nothing for it.
  const FoldedText folded(words <= 60 ? low : std::string_view());
  bool label_only = false;
  if (words <= 60 && is_seo_label(low, &label_only)) return "SEO block";
  if (words <= 60 && is_seo_advice(folded, p.kind == ParagraphKind::kListItem)) {
    return "SEO advice";
  }

  static constexpr std::array<std::string_view, 10> kComment = {
      "leave a comment",
      "leave a reply",
      "your email address will not be published",
      "required fields are marked",
      "post comment",
      "comments are closed",
      "cancel reply",
      "add a comment",
      "join the conversation",
      "comment policy"};
  if (words <= 30 && has_any(folded, kComment)) return "comment form";

  static constexpr std::array<std::string_view, 12> kShare = {
      "share this article", "share this story",  "share this post",   "share on facebook",
      "share on twitter",   "share on whatsapp", "share on linkedin", "follow us on",
      "click to share",     "share via",         "share this:",       "share article"};
  if (words <= 12 && has_any(folded, kShare)) return "share prompt";

  static constexpr std::array<std::string_view, 11> kNewsletter = {"sign up for our newsletter",
                                                                   "subscribe to our newsletter",
                                                                   "sign up to our newsletter",
                                                                   "subscribe to our",
                                                                   "sign up for our",
                                                                   "newsletter sign-up",
                                                                   "newsletter signup",
                                                                   "get our newsletter",
                                                                   "delivered to your inbox",
                                                                   "enter your email",
                                                                   "join our mailing list"};
  if (words <= 30 && has_any(folded, kNewsletter)) return "newsletter prompt";
  // The outlet's own newsletter by name: "Sign up for the Civic Pulse newsletter to get local
  // news every morning." An imperative at the start and a newsletter or inbox named in it;
  // "Subscribers to the newsletter said ..." starts with no imperative and stays content.
  static constexpr std::array<std::string_view, 5> kSignUpStart = {
      "sign up ", "subscribe to ", "subscribe for ", "subscribe now", "register for "};
  static constexpr std::array<std::string_view, 3> kSignUpObject = {"newsletter", "inbox",
                                                                    "mailing list"};
  if (words <= 30 && starts_any(low, kSignUpStart) && has_any(folded, kSignUpObject)) {
    return "newsletter prompt";
  }

  // Cookie and consent banners: "We use cookies to personalise content ... Accept all".
  // Only the site speaking about its own cookies or its buttons; a news sentence about
  // cookies ("Regulators said sites must ask before setting cookies") names neither.
  static constexpr std::array<std::string_view, 11> kCookieBanner = {
      "we use cookies",     "uses cookies",  "use of cookies",        "accept all",
      "accept cookies",     "reject all",    "manage preferences",    "cookie settings",
      "cookie preferences", "cookie policy", "by continuing to brows"};
  if (words <= 50 && folded.has("cookie") && has_any(folded, kCookieBanner)) {
    return "cookie banner";
  }

  static constexpr std::array<std::string_view, 22> kRelated = {
      "read more",           "read also",       "also read",          "related articles",
      "related stories",     "related posts",   "related:",           "related news",
      "related content",     "more from",       "you may also like",  "you might also like",
      "recommended for you", "more stories",    "see also",           "most read",
      "most popular",        "trending now",    "more on this story", "show more",
      "load more",           "continue reading"};
  if (words <= 15 && starts_any(low, kRelated)) return "related links";

  if (words <= 30 &&
      (folded.has("\u00a9") || folded.has("all rights reserved") ||
       folded.has("reproduction reserved") || folded.has("reserved reproduction") ||
       starts(low, "(c) ") ||
       (starts(low, "copyright") && low.find_first_of("0123456789") != std::string_view::npos))) {
    return "copyright line";
  }

  static constexpr std::array<std::string_view, 6> kAds = {
      "advertisement", "sponsored content",  "story continues below advertisement",
      "ad feedback",   "scroll to continue", "paid content"};
  if (words <= 6 && starts_any(low, kAds)) return "advertisement";

  static constexpr std::array<std::string_view, 28> kUi = {"skip to content",
                                                           "skip to main content",
                                                           "back to top",
                                                           "go to top",
                                                           "scroll to top",
                                                           "menu",
                                                           "search",
                                                           "close",
                                                           "toggle navigation",
                                                           "main menu",
                                                           "navigation",
                                                           "print",
                                                           "email",
                                                           "share",
                                                           "tweet",
                                                           "facebook",
                                                           "twitter",
                                                           "whatsapp",
                                                           "linkedin",
                                                           "log in",
                                                           "login",
                                                           "sign in",
                                                           "subscribe",
                                                           "home",
                                                           "next article",
                                                           "previous article",
                                                           "listen to this article",
                                                           "loading"};
  const std::string_view b = bare(low);
  for (std::string_view u : kUi) {
    if (b == u) return "site navigation";
  }

  // "Home | World | Politics", "News » Europe » Russia", breadcrumbs "Home > News > City".
  if (words <= 25 && !ends_with_terminal(low)) {
    std::size_t seps = 0;
    for (std::string_view sep :
         {" | ", " \u2022 ", " \u00b7 ", " \u00bb ", " \u203a ", " / ", " > "}) {
      for (std::size_t q = low.find(sep); q != std::string_view::npos; q = low.find(sep, q + 1)) {
        ++seps;
      }
    }
    if (seps >= 2 && words <= (seps + 1) * 3) return "site navigation";
  }
  return nullptr;
}

bool is_menu_word(std::string_view b) {
  static constexpr std::array<std::string_view, 34> kMenu = {
      "home",          "world",    "politics",    "business", "sport",    "sports",     "tech",
      "technology",    "opinion",  "video",       "videos",   "news",     "health",     "science",
      "entertainment", "culture",  "lifestyle",   "travel",   "weather",  "markets",    "economy",
      "climate",       "podcasts", "newsletters", "more",     "latest",   "live",       "local",
      "national",      "europe",   "asia",        "africa",   "americas", "middle east"};
  for (std::string_view m : kMenu) {
    if (b == m) return true;
  }
  return false;
}

bool is_toc_heading(std::string_view b) {
  static constexpr std::array<std::string_view, 9> kToc = {
      "table of contents", "contents", "in this article",
      "on this page",      "jump to",  "article contents",
      "in this story",     "toc",      "quick links"};
  for (std::string_view t : kToc) {
    if (b == t) return true;
  }
  return false;
}

// "---", "* * *", "___": a horizontal rule carries no content.
bool is_rule_text(std::string_view low) {
  std::size_t count = 0;
  for (char c : low) {
    if (c == low[0]) {
      ++count;
    } else if (c != ' ') {
      return false;
    }
  }
  return count >= 3 && std::string_view("-*_=~").find(low[0]) != std::string_view::npos;
}

std::array<std::size_t, kScriptCount> script_letters(std::string_view text, Span s) {
  std::array<std::size_t, kScriptCount> counts{};
  for (std::size_t i = s.start; i < s.end && i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {  // ASCII fast path
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ++counts[static_cast<int>(Script::kLatin)];
      ++i;
      continue;
    }
    const CodePoint c = decode_at(text, i);
    i += c.len;
    const Script sc = script_of(c.cp);
    if (sc != Script::kNone) ++counts[static_cast<int>(sc)];
  }
  return counts;
}

void flag(Paragraph& p, const char* reason) {
  if (p.boilerplate) return;
  p.boilerplate = true;
  p.boilerplate_reason = reason;
}

}  // namespace

void flag_boilerplate(std::string_view text, std::vector<Paragraph>& paragraphs) {
  const std::size_t n = paragraphs.size();
  std::vector<std::string> low(n);
  std::vector<std::size_t> words(n, 0);
  // Letters per script of each paragraph, and for the whole article.
  std::vector<std::array<std::size_t, kScriptCount>> scripts(n);
  std::array<std::size_t, kScriptCount> total{};
  for (std::size_t k = 0; k < n; ++k) {
    const Span s = paragraphs[k].span;
    scripts[k] = script_letters(text, s);
    for (int j = 0; j < kScriptCount; ++j) total[j] += scripts[k][j];
    words[k] = word_count(text, s, 1000);
    if (s.size() <= kMaxPhraseBytes) low[k] = folded(text, s);
  }
  const auto dominant =
      static_cast<int>(std::max_element(total.begin(), total.end()) - total.begin());
  std::size_t all_letters = 0;
  for (std::size_t t : total) all_letters += t;

  for (std::size_t k = 0; k < n; ++k) {
    Paragraph& p = paragraphs[k];
    // A short line mostly in a script that is rare in this article: menus and widgets of
    // the site's other edition (an Arabic menu above an English article).
    const auto& sc = scripts[k];
    const auto major = static_cast<int>(std::max_element(sc.begin(), sc.end()) - sc.begin());
    std::size_t letters = 0;
    for (std::size_t t : sc) letters += t;
    if (letters > 0 && major != dominant && sc[major] * 10 >= letters * 6 && letters <= 400 &&
        total[major] * 4 <= all_letters) {
      flag(p, "other-script navigation");
      continue;
    }
    if (low[k].empty()) continue;
    if (p.kind == ParagraphKind::kParagraph && is_rule_text(low[k])) {
      flag(p, "horizontal rule");
      continue;
    }
    if (const char* reason = phrase_reason(p, low[k], words[k])) flag(p, reason);
  }

  // Runs: a heading and the items under it, menu-word lines, SEO advice lists.
  for (std::size_t k = 0; k < n; ++k) {
    const std::string_view b = bare(low[k]);
    if (words[k] <= 5 && is_toc_heading(b)) {
      flag(paragraphs[k], "table of contents");
      for (std::size_t j = k + 1; j < n && paragraphs[j].kind == ParagraphKind::kListItem; ++j) {
        flag(paragraphs[j], "table of contents");
      }
      continue;
    }
    if (paragraphs[k].boilerplate &&
        paragraphs[k].boilerplate_reason == std::string("related links") && words[k] <= 5) {
      for (std::size_t j = k + 1;
           j < n && paragraphs[j].kind == ParagraphKind::kListItem && words[j] <= 20; ++j) {
        flag(paragraphs[j], "related links");
      }
      continue;
    }
    bool label_only = false;
    if (words[k] <= 4 && is_seo_label(low[k], &label_only) && label_only && k + 1 < n &&
        paragraphs[k + 1].kind == ParagraphKind::kParagraph && words[k + 1] <= 60) {
      // "Meta Description (SEO)" on its own line: the description follows it.
      flag(paragraphs[k + 1], "SEO block");
    }
  }
  // SEO advice often comes as a list; its neighbours in the same list that talk about
  // search/trending are part of it.
  for (std::size_t k = 0; k < n; ++k) {
    if (paragraphs[k].boilerplate_reason != "SEO advice" ||
        paragraphs[k].kind != ParagraphKind::kListItem) {
      continue;
    }
    auto spread = [&](std::size_t j) {
      if (paragraphs[j].kind != ParagraphKind::kListItem) return false;
      if (paragraphs[j].boilerplate) return true;
      if (words[j] > 60 || !weak_seo_signal(FoldedText(low[j]))) return false;
      flag(paragraphs[j], "SEO advice");
      return true;
    };
    for (std::size_t j = k; j > 0 && spread(j - 1); --j) {
    }
    for (std::size_t j = k + 1; j < n && spread(j); ++j) {
    }
  }
  // Three or more one-to-three-word lines, mostly menu words: a navigation menu.
  std::size_t k = 0;
  while (k < n) {
    std::size_t m = k;
    std::size_t menu = 0;
    while (m < n && words[m] >= 1 && words[m] <= 3 && !low[m].empty() &&
           !ends_with_terminal(low[m])) {
      if (is_menu_word(bare(low[m]))) ++menu;
      ++m;
    }
    if (m - k >= 3 && menu * 2 >= m - k) {
      for (std::size_t j = k; j < m; ++j) flag(paragraphs[j], "site navigation");
    }
    k = std::max(m, k + 1);
  }
}

}  // namespace parallax::segment::detail
