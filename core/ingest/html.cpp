// Tolerant HTML -> text blocks.
//
// Three steps, each linear in the input:
//   1. a hand-written tokenizer (tags, attributes with or without quotes,
//      comments, CDATA, doctype, raw-text elements such as <script>);
//   2. a small tree builder with the implicit closes that matter for text
//      (<p>, <li>, <tr>, <td>, ...), a depth cap and per-tag open counts so that
//      hostile nesting or stray end tags cannot make it quadratic;
//   3. a walk that drops non-article content (scripts, navigation, forms, ...)
//      and turns the rest into Blocks with collapsed white space.
// Markup never reaches the output: text comes only from text tokens, and a '<'
// followed by a letter always starts a tag.
#include <algorithm>
#include <iterator>
#include <unordered_map>

#include "ingest/detail.h"

namespace parallax::ingest::detail {
namespace {

// ---- tag table ------------------------------------------------------------

enum TagFlag : unsigned {
  kVoid = 1u << 0,        // never has content (<br>, <img>, ...)
  kBlock = 1u << 1,       // starts and ends a text block
  kDrop = 1u << 2,        // content is not article text
  kInline = 1u << 3,      // phrasing content (for the implicit </p>)
  kRaw = 1u << 4,         // content is raw text up to the matching end tag
  kRescueMain = 1u << 5,  // dropped unless it wraps <article>/<main>
  kRescueH1 = 1u << 6,    // dropped unless it wraps <article>/<main>/<h1>
};

struct TagEntry {
  std::string_view name;
  unsigned flags;
};

// Sorted by name for binary search.
constexpr TagEntry kTags[] = {
    {"a", kInline},
    {"abbr", kInline},
    {"address", kBlock},
    {"area", kVoid},
    {"article", kBlock},
    {"aside", kBlock | kDrop | kRescueMain},
    {"audio", kDrop},
    {"b", kInline},
    {"base", kVoid},
    {"basefont", kVoid},
    {"bdi", kInline},
    {"bdo", kInline},
    {"big", kInline},
    {"blockquote", kBlock},
    {"body", kBlock},
    {"br", kVoid | kInline},
    {"button", kDrop},
    {"canvas", kDrop},
    {"caption", kBlock},
    {"center", kBlock},
    {"cite", kInline},
    {"code", kInline},
    {"col", kVoid},
    {"dd", kBlock},
    {"del", kInline},
    {"details", kBlock},
    {"dfn", kInline},
    {"dialog", kBlock},
    {"dir", kBlock},
    {"div", kBlock},
    {"dl", kBlock},
    {"dt", kBlock},
    {"em", kInline},
    {"embed", kVoid | kDrop},
    {"fieldset", kBlock},
    {"figcaption", kBlock},
    {"figure", kBlock},
    {"font", kInline},
    {"footer", kBlock | kDrop | kRescueMain},
    {"form", kBlock | kDrop | kRescueH1},
    {"frame", kVoid},
    {"h1", kBlock},
    {"h2", kBlock},
    {"h3", kBlock},
    {"h4", kBlock},
    {"h5", kBlock},
    {"h6", kBlock},
    {"head", kBlock},
    {"header", kBlock},  // dropped only outside <article>/<main>, see walk
    {"hgroup", kBlock},
    {"hr", kVoid | kBlock},
    {"html", kBlock},
    {"i", kInline},
    {"iframe", kDrop | kRaw},
    {"img", kVoid | kInline},
    {"input", kVoid},
    {"ins", kInline},
    {"kbd", kInline},
    {"keygen", kVoid},
    {"label", kInline},
    {"legend", kBlock},
    {"li", kBlock},
    {"link", kVoid},
    {"main", kBlock},
    {"mark", kInline},
    {"menu", kBlock},
    {"meta", kVoid},
    {"nav", kBlock | kDrop | kRescueMain},
    {"nobr", kInline},
    {"noembed", kDrop | kRaw},
    {"noframes", kDrop | kRaw},
    {"noscript", kDrop | kRaw},
    {"object", kDrop},
    {"ol", kBlock},
    {"option", kBlock},
    {"p", kBlock},
    {"param", kVoid},
    {"picture", kInline},
    {"plaintext", kBlock | kRaw},
    {"pre", kBlock},
    {"q", kInline},
    {"rp", kInline},
    {"rt", kInline},
    {"ruby", kInline},
    {"s", kInline},
    {"samp", kInline},
    {"script", kDrop | kRaw},
    {"section", kBlock},
    {"select", kDrop},
    {"small", kInline},
    {"source", kVoid},
    {"span", kInline},
    {"strike", kInline},
    {"strong", kInline},
    {"style", kDrop | kRaw},
    {"sub", kInline},
    {"summary", kBlock},
    {"sup", kInline},
    {"svg", kDrop},
    {"table", kBlock},
    {"tbody", kBlock},
    {"td", kBlock},
    {"template", kDrop},
    {"textarea", kDrop | kRaw},
    {"tfoot", kBlock},
    {"th", kBlock},
    {"thead", kBlock},
    {"time", kInline},
    {"title", kDrop | kRaw},  // kept as metadata, not as body text
    {"tr", kBlock},
    {"track", kVoid},
    {"tt", kInline},
    {"u", kInline},
    {"ul", kBlock},
    {"var", kInline},
    {"video", kDrop},
    {"wbr", kVoid | kInline},
    {"xmp", kBlock | kRaw},
};

unsigned static_tag_flags(std::string_view name) {
  const auto* end = std::end(kTags);
  const auto* it =
      std::lower_bound(std::begin(kTags), end, name,
                       [](const TagEntry& e, std::string_view n) { return e.name < n; });
  return (it != end && it->name == name) ? it->flags : 0u;
}

// ---- character helpers ----------------------------------------------------

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char to_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_lower(c);
  return out;
}

bool iequals_prefix(std::string_view s, std::size_t pos, std::string_view prefix) {
  if (s.size() - std::min(pos, s.size()) < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    if (to_lower(s[pos + k]) != prefix[k]) return false;
  }
  return true;
}

// ---- tokenizer ------------------------------------------------------------

struct Attr {
  std::string name;   // lower-case
  std::string value;  // entities decoded
};

enum class TokenKind { kText, kCdata, kRawText, kStartTag, kEndTag };

struct Token {
  TokenKind kind = TokenKind::kText;
  std::string name;         // tags: lower-case name; raw text: its element
  std::vector<Attr> attrs;  // start tags
  bool self_closing = false;
  std::string_view text;  // text, CDATA and raw text (not yet entity-decoded)
};

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view s) : s_(s) {}

  // Fills `tok` with the next token; false at the end of input.
  bool next(Token& tok) {
    while (pos_ < s_.size()) {
      if (!raw_end_.empty()) {
        read_raw_text(tok);
        return true;
      }
      if (s_[pos_] != '<') {
        const std::size_t lt = s_.find('<', pos_);
        const std::size_t end = lt == std::string_view::npos ? s_.size() : lt;
        set_text(tok, TokenKind::kText, s_.substr(pos_, end - pos_));
        pos_ = end;
        return true;
      }
      if (read_markup(tok)) return true;
    }
    return false;
  }

 private:
  void set_text(Token& tok, TokenKind kind, std::string_view text) {
    tok.kind = kind;
    tok.name.clear();
    tok.attrs.clear();
    tok.self_closing = false;
    tok.text = text;
  }

  // Content of <script>, <style>, <title>, ... up to "</name" (case-insensitive).
  // Without that end tag, script/style/plaintext run to the end of the input (as
  // in browsers); the others stop at the next '<' and are marked unterminated so
  // that the rest of the page is parsed normally instead of being swallowed.
  void read_raw_text(Token& tok) {
    const std::string name = raw_end_;
    raw_end_.clear();
    std::size_t end = std::string_view::npos;
    if (name != "plaintext") end = find_end_tag(name, pos_);
    bool unterminated = false;
    if (end == std::string_view::npos) {
      end = s_.size();
      if (name != "plaintext" && name != "script" && name != "style") {
        unterminated = true;
        const std::size_t lt = s_.find('<', pos_);
        if (lt != std::string_view::npos) end = lt;
      }
    }
    set_text(tok, TokenKind::kRawText, s_.substr(pos_, end - pos_));
    tok.name = name;
    tok.self_closing = unterminated;  // reused as the "unterminated" flag for raw text
    pos_ = end;
  }

  std::size_t find_end_tag(const std::string& name, std::size_t from) {
    // Remember where an end tag is known to be missing, so that many unclosed
    // <title>s cannot each rescan the rest of the input.
    for (const auto& [missing_name, missing_from] : missing_end_) {
      if (missing_name == name && from >= missing_from) return std::string_view::npos;
    }
    for (std::size_t k = s_.find("</", from); k != std::string_view::npos;
         k = s_.find("</", k + 2)) {
      const std::size_t after = k + 2 + name.size();
      if (iequals_prefix(s_, k + 2, name) &&
          (after >= s_.size() || is_space(s_[after]) || s_[after] == '>' || s_[after] == '/')) {
        return k;
      }
    }
    missing_end_.emplace_back(name, from);
    return std::string_view::npos;
  }

  // Finds `c` at or after `from`, remembering failures: positions only grow, so
  // once a character is known to be absent from some point on, later searches
  // fail at once (keeps unclosed quotes from making the scan quadratic).
  std::size_t find_char(char c, std::size_t from) {
    std::size_t* absent = c == '"' ? &no_dquote_from_ : c == '\'' ? &no_squote_from_ : &no_gt_from_;
    if (from >= *absent) return std::string_view::npos;
    const std::size_t k = s_.find(c, from);
    if (k == std::string_view::npos) *absent = std::min(*absent, from);
    return k;
  }

  // At a '<'. Returns true when a token was produced; otherwise consumed
  // something silent (comment, doctype) or nothing at all.
  bool read_markup(Token& tok) {
    const std::size_t n = s_.size();
    const std::size_t at = pos_;
    if (at + 1 >= n) {  // lone '<' at the end
      set_text(tok, TokenKind::kText, s_.substr(at, 1));
      pos_ = n;
      return true;
    }
    const char c = s_[at + 1];
    if (is_alpha(c)) return read_start_tag(tok);
    if (c == '/') {
      if (at + 2 < n && is_alpha(s_[at + 2])) return read_end_tag(tok);
      if (at + 2 < n && s_[at + 2] == '>') {  // "</>" is ignored
        pos_ = at + 3;
        return false;
      }
      skip_to_gt(at + 2);  // bogus comment
      return false;
    }
    if (c == '!') {
      if (s_.compare(at, 4, "<!--") == 0) {
        if (s_.compare(at + 4, 1, ">") == 0) {
          pos_ = at + 5;
        } else if (s_.compare(at + 4, 2, "->") == 0) {
          pos_ = at + 6;
        } else {
          const std::size_t end = s_.find("-->", at + 4);
          pos_ = end == std::string_view::npos ? n : end + 3;
        }
        return false;
      }
      if (s_.compare(at, 9, "<![CDATA[") == 0) {
        const std::size_t end = s_.find("]]>", at + 9);
        const std::size_t stop = end == std::string_view::npos ? n : end;
        set_text(tok, TokenKind::kCdata, s_.substr(at + 9, stop - (at + 9)));
        pos_ = end == std::string_view::npos ? n : end + 3;
        return true;
      }
      skip_to_gt(at + 2);  // doctype or bogus comment
      return false;
    }
    if (c == '?') {
      skip_to_gt(at + 2);  // processing instruction / XML declaration
      return false;
    }
    set_text(tok, TokenKind::kText, s_.substr(at, 1));  // a literal '<' ("a < b")
    pos_ = at + 1;
    return true;
  }

  void skip_to_gt(std::size_t from) {
    const std::size_t gt = find_char('>', from);
    pos_ = gt == std::string_view::npos ? s_.size() : gt + 1;
  }

  std::size_t read_name(std::size_t k, std::string& name) {
    const std::size_t start = k;
    while (k < s_.size() && !is_space(s_[k]) && s_[k] != '/' && s_[k] != '>') ++k;
    name = lower(s_.substr(start, k - start));
    return k;
  }

  bool read_start_tag(Token& tok) {
    const std::size_t n = s_.size();
    tok.kind = TokenKind::kStartTag;
    tok.attrs.clear();
    tok.self_closing = false;
    tok.text = {};
    std::size_t k = read_name(pos_ + 1, tok.name);
    for (;;) {
      while (k < n && (is_space(s_[k]) || s_[k] == '/')) {
        tok.self_closing = s_[k] == '/';
        ++k;
      }
      if (k >= n) {  // EOF inside a tag: the tag is dropped, as browsers do
        pos_ = n;
        return false;
      }
      if (s_[k] == '>') break;
      tok.self_closing = false;
      // Attribute name: up to white space, '/', '>' or '=' (a leading '=' belongs to it).
      const std::size_t name_start = k;
      ++k;
      while (k < n && !is_space(s_[k]) && s_[k] != '/' && s_[k] != '>' && s_[k] != '=') ++k;
      Attr attr;
      attr.name = lower(s_.substr(name_start, k - name_start));
      std::size_t j = k;
      while (j < n && is_space(s_[j])) ++j;
      if (j < n && s_[j] == '=') {
        ++j;
        while (j < n && is_space(s_[j])) ++j;
        std::size_t value_start = j;
        std::size_t value_end = j;
        if (j < n && (s_[j] == '"' || s_[j] == '\'')) {
          const std::size_t close = find_char(s_[j], j + 1);
          value_start = j + 1;
          if (close != std::string_view::npos) {
            value_end = close;
            k = close + 1;
          } else {
            // Unclosed quote: end the value at the next '>' rather than swallowing the file.
            const std::size_t gt = find_char('>', j + 1);
            value_end = gt == std::string_view::npos ? n : gt;
            k = value_end;
          }
        } else {
          while (j < n && !is_space(s_[j]) && s_[j] != '>') ++j;
          value_end = j;
          k = j;
        }
        attr.value = decode_entities(s_.substr(value_start, value_end - value_start));
      }
      // Keep the first of duplicated attributes, cap the count against abuse.
      if (tok.attrs.size() < 64 &&
          std::none_of(tok.attrs.begin(), tok.attrs.end(),
                       [&](const Attr& a) { return a.name == attr.name; })) {
        tok.attrs.push_back(std::move(attr));
      }
    }
    pos_ = k + 1;
    if (static_tag_flags(tok.name) & kRaw) raw_end_ = tok.name;
    return true;
  }

  bool read_end_tag(Token& tok) {
    tok.kind = TokenKind::kEndTag;
    tok.attrs.clear();
    tok.self_closing = false;
    tok.text = {};
    const std::size_t k = read_name(pos_ + 2, tok.name);
    const std::size_t gt = find_char('>', k);
    if (gt == std::string_view::npos) {
      pos_ = s_.size();
      return false;
    }
    pos_ = gt + 1;
    return true;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  std::string raw_end_;  // non-empty: next comes raw text of this element
  std::vector<std::pair<std::string, std::size_t>> missing_end_;
  std::size_t no_dquote_from_ = std::string_view::npos;
  std::size_t no_squote_from_ = std::string_view::npos;
  std::size_t no_gt_from_ = std::string_view::npos;
};

