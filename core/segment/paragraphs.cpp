// Paragraph structure of plain text and Markdown, or of ingest blocks (HTML).
//
// Text is cut into lines; each line is classified (blank, prose, Markdown heading,
// list item, block quote, rule, pipe-table row) and runs of lines are grouped:
// consecutive table rows form one table, consecutive quote lines one quote, and
// prose lines are joined only when the document is hard-wrapped (lines cluster
// just under a fixed width). Otherwise every prose line is its own paragraph,
// which is how most scraped articles arrive (one line per paragraph).
#include <algorithm>

#include "segment/detail.h"

namespace parallax::segment::detail {
namespace {

enum class LineKind { kBlank, kProse, kMdHeading, kList, kQuote, kRule, kTable };

struct Line {
  Span text;               // trimmed content
  std::size_t indent = 0;  // leading whitespace bytes before the content
  LineKind kind = LineKind::kBlank;
  bool separator = false;  // table separator row ("---|---|")
};

std::vector<Line> split_lines(std::string_view text, Span range) {
  std::vector<Line> lines;
  std::size_t i = range.start;
  while (i < range.end) {
    std::size_t j = i;
    while (j < range.end && text[j] != '\n' && text[j] != '\r') ++j;
    Line line;
    line.text = trim(text, {i, j});
    line.indent = line.text.start - i;
    line.kind = line.text.empty() ? LineKind::kBlank : LineKind::kProse;
    lines.push_back(line);
    if (j < range.end && text[j] == '\r' && j + 1 < range.end && text[j + 1] == '\n') ++j;
    i = j + 1;
  }
  return lines;
}

bool starts_with(std::string_view text, std::size_t pos, std::size_t end, std::string_view p) {
  return end - pos >= p.size() && text.substr(pos, p.size()) == p;
}

bool is_hspace(char c) {
  return c == ' ' || c == '\t';
}

// Bytes of a list marker and the space after it ("- ", "• ", "12. ", "3) ", "a) "), or 0.
std::size_t list_marker_len(std::string_view text, Span s) {
  const std::size_t p = s.start;
  const std::size_t e = s.end;
  if (e - p < 2) return 0;
  const char c = text[p];
  if ((c == '-' || c == '*' || c == '+') && is_hspace(text[p + 1])) return 2;
  static constexpr std::string_view kBullets[] = {"\u2022", "\u25E6", "\u25AA", "\u2023",
                                                  "\u2013", "\u00B7", "\u25CF", "\u25A0"};
  for (std::string_view b : kBullets) {
    if (starts_with(text, p, e, b) && p + b.size() < e && is_hspace(text[p + b.size()])) {
      return b.size() + 1;
    }
  }
  std::size_t d = p;
  while (d < e && d - p < 3 && text[d] >= '0' && text[d] <= '9') ++d;
  if (d == p && c >= 'a' && c <= 'z') d = p + 1;  // "a) item"
  if (d > p && d + 1 < e && (text[d] == '.' || text[d] == ')') && is_hspace(text[d + 1])) {
    if (text[d] == '.' && !(c >= '0' && c <= '9')) return 0;  // "a. " is more often an initial
    return d - p + 2;
  }
  return 0;
}

bool is_md_heading(std::string_view text, Span s) {
  std::size_t k = s.start;
  while (k < s.end && text[k] == '#' && k - s.start < 7) ++k;
  const std::size_t hashes = k - s.start;
  return hashes >= 1 && hashes <= 6 && (k == s.end || is_hspace(text[k]));
}

// "---", "***", "___", "===" (also the Setext underline).
bool is_rule(std::string_view text, Span s) {
  const char c = text[s.start];
  if (c != '-' && c != '*' && c != '_' && c != '=') return false;
  std::size_t count = 0;
  for (std::size_t k = s.start; k < s.end; ++k) {
    if (text[k] == c) {
      ++count;
    } else if (!is_hspace(text[k])) {
      return false;
    }
  }
  return count >= 3;
}

std::size_t pipe_count(std::string_view text, Span s) {
  return static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(s.start),
                                             text.begin() + static_cast<std::ptrdiff_t>(s.end),
                                             '|'));
}

