// Segment: article text -> paragraphs (with a kind), sentences and tokens.
//
// Stage 2 of the pipeline. Works on the decoded text of one ingest::RawArticle.
// Invariants (tested): paragraphs are in text order and do not overlap; every
// non-whitespace byte of the text lies inside exactly one paragraph (nothing is
// ever dropped, boilerplate included); every sentence lies inside its paragraph.
// Boilerplate (navigation, share prompts, SEO blocks, tables of contents,
// copyright lines, ...) is flagged on the paragraph, never removed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/base.h"
#include "ingest/ingest.h"

namespace parallax::segment {

enum class ParagraphKind { kParagraph, kHeading, kListItem, kTable, kQuote };
std::string_view kind_name(
    ParagraphKind kind);  ///< "paragraph", "heading", "list_item", "table", "quote"

struct Sentence {
  Span span;  ///< trimmed of surrounding whitespace; for tables, one sentence per row
};

struct Paragraph {
  ParagraphKind kind = ParagraphKind::kParagraph;
  Span span;  ///< trimmed of surrounding whitespace
  std::vector<Sentence> sentences;
  bool boilerplate = false;
  std::string boilerplate_reason;  ///< short English reason when flagged ("share prompt")
};

/// Splits an article into paragraphs and sentences and flags boilerplate.
/// Uses raw.blocks when present (HTML), otherwise infers structure from the text
/// (blank lines or one line per paragraph, Markdown headings, list items, pipe tables,
/// block quotes). Never fails: empty text gives no paragraphs.
std::vector<Paragraph> segment_article(const ingest::RawArticle& raw);

/// Sentence boundaries inside `span` of `text` (abbreviations, initials, decimals,
/// times, quotes, brackets, ellipses, missing space after a full stop, citation links).
std::vector<Sentence> split_sentences(std::string_view text, Span span);

/// A word or number inside a sentence. `norm` is NFKC + case-folded UTF-8.
struct Token {
  Span span;
  std::string norm;
  bool is_number = false;  ///< starts with a digit ("2025", "11:30", "3.5")
};

/// Word and number tokens of text[span]; punctuation and symbols are skipped.
/// Apostrophes and hyphens inside words are kept ("Moscow's" -> "moscow's").
std::vector<Token> tokenize(std::string_view text, Span span);

/// The tokens tokenize(text, sentence) gives, found among `paragraph_tokens` (what
/// tokenize(text, paragraph) gave, `sentence` inside `paragraph`) as the range [*first, *last):
/// the tokens that start inside the sentence. Exact when none of the paragraph's tokens crosses
/// an edge of the sentence (the tokenizer only looks past a token to decide whether it goes
/// on); returns false when one does, or when a span is odd (then tokenize the sentence itself).
bool tokens_within(std::string_view text, Span paragraph,
                   const std::vector<Token>& paragraph_tokens, Span sentence, std::size_t* first,
                   std::size_t* last);

/// A byline ("By Ada Quillon, Northwire", "*By Valley Herald staff | 11 March*") or a dateline
/// ("Published 11 March, 19:15", "Updated: 12 March 2031"): a short fragment (at most 12
/// words) with no sentence end that says who wrote the article and when, not what happened.
/// "By " must be followed by a capital, "Published"/"Updated"/"Posted" by a date or time.
/// A headline of that shape is not: "By" then common words standing one by one, alone or joined
/// by function words ("By Land and Sea", "By Design"; the words from npm en-lexicon). Two
/// capitalised words in a row stay a byline ("By John King", and so "By Popular Demand" too).
bool is_byline_or_dateline(std::string_view fragment);

/// Words of text[span]: runs of characters between whitespace (Unicode spaces included).
std::size_t word_count(std::string_view text, Span span);

/// Bytes of a leading Markdown heading mark ("## ") or list marker ("- ", "• ", "2. ", "3) ",
/// "a) ") and the spaces after it, or 0. Sentences keep these bytes (they tile their paragraph);
/// what shows a sentence on its own, such as a claim's label, leaves them out.
std::size_t markup_prefix_length(std::string_view line);

/// The article title when ingest found none: the first non-boilerplate heading, else the first
/// sentence (cut to at most 120 bytes at a word boundary), passing over bylines and datelines
/// that stand alone (FNC-1 bodies start "By Sylvia Westall").
std::string infer_title(std::string_view text, const std::vector<Paragraph>& paragraphs);

}  // namespace parallax::segment