// ---- tree -----------------------------------------------------------------

constexpr std::uint32_t kNone = 0xFFFFFFFFu;
constexpr std::size_t kMaxDepth = 200;  // deeper elements are flattened into their parent
// Element count cap (memory bound for hostile input, ~40 bytes a node): later tags
// are ignored, their text still flows into the current element.
constexpr std::size_t kMaxElements = 2000000;

struct Node {
  std::uint32_t tag = 0;  // 0: text node; else an id from TagTable
  std::uint32_t parent = kNone;
  std::uint32_t first_child = kNone;
  std::uint32_t last_child = kNone;
  std::uint32_t next_sibling = kNone;
  std::uint32_t text_begin = 0;  // text nodes: range in Tree::text
  std::uint32_t text_end = 0;
  std::int32_t attrs = -1;  // index into Tree::attrs, for the few tags whose attributes matter
  bool has_main = false;    // subtree holds <article> or <main>
  bool has_h1 = false;      // subtree holds <h1>
};

// Interns tag names to small ids so that the stack work compares integers.
class TagTable {
 public:
  TagTable() {
    names_.emplace_back();  // id 0 = text
    flags_.push_back(0);
  }
  std::uint32_t id(const std::string& name) {
    const auto it = ids_.find(name);
    if (it != ids_.end()) return it->second;
    if (names_.size() >= 50000) return kOther;  // absurd numbers of distinct names share one id
    const auto new_id = static_cast<std::uint32_t>(names_.size());
    names_.push_back(name);
    flags_.push_back(static_tag_flags(name));
    ids_.emplace(name, new_id);
    return new_id;
  }
  unsigned flags(std::uint32_t id) const { return id < flags_.size() ? flags_[id] : 0u; }
  const std::string& name(std::uint32_t id) const { return names_[id < names_.size() ? id : 0]; }
  std::size_t size() const { return names_.size(); }