bool is_table_separator(std::string_view text, Span s) {
  bool pipe = false, dash = false;
  for (std::size_t k = s.start; k < s.end; ++k) {
    const char c = text[k];
    if (c == '|') {
      pipe = true;
    } else if (c == '-') {
      dash = true;
    } else if (c != ':' && c != '+' && c != '=' && !is_hspace(c)) {
      return false;
    }
  }
  return pipe && dash;
}

void classify(std::string_view text, std::vector<Line>& lines) {
  for (Line& line : lines) {
    if (line.kind == LineKind::kBlank) continue;
    const Span s = line.text;
    if (is_table_separator(text, s)) {
      line.kind = LineKind::kTable;
      line.separator = true;
    } else if (is_md_heading(text, s)) {
      line.kind = LineKind::kMdHeading;
    } else if (text[s.start] == '>') {
      line.kind = LineKind::kQuote;
    } else if (is_rule(text, s)) {
      line.kind = LineKind::kRule;
    } else if (list_marker_len(text, s) > 0) {
      line.kind = LineKind::kList;
    }
  }
  // Pipe tables: a run of prose lines with pipes is a table when it has a separator row,
  // when every row starts with '|', or when 2+ rows agree on the number of cells.
  // A lone "Home | World | Politics" stays prose (it is navigation, not a table).
  std::size_t k = 0;
  while (k < lines.size()) {
    auto candidate = [&](const Line& l) {
      return l.separator || (l.kind == LineKind::kProse && pipe_count(text, l.text) > 0);
    };
    if (!candidate(lines[k])) {
      ++k;
      continue;
    }
    std::size_t m = k;
    bool has_separator = false, all_leading = true, same_count = true;
    const std::size_t first_count = pipe_count(text, lines[k].text);
    while (m < lines.size() && candidate(lines[m])) {
      has_separator = has_separator || lines[m].separator;
      all_leading = all_leading && text[lines[m].text.start] == '|';
      same_count = same_count && pipe_count(text, lines[m].text) == first_count;
      ++m;
    }
    const bool table =
        has_separator || all_leading || (m - k >= 2 && same_count && first_count >= 2);
    for (std::size_t j = k; j < m; ++j) {
      if (table) {
        lines[j].kind = LineKind::kTable;
      } else if (lines[j].separator) {
        lines[j].kind = LineKind::kProse;  // unreachable: a separator makes the run a table
        lines[j].separator = false;
      }
    }
    k = m;
  }
}

bool is_title_case(std::string_view text, Span s, std::size_t max_lower) {
  std::size_t lower_words = 0;
  std::size_t i = s.start;
  while (i < s.end) {
    while (i < s.end && space_len_at(text, i) > 0) i += space_len_at(text, i);
    const std::size_t w = i;
    std::size_t letters = 0;
    while (i < s.end && space_len_at(text, i) == 0) {
      const CodePoint c = decode_at(text, i);
      if (is_letter(c.cp)) ++letters;
      i += c.len;
    }
    const CodePoint first = decode_at(text, w);
    if (letters >= 4 && is_lower(first.cp)) ++lower_words;
  }
  return lower_words <= max_lower;
}

std::size_t first_word_cps(std::string_view text, Span s) {
  std::size_t i = s.start;
  while (i < s.end && space_len_at(text, i) == 0) ++i;
  return cp_count(text, {s.start, i}, 200);
}

Paragraph make(ParagraphKind kind, Span span) {
  Paragraph p;
  p.kind = kind;
  p.span = span;
  return p;
}

}  // namespace

