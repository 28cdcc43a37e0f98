// Entry points of the segment stage: paragraph structure (from blocks or text),
// boilerplate flags, and the fallback title.
#include "segment/segment.h"

#include "segment/detail.h"

namespace parallax::segment {

std::string_view kind_name(ParagraphKind kind) {
  switch (kind) {
    case ParagraphKind::kParagraph:
      return "paragraph";
    case ParagraphKind::kHeading:
      return "heading";
    case ParagraphKind::kListItem:
      return "list_item";
    case ParagraphKind::kTable:
      return "table";
    case ParagraphKind::kQuote:
      return "quote";
  }
  return "paragraph";
}

std::vector<Paragraph> segment_article(const ingest::RawArticle& raw) {
  const std::string_view text = raw.text;
  std::vector<Paragraph> paragraphs = raw.blocks.empty()
                                          ? detail::paragraphs_from_text(text, {0, text.size()})
                                          : detail::paragraphs_from_blocks(text, raw.blocks);
  detail::flag_boilerplate(text, paragraphs);
  return paragraphs;
}

namespace {

// Collapses whitespace runs (line breaks included) to one space.
std::string collapse(std::string_view text, Span span) {
  std::string out;
  bool space = false;
  for (std::size_t i = span.start; i < span.end;) {
    const std::size_t s = detail::space_len_at(text, i);
    if (s > 0) {
      space = true;
      i += s;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(text[i++]);
  }
  return out;
}

// At most `limit` bytes, cut at the last space that fits (or at a code point boundary).
std::string cut(std::string s, std::size_t limit) {
  if (s.size() <= limit) return s;
  std::size_t e = s.rfind(' ', limit);
  if (e == std::string::npos || e == 0) {
    e = limit;
    while (e > 0 && (static_cast<unsigned char>(s[e]) & 0xC0) == 0x80) --e;
  }
  s.resize(e);
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == ':')) s.pop_back();
  return s;
}

}  // namespace

std::string infer_title(std::string_view text, const std::vector<Paragraph>& paragraphs) {
  constexpr std::size_t kMaxTitle = 120;
  for (const Paragraph& p : paragraphs) {
    if (p.kind != ParagraphKind::kHeading || p.boilerplate) continue;
    Span s = detail::trim(text, p.span);
    // Markdown markers are markup, not title text: "## Title ##", Setext underlines.
    while (s.start < s.end && text[s.start] == '#') ++s.start;
    const std::size_t line_end = text.find_first_of("\r\n", s.start);
    if (line_end != std::string_view::npos && line_end < s.end) s.end = line_end;
    while (s.end > s.start && text[s.end - 1] == '#') --s.end;
    s = detail::trim(text, s);
    if (s.empty()) continue;
    std::string title = collapse(text, s);
    if (is_byline_or_dateline(title)) continue;
    return cut(std::move(title), kMaxTitle);
  }
  for (const Paragraph& p : paragraphs) {
    if (p.boilerplate || p.kind == ParagraphKind::kTable || p.sentences.empty()) continue;
    std::string title = collapse(text, p.sentences.front().span);
    if (p.sentences.size() == 1 && is_byline_or_dateline(title)) continue;
    return cut(std::move(title), kMaxTitle);
  }
  return {};
}

std::size_t word_count(std::string_view text, Span span) {
  return detail::word_count(text, span);
}

}  // namespace parallax::segment