  static constexpr std::uint32_t kOther = 0xFFFFFFF0u;

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> names_;
  std::vector<unsigned> flags_;
};

struct Tree {
  std::vector<Node> nodes;  // nodes[0] is the document root
  std::string text;         // decoded text of all text nodes
  std::vector<std::vector<Attr>> attrs;
  TagTable tags;
  bool has_main = false;
  std::string title;  // first <title> outside <svg>
  std::string og_title, site_name, canonical, og_url, published_meta, published_other;
};

std::string_view attr_value(const std::vector<Attr>& attrs, std::string_view name) {
  for (const Attr& a : attrs) {
    if (a.name == name) return a.value;
  }
  return {};
}

bool has_token(std::string_view list, std::string_view token) {
  // Space-separated, case-insensitive ("Canonical", "alternate canonical").
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && is_space(list[i])) ++i;
    const std::size_t start = i;
    while (i < list.size() && !is_space(list[i])) ++i;
    if (i - start == token.size() && iequals_prefix(list, start, token)) return true;
  }
  return false;
}

void set_if_empty(std::string& field, std::string_view value) {
  if (field.empty()) field = collapse_whitespace(value);
}

class TreeBuilder {
 public:
  explicit TreeBuilder(Tree& tree) : t_(tree) {
    t_.nodes.emplace_back();  // root
    stack_.push_back(0);
    ids_.html = t_.tags.id("html");
    ids_.body = t_.tags.id("body");
    ids_.head = t_.tags.id("head");
    ids_.p = t_.tags.id("p");
    ids_.li = t_.tags.id("li");
    ids_.dt = t_.tags.id("dt");
    ids_.dd = t_.tags.id("dd");
    ids_.div = t_.tags.id("div");
    ids_.address = t_.tags.id("address");
    ids_.tr = t_.tags.id("tr");
    ids_.td = t_.tags.id("td");
    ids_.th = t_.tags.id("th");
    ids_.table = t_.tags.id("table");
    ids_.thead = t_.tags.id("thead");
    ids_.tbody = t_.tags.id("tbody");
    ids_.tfoot = t_.tags.id("tfoot");
    ids_.caption = t_.tags.id("caption");
    ids_.option = t_.tags.id("option");
    ids_.svg = t_.tags.id("svg");
    ids_.meta = t_.tags.id("meta");
    ids_.link = t_.tags.id("link");
    ids_.time = t_.tags.id("time");
    ids_.br = t_.tags.id("br");
    ids_.article = t_.tags.id("article");
    ids_.main = t_.tags.id("main");
    ids_.h1 = t_.tags.id("h1");
    for (int level = 1; level <= 6; ++level) {
      heading_ids_[level - 1] = t_.tags.id(std::string("h") + static_cast<char>('0' + level));
    }
  }