bool looks_like_heading(std::string_view text, Span line) {
  const Span s = trim(text, line);
  if (s.empty() || s.size() > 200) return false;
  const std::size_t words = word_count(text, s, 21);
  if (words == 0 || words > 20) return false;
  // Final punctuation (possibly inside closing quotes/brackets) marks a sentence.
  std::size_t e = s.end;
  CodePoint last = decode_before(text, e);
  for (int k = 0; k < 3 && e > s.start; ++k) {
    if (last.cp != '"' && last.cp != '\'' && last.cp != 0x201D && last.cp != 0x2019 &&
        last.cp != ')' && last.cp != ']') {
      break;
    }
    e -= last.len;
    last = decode_before(text, e);
  }
  switch (last.cp) {
    case '.':
    case '!':
    case '?':
    case ',':
    case ';':
    case 0x2026:
    case 0x3002:
    case 0x061F:
      return false;
    default:
      break;
  }
  bool has_letter = false;
  for (std::size_t i = s.start; i < s.end;) {
    const CodePoint c = decode_at(text, i);
    if (is_letter(c.cp)) {
      if (!has_letter && is_lower(c.cp)) return false;  // headings do not start lowercase
      has_letter = true;
      break;
    }
    i += c.len;
  }
  if (!has_letter) return false;
  // A colon usually introduces a list ("Key goals involve:"); only short Title Case labels
  // ending in one are headings ("Recent Pre-Summit Signals:").
  if (last.cp == ':' && (words > 8 || !is_title_case(text, s, 0))) return false;
  // Long lines are headings only when written in Title Case (news headlines); a long
  // lowercase line without a full stop is a truncated sentence.
  if (words > 12 && !is_title_case(text, s, 1)) return false;
  // Only lines with inner terminal punctuation can hold two sentences.
  if (text.substr(s.start, s.size()).find_first_of(".!?\xE2\xE3\xD8") == std::string_view::npos) {
    return true;
  }
  return split_sentences(text, s).size() <= 1;
}

std::vector<Paragraph> paragraphs_from_text(std::string_view text, Span range) {
  std::vector<Paragraph> out;
  range.start = std::min(range.start, text.size());
  range.end = std::min(std::max(range.end, range.start), text.size());
  std::vector<Line> lines = split_lines(text, range);
  classify(text, lines);

  // Hard-wrapped text: prose lines that continue on the next line mostly sit just under
  // the widest line, and that width is a typical wrap column.
  std::size_t width = 0;
  std::vector<std::size_t> cps(lines.size(), 0);
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (lines[k].kind != LineKind::kProse) continue;
    cps[k] = cp_count(text, lines[k].text, 1000);
    width = std::max(width, cps[k]);
  }
  bool wrapped = false;
  if (width >= 40 && width <= 120) {
    std::size_t followed = 0, full = 0;
    for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
      if (lines[k].kind != LineKind::kProse || lines[k + 1].kind != LineKind::kProse) continue;
      ++followed;
      if (cps[k] * 10 >= width * 7) ++full;
    }
    wrapped = full >= 2 && full * 10 >= followed * 6;
  }

  out.reserve(lines.size());
  std::size_t k = 0;
  const std::size_t n = lines.size();
  while (k < n) {
    const Line& line = lines[k];
    switch (line.kind) {
      case LineKind::kBlank:
        ++k;
        break;
      case LineKind::kTable: {
        Paragraph p = make(ParagraphKind::kTable, line.text);
        while (k < n && lines[k].kind == LineKind::kTable) {
          p.span.end = lines[k].text.end;
          if (!lines[k].separator) p.sentences.push_back({lines[k].text});
          ++k;
        }
        out.push_back(std::move(p));
        break;
      }
      case LineKind::kMdHeading:
        out.push_back(make(ParagraphKind::kHeading, line.text));
        ++k;
        break;
      case LineKind::kQuote: {
        Paragraph p = make(ParagraphKind::kQuote, line.text);
        while (k < n && lines[k].kind == LineKind::kQuote) p.span.end = lines[k++].text.end;
        out.push_back(std::move(p));
        break;
      }
      case LineKind::kList: {
        // Indented prose lines right below an item continue it (Markdown lists).
        Paragraph p = make(ParagraphKind::kListItem, line.text);
        ++k;
        while (k < n && lines[k].kind == LineKind::kProse && lines[k].indent >= 2 &&
               lines[k].indent > line.indent) {
          p.span.end = lines[k++].text.end;
        }
        out.push_back(std::move(p));
        break;
      }
      case LineKind::kRule:
        out.push_back(make(ParagraphKind::kParagraph, line.text));
        ++k;
        break;
      case LineKind::kProse: {
        // Setext heading: a heading-like line underlined with === or ---.
        if (k + 1 < n && lines[k + 1].kind == LineKind::kRule &&
            (text[lines[k + 1].text.start] == '=' || text[lines[k + 1].text.start] == '-') &&
            looks_like_heading(text, line.text)) {
          out.push_back(make(ParagraphKind::kHeading, {line.text.start, lines[k + 1].text.end}));
          k += 2;
          break;
        }
        std::size_t m = k + 1;
        if (wrapped) {
          std::size_t run_width = cps[k];
          std::size_t r = k + 1;
          while (r < n && lines[r].kind == LineKind::kProse)
            run_width = std::max(run_width, cps[r++]);
          // Join while the next line's first word would not have fitted on this line.
          while (m < n && lines[m].kind == LineKind::kProse &&
                 !(m + 1 < n && lines[m + 1].kind == LineKind::kRule) &&
                 cps[m - 1] + 1 + first_word_cps(text, lines[m].text) > run_width) {
            ++m;
          }
        }
        const Span span{line.text.start, lines[m - 1].text.end};
        const bool heading = m == k + 1 && looks_like_heading(text, span);
        out.push_back(make(heading ? ParagraphKind::kHeading : ParagraphKind::kParagraph, span));
        k = m;
        break;
      }
    }
  }
  for (Paragraph& p : out) {
    if (p.kind != ParagraphKind::kTable) p.sentences = split_sentences(text, p.span);
  }
  return out;
}