  void add(Token& tok) {
    switch (tok.kind) {
      case TokenKind::kText:
        add_text(decode_entities(tok.text));
        break;
      case TokenKind::kCdata:
        add_text(tok.text);
        break;
      case TokenKind::kRawText:
        // <title> is RCDATA: keep its text as metadata. Other raw text (scripts,
        // styles, iframes) is dropped; <xmp>/<plaintext> content is literal text.
        if (tok.self_closing) {
          // Unterminated: close the element so the rest of the page stays visible.
          if (t_.nodes[stack_.back()].tag == t_.tags.id(tok.name)) pop();
          if (tok.name == "title" || tok.name == "xmp") add_text(decode_entities(tok.text));
          break;
        }
        if (tok.name == "title") {
          if (t_.title.empty() && !open(ids_.svg)) {
            t_.title = collapse_whitespace(decode_entities(tok.text));
          }
        } else if (tok.name == "xmp" || tok.name == "plaintext") {
          add_text(tok.text);
        }
        break;
      case TokenKind::kStartTag:
        start_tag(tok);
        break;
      case TokenKind::kEndTag:
        end_tag(tok);
        break;
    }
  }

  void finish() {
    // Children always have larger indices than their parent, so one backward
    // pass propagates "contains <article>/<main>/<h1>" up the tree.
    for (std::size_t i = t_.nodes.size(); i-- > 1;) {
      Node& node = t_.nodes[i];
      if (node.tag == ids_.article || node.tag == ids_.main) {
        node.has_main = true;
        t_.has_main = true;
      }
      if (node.tag == ids_.h1) node.has_h1 = true;
      if (node.parent != kNone) {
        Node& parent = t_.nodes[node.parent];
        parent.has_main = parent.has_main || node.has_main;
        parent.has_h1 = parent.has_h1 || node.has_h1;
      }
    }
  }

 private:
  struct Ids {
    std::uint32_t html, body, head, p, li, dt, dd, div, address, tr, td, th, table, thead, tbody,
        tfoot, caption, option, svg, meta, link, time, br, article, main, h1;
  };

  bool open(std::uint32_t id) const { return id < open_count_.size() && open_count_[id] > 0; }

  void count(std::uint32_t id, int delta) {
    if (id >= open_count_.size()) {
      if (id == TagTable::kOther) return;
      open_count_.resize(id + 1, 0);
    }
    open_count_[id] = static_cast<std::uint32_t>(static_cast<int>(open_count_[id]) + delta);
  }

  std::uint32_t append_node(Node node) {
    const auto index = static_cast<std::uint32_t>(t_.nodes.size());
    const std::uint32_t parent = stack_.back();
    node.parent = parent;
    Node& p = t_.nodes[parent];
    if (p.last_child == kNone) {
      p.first_child = index;
    } else {
      t_.nodes[p.last_child].next_sibling = index;
    }
    p.last_child = index;
    t_.nodes.push_back(node);
    return index;
  }

  void add_text(std::string_view text) {
    if (text.empty()) return;
    const Node& parent = t_.nodes[stack_.back()];
    const auto begin = static_cast<std::uint32_t>(t_.text.size());
    t_.text.append(text.data(), text.size());
    const auto end = static_cast<std::uint32_t>(t_.text.size());
    // Merge with a directly preceding text node (split tokens, stray '<').
    if (parent.last_child != kNone) {
      Node& last = t_.nodes[parent.last_child];
      if (last.tag == 0 && last.text_end == begin) {
        last.text_end = end;
        return;
      }
    }
    Node node;
    node.text_begin = begin;
    node.text_end = end;
    append_node(node);
  }

  void pop() {
    count(t_.nodes[stack_.back()].tag, -1);
    stack_.pop_back();
  }

  // Pops up to and including the nearest open `id`, looking at most `limit`
  // levels down and stopping at any element for which `stop` is true.
  template <typename Stop>
  void close_implied(std::uint32_t id, std::size_t limit, Stop stop) {
    if (!open(id)) return;
    for (std::size_t k = stack_.size(), seen = 0; k-- > 1 && seen < limit; ++seen) {
      const std::uint32_t tag = t_.nodes[stack_[k]].tag;
      if (tag == id) {
        while (stack_.size() > k) pop();
        return;
      }
      if (stop(tag)) return;
    }
  }

  bool is_heading(std::uint32_t id) const {
    return std::find(std::begin(heading_ids_), std::end(heading_ids_), id) !=
           std::end(heading_ids_);
  }