std::vector<Paragraph> paragraphs_from_blocks(std::string_view text,
                                              const std::vector<ingest::Block>& blocks) {
  std::vector<Paragraph> out;
  std::size_t cursor = 0;
  bool in_table = false;  // the last paragraph is a table still taking rows
  auto flush_gap = [&](std::size_t until) {
    const Span gap = trim(text, {cursor, until});
    if (gap.empty()) return;
    // Text outside every block (ingest promises none, but never lose it).
    for (Paragraph& p : paragraphs_from_text(text, gap)) out.push_back(std::move(p));
    in_table = false;
  };
  for (const ingest::Block& block : blocks) {
    Span b = trim(text, {std::max(block.span.start, cursor), block.span.end});
    if (b.empty()) continue;
    flush_gap(b.start);
    if (block.kind == ingest::BlockKind::kTableRow) {
      if (in_table) {
        out.back().span.end = b.end;
      } else {
        out.push_back(make(ParagraphKind::kTable, b));
        in_table = true;
      }
      out.back().sentences.push_back({b});
    } else {
      ParagraphKind kind = ParagraphKind::kParagraph;
      switch (block.kind) {
        case ingest::BlockKind::kHeading:
          kind = ParagraphKind::kHeading;
          break;
        case ingest::BlockKind::kListItem:
          kind = ParagraphKind::kListItem;
          break;
        case ingest::BlockKind::kQuote:
          kind = ParagraphKind::kQuote;
          break;
        default:
          break;
      }
      Paragraph p = make(kind, b);
      p.sentences = split_sentences(text, b);
      out.push_back(std::move(p));
      in_table = false;
    }
    cursor = b.end;
  }
  flush_gap(text.size());
  return out;
}

}  // namespace parallax::segment::detail

namespace parallax::segment {

std::size_t markup_prefix_length(std::string_view line) {
  const Span all{0, line.size()};
  std::size_t n = 0;
  if (detail::is_md_heading(line, all)) {
    while (n < line.size() && line[n] == '#') ++n;
  } else {
    n = detail::list_marker_len(line, all);
  }
  if (n == 0) return 0;
  while (n < line.size() && detail::is_hspace(line[n])) ++n;
  return n;
}

}  // namespace parallax::segment