  void implicit_closes(std::uint32_t id, unsigned flags) {
    const auto not_inline = [&](std::uint32_t tag) { return !(t_.tags.flags(tag) & kInline); };
    if ((flags & kBlock) && id != ids_.td && id != ids_.th && id != ids_.tr && id != ids_.caption &&
        id != ids_.thead && id != ids_.tbody && id != ids_.tfoot && id != ids_.option) {
      close_implied(ids_.p, 16, not_inline);  // a block closes an open <p>
    }
    const auto list_stop = [&](std::uint32_t tag) {
      return tag != ids_.p && tag != ids_.div && tag != ids_.address &&
             !(t_.tags.flags(tag) & kInline);
    };
    if (id == ids_.li) close_implied(ids_.li, 16, list_stop);
    if (id == ids_.dt || id == ids_.dd) {
      close_implied(ids_.dt, 16, list_stop);
      close_implied(ids_.dd, 16, list_stop);
    }
    const auto table_stop = [&](std::uint32_t tag) {
      return tag == ids_.table || tag == ids_.thead || tag == ids_.tbody || tag == ids_.tfoot;
    };
    if (id == ids_.tr || id == ids_.thead || id == ids_.tbody || id == ids_.tfoot) {
      close_implied(ids_.tr, 16, table_stop);
    }
    if (id == ids_.thead || id == ids_.tbody || id == ids_.tfoot) {
      const auto stop = [&](std::uint32_t tag) { return tag == ids_.table; };
      close_implied(ids_.thead, 4, stop);
      close_implied(ids_.tbody, 4, stop);
      close_implied(ids_.tfoot, 4, stop);
    }
    if (id == ids_.td || id == ids_.th) {
      const auto stop = [&](std::uint32_t tag) { return tag == ids_.tr || table_stop(tag); };
      close_implied(ids_.td, 16, stop);
      close_implied(ids_.th, 16, stop);
    }
    if (id == ids_.option && t_.nodes[stack_.back()].tag == ids_.option) pop();
    if (is_heading(id) && is_heading(t_.nodes[stack_.back()].tag)) pop();
  }

  void metadata(std::uint32_t id, const std::vector<Attr>& attrs) {
    if (id == ids_.meta) {
      const std::string key =
          lower(!attr_value(attrs, "property").empty() ? attr_value(attrs, "property")
                : !attr_value(attrs, "name").empty()   ? attr_value(attrs, "name")
                                                       : attr_value(attrs, "itemprop"));
      const std::string_view content = attr_value(attrs, "content");
      if (content.empty()) return;
      if (key == "og:title") set_if_empty(t_.og_title, content);
      if (key == "og:site_name") set_if_empty(t_.site_name, content);
      if (key == "og:url") set_if_empty(t_.og_url, content);
      if (key == "article:published_time") set_if_empty(t_.published_meta, content);
      if (key == "datepublished" || key == "pubdate" || key == "publishdate" ||
          key == "publish-date" || key == "date" || key == "dc.date" || key == "dc.date.issued" ||
          key == "parsely-pub-date" || key == "sailthru.date") {
        set_if_empty(t_.published_other, content);
      }
    } else if (id == ids_.link && has_token(attr_value(attrs, "rel"), "canonical")) {
      set_if_empty(t_.canonical, attr_value(attrs, "href"));
    }
  }

  void start_tag(Token& tok) {
    const std::uint32_t id = t_.tags.id(tok.name);
    const unsigned flags = t_.tags.flags(id);
    if ((id == ids_.html || id == ids_.body || id == ids_.head) && open(id)) return;
    if (t_.nodes.size() >= kMaxElements) return;
    implicit_closes(id, flags);
    metadata(id, tok.attrs);
    Node node;
    node.tag = id;
    if (id == ids_.time && !tok.attrs.empty()) {
      node.attrs = static_cast<std::int32_t>(t_.attrs.size());
      t_.attrs.push_back(std::move(tok.attrs));
    }
    const std::uint32_t index = append_node(node);
    // Void and self-closed elements have no content; past the depth cap, elements
    // are flattened into their parent (text is kept, nesting is not).
    if ((flags & kVoid) || tok.self_closing || stack_.size() >= kMaxDepth) return;
    stack_.push_back(index);
    count(id, +1);
  }

  void end_tag(const Token& tok) {
    const std::uint32_t id = t_.tags.id(tok.name);
    if (id == ids_.br) {  // "</br>" is a line break in browsers too
      Token br;
      br.kind = TokenKind::kStartTag;
      br.name = "br";
      start_tag(br);
      return;
    }
    if (id == ids_.html || id == ids_.body || id == ids_.head) return;  // later text stays in body
    if (!open(id)) return;                                              // stray end tag
    // An inline end tag never closes a block opened inside it ("<b><p>x</b> y</p>"
    // keeps " y" in the paragraph, as browsers do).
    const bool is_inline = (t_.tags.flags(id) & kInline) != 0;
    for (std::size_t k = stack_.size(); k-- > 1;) {
      const std::uint32_t tag = t_.nodes[stack_[k]].tag;
      if (tag == id) {
        while (stack_.size() > k) pop();
        return;
      }
      if (is_inline && !(t_.tags.flags(tag) & kInline)) return;
    }
  }

  Tree& t_;
  std::vector<std::uint32_t> stack_;       // open elements, stack_[0] = root
  std::vector<std::uint32_t> open_count_;  // per tag id, how many are on the stack
  Ids ids_{};
  std::uint32_t heading_ids_[6] = {};
};

// ---- walk: tree -> blocks -------------------------------------------------

class BlockBuilder {
 public:
  explicit BlockBuilder(HtmlDocument& doc) : doc_(doc) {}

  void text(std::string_view s, BlockKind kind, bool pre) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto b = static_cast<unsigned char>(s[i]);
      if (b == '\n' && pre) {
        line_break();
        continue;
      }
      if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v') {
        pending_space_ = true;
        continue;
      }
      if (b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
        pending_space_ = true;  // no-break space collapses like a space
        ++i;
        continue;
      }
      if (b < 0x20 || b == 0x7F) continue;  // from numeric references such as &#1;
      if (buf_.empty()) {
        kind_ = kind;
      } else if (pending_cell_) {
        buf_ += " | ";
      } else if (pending_space_ && buf_.back() != '\n') {
        buf_ += ' ';
      }
      pending_space_ = false;
      pending_cell_ = false;
      buf_.push_back(static_cast<char>(b));
    }
  }

  // <br>: a newline inside the block; two in a row end the paragraph.
  void line_break() {
    if (buf_.empty()) return;
    if (buf_.back() == '\n') {
      flush();
      return;
    }
    buf_.push_back('\n');
    pending_space_ = false;
  }

  void cell() {
    if (!buf_.empty()) pending_cell_ = true;
  }

  void space() { pending_space_ = true; }

  void flush() {
    while (!buf_.empty() && buf_.back() == '\n') buf_.pop_back();
    if (!buf_.empty()) {
      if (!doc_.text.empty()) doc_.text += "\n\n";
      Block block;
      block.kind = kind_;
      block.span.start = doc_.text.size();
      doc_.text += buf_;
      block.span.end = doc_.text.size();
      doc_.blocks.push_back(block);
    }
    buf_.clear();
    pending_space_ = false;
    pending_cell_ = false;
  }

 private:
  HtmlDocument& doc_;
  std::string buf_;
  BlockKind kind_ = BlockKind::kParagraph;
  bool pending_space_ = false;
  bool pending_cell_ = false;
};

struct WalkContext {
  BlockKind kind = BlockKind::kParagraph;
  bool in_row = false;   // inside <tr>: cells join with " | "
  bool in_main = false;  // inside <article> or <main>
  bool pre = false;      // inside <pre>: newlines are kept
};

class Walker {
 public:
  Walker(Tree& tree, HtmlDocument& doc) : t_(tree), out_(doc), br_id_(tree.tags.id("br")) {}

  void run() {
    walk_children(0, WalkContext{});
    out_.flush();
  }

  std::string first_h1;       // text of the first kept <h1>
  std::string first_main_h1;  // ... inside <article>/<main>
  std::string first_time;     // datetime of the first kept <time>

 private:
  bool dropped(const Node& node, std::string_view name, unsigned flags,
               const WalkContext& ctx) const {
    if (name == "header") {
      // A site header outside the article goes; one that holds the headline stays.
      return !ctx.in_main && t_.has_main && !node.has_main && !node.has_h1;
    }
    if (!(flags & kDrop)) return false;
    if ((flags & kRescueMain) && node.has_main) return false;  // e.g. <form> around the page
    if ((flags & kRescueH1) && (node.has_main || node.has_h1)) return false;
    return true;
  }

  void subtree_text(std::uint32_t index, std::string& out, int depth) const {
    for (std::uint32_t c = t_.nodes[index].first_child; c != kNone; c = t_.nodes[c].next_sibling) {
      const Node& child = t_.nodes[c];
      if (child.tag == 0) {
        out.append(t_.text, child.text_begin, child.text_end - child.text_begin);
      } else if (depth < static_cast<int>(kMaxDepth) && !(t_.tags.flags(child.tag) & kDrop)) {
        // Inline children join their neighbours ("un<i>bro</i>ken"); others are separated.
        const bool separate = !(t_.tags.flags(child.tag) & kInline) || child.tag == br_id_;
        if (separate) out.push_back(' ');
        subtree_text(c, out, depth + 1);
        if (separate) out.push_back(' ');
      }
    }
  }

  void walk_children(std::uint32_t index, const WalkContext& ctx) {
    for (std::uint32_t c = t_.nodes[index].first_child; c != kNone; c = t_.nodes[c].next_sibling) {
      walk(c, ctx);
    }
  }

  void walk(std::uint32_t index, const WalkContext& ctx) {
    const Node& node = t_.nodes[index];
    if (node.tag == 0) {
      out_.text(std::string_view(t_.text).substr(node.text_begin, node.text_end - node.text_begin),
                ctx.kind, ctx.pre);
      return;
    }
    const std::string& name = t_.tags.name(node.tag);
    const unsigned flags = t_.tags.flags(node.tag);
    if (dropped(node, name, flags, ctx)) return;
    if (name == "br") {
      if (ctx.in_row) {
        out_.space();
      } else {
        out_.line_break();
      }
      return;
    }
    if (name == "time" && first_time.empty() && node.attrs >= 0) {
      first_time = collapse_whitespace(
          attr_value(t_.attrs[static_cast<std::size_t>(node.attrs)], "datetime"));
    }
    if ((name == "td" || name == "th") && ctx.in_row) {
      out_.cell();
      walk_children(index, ctx);
      out_.space();
      return;
    }
    if (!(flags & kBlock)) {
      walk_children(index, ctx);
      return;
    }
    WalkContext inner = ctx;
    if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
      inner.kind = BlockKind::kHeading;
      inner.in_row = false;
      if (name[1] == '1') {
        std::string* target = ctx.in_main ? &first_main_h1 : &first_h1;
        if (target->empty()) {
          std::string raw;
          subtree_text(index, raw, 0);
          *target = collapse_whitespace(raw);
        }
      }
    } else if (name == "li" || name == "dt" || name == "dd") {
      inner.kind = BlockKind::kListItem;
      inner.in_row = false;
    } else if (name == "tr") {
      inner.kind = BlockKind::kTableRow;
      inner.in_row = true;
    } else if (name == "blockquote") {
      inner.kind = BlockKind::kQuote;
      inner.in_row = false;
    } else if (name == "table") {
      inner.kind = BlockKind::kParagraph;
      inner.in_row = false;
    } else if (ctx.kind == BlockKind::kTableRow) {
      // A paragraph inside a (layout) table cell is a paragraph, not a row.
      inner.kind = BlockKind::kParagraph;
      inner.in_row = false;
    }
    if (name == "article" || name == "main") inner.in_main = true;
    if (name == "pre") inner.pre = true;
    out_.flush();
    walk_children(index, inner);
    out_.flush();
  }

  const Tree& t_;
  BlockBuilder out_;
  std::uint32_t br_id_;
};

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  }
  return true;
}

// "Storm hits coast | Daily Planet" -> "Storm hits coast" when the site is "Daily Planet".
std::string strip_site_suffix(const std::string& title, const std::string& site) {
  if (site.empty() || title.size() <= site.size()) return title;
  static constexpr std::string_view kSeparators[] = {
      " | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " :: ", " \xC2\xB7 "};
  for (std::string_view sep : kSeparators) {
    if (title.size() < site.size() + sep.size() + 1) continue;
    const std::size_t at = title.size() - site.size() - sep.size();
    if (title.compare(at, sep.size(), sep) == 0 &&
        iequals(std::string_view(title).substr(at + sep.size()), site)) {
      return title.substr(0, at);
    }
  }
  return title;
}

}  // namespace

HtmlDocument parse_html(std::string_view html) {
  Tree tree;
  {
    TreeBuilder builder(tree);
    Tokenizer tokenizer(html);
    Token tok;
    while (tokenizer.next(tok)) builder.add(tok);
    builder.finish();
  }
  HtmlDocument doc;
  Walker walker(tree, doc);
  walker.run();

  doc.site_name = tree.site_name;
  doc.title = strip_site_suffix(tree.title, doc.site_name);
  if (doc.title.empty()) doc.title = strip_site_suffix(tree.og_title, doc.site_name);
  if (doc.title.empty()) doc.title = walker.first_main_h1;
  if (doc.title.empty()) doc.title = walker.first_h1;
  doc.url = !tree.canonical.empty() ? tree.canonical : tree.og_url;
  doc.published = !tree.published_meta.empty()    ? tree.published_meta
                  : !tree.published_other.empty() ? tree.published_other
                                                  : walker.first_time;
  return doc;
}

bool looks_like_html(std::string_view text, bool strong_only) {
  std::size_t i = 0;
  const std::size_t n = std::min<std::size_t>(text.size(), 1 << 16);
  // Skip leading white space and comments (some pages start with a comment banner).
  for (;;) {
    while (i < n && is_space(text[i])) ++i;
    if (text.compare(i, 4, "<!--") != 0) break;
    const std::size_t end = text.find("-->", i + 4);
    if (end == std::string_view::npos || end >= n) return false;
    i = end + 3;
  }
  if (i >= n || text[i] != '<') return false;
  if (iequals_prefix(text, i, "<!doctype html")) return true;
  if (iequals_prefix(text, i, "<?xml")) {
    const std::size_t end = std::min<std::size_t>(n, i + 1024);
    for (std::size_t k = i; k + 5 <= end; ++k) {
      if (iequals_prefix(text, k, "<html") || iequals_prefix(text, k, "<!doctype html"))
        return true;
    }
    return false;
  }
  static constexpr std::string_view kStrong[] = {"html", "head", "body"};
  static constexpr std::string_view kWeak[] = {
      "p",      "div",        "article", "section", "main",  "h1",    "h2", "h3",
      "h4",     "h5",         "h6",      "title",   "meta",  "table", "ul", "ol",
      "header", "nav",        "span",    "a",       "b",     "i",     "em", "strong",
      "br",     "blockquote", "link",    "script",  "style", "figure"};
  auto tag_at = [&](std::string_view name) {
    const std::size_t after = i + 1 + name.size();
    return iequals_prefix(text, i + 1, name) && (after >= text.size() || is_space(text[after]) ||
                                                 text[after] == '>' || text[after] == '/');
  };
  for (std::string_view name : kStrong) {
    if (tag_at(name)) return true;
  }
  if (strong_only) return false;
  for (std::string_view name : kWeak) {
    if (tag_at(name)) return true;
  }
  return false;
}

}  // namespace parallax::ingest::detail
