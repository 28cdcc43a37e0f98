// Internal helpers of the diverge stage (not part of its public header).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diverge/diverge.h"

namespace parallax::diverge::detail {

/// A quick reject for a word list of lower-case ASCII words, built at compile time: bit L of
/// lengths[c - 'a'] is set when the list has a word of length L (31: 31 or longer) that starts
/// with letter c. Most words of a sentence fail it ("the": no title starts with t), so the
/// list is searched only for the few that pass.
struct FirstLetterLengths {
  std::uint32_t lengths[26] = {};
  bool valid = true;  ///< every word starts with a-z (checked by a static_assert)

  template <std::size_t N>
  constexpr explicit FirstLetterLengths(const std::string_view (&words)[N]) {
    for (std::string_view w : words) {
      if (w.empty() || w[0] < 'a' || w[0] > 'z') {
        valid = false;
        continue;
      }
      lengths[w[0] - 'a'] |= std::uint32_t{1} << (w.size() < 31 ? w.size() : 31);
    }
  }
  /// False when no word of the list can be `w`.
  constexpr bool may_hold(std::string_view w) const {
    if (w.empty() || w[0] < 'a' || w[0] > 'z') return false;
    return (lengths[w[0] - 'a'] >> (w.size() < 31 ? w.size() : 31)) & 1;
  }
};

/// A word, a number or one punctuation mark of a sentence. Scanned once per sentence and
/// read by every pass (event places, then facts), so the word classes the rules ask about
/// for every word are looked up here once.
struct Word {
  Span span;               ///< absolute, into the article text
  std::string_view lower;  ///< ASCII-lowercased, curly apostrophes become ' (in SentenceWords)
  int month = 0;           ///< month_number(lower): 1..12, or 0
  bool cap = false;        ///< starts with an upper-case ASCII letter
  bool number = false;     ///< starts with a digit
  bool punct = false;      ///< a single mark: , . ; : ( ) $ % £ € - – — " ' etc.
  bool title = false;      ///< is_title_word(lower): an office starts here ("president")
  bool event = false;      ///< is_event_word(lower): names a meeting ("summit", "talks")
};

/// The words of one sentence and the bytes their `lower` views point into. The bytes live in
/// one heap block, so moving a SentenceWords keeps the views valid.
struct SentenceWords {
  std::unique_ptr<char[]> bytes;
  std::vector<Word> words;
};

/// Words of text[span], at most kMaxWordsPerSentence. Never fails.
SentenceWords scan_words(std::string_view text, Span span);

/// First word of an office in the title list ("president", "prime", "secretary") (people.cpp).
bool is_title_word(std::string_view lower);
/// A noun or verb that names a meeting of people ("summit", "talks", "met") (people.cpp).
bool is_event_word(std::string_view lower);

/// True when most words of the sentence start with a capital (Title Case text), where
/// capitals say nothing about names.
bool title_case(const std::vector<Word>& words);

/// Small closed word classes used by the rules.
bool is_stopword(std::string_view lower);    ///< function words: the, of, for, and, ...
int month_number(std::string_view lower);    ///< "aug", "aug.", "august" -> 8; else 0
int weekday_number(std::string_view lower);  ///< "monday" -> 0 ... "sunday" -> 6; else -1

/// Parses a number word or digits ("1,500", "3.5", "two", "dozen"); false when it is not one.
bool parse_number(std::string_view lower, double* out);
/// "million" -> 1e6, "bn" -> 1e9 ...; 0 when not a scale word.
double scale_word(std::string_view lower);

/// Days since 1970-01-01 of a civil date, and back; weekday of a date (Monday 0).
long days_from_civil(int y, int m, int d);
Date civil_from_days(long z);
int weekday(const Date& date);

/// Hedging or conditional cue in the sentence ("may", "could", "if", "reportedly").
bool hedged_sentence(const std::vector<Word>& words);
bool negated_sentence(const std::vector<Word>& words);

/// The extractors, one per file; each appends to `out`.
void extract_values(const std::vector<Word>& words, std::vector<Fact>& out);  // values.cpp
void extract_dates(const std::vector<Word>& words, const Context& context,
                   std::vector<Fact>& out);  // dates.cpp
/// people.cpp; `title_case_sentence` is title_case(words), computed once per sentence.
void extract_people(const std::vector<Word>& words, bool title_case_sentence,
                    std::vector<Fact>& out);
/// people.cpp: places, event keys, status.
void extract_events(const std::vector<Word>& words, bool title_case_sentence,
                    const Context& context, std::vector<Fact>& out);

/// The words of every comparable sentence of a set (non-boilerplate paragraphs), scanned once
/// by analyse and read by the places pass, the facts pass and the contradiction finder.
struct ScannedSet {
  struct Paragraph {
    std::size_t first = 0;  ///< index of its first sentence in sentences[article]
    std::size_t count = 0;  ///< sentences scanned (0 for a boilerplate paragraph)
  };
  std::vector<std::vector<SentenceWords>> sentences;  ///< [article][k], in text order
  std::vector<std::vector<Paragraph>> paragraphs;     ///< [article][paragraph]
  /// The words of a sentence, or nullptr when it was not scanned.
  const std::vector<Word>* words_of(const align::UnitRef& ref) const;
};

/// find_contradictions reading sentence words from `scanned` when it has them
/// (contradictions.cpp; nullptr: it scans the sentences it needs).
std::vector<Contradiction> find_contradictions(const std::vector<Fact>& facts,
                                               const std::vector<ArticleView>& articles,
                                               const std::vector<align::Claim>& claims,
                                               bool* truncated, const ScannedSet* scanned);

/// Facts of one scanned sentence, in text order (extract_facts without the scan).
std::vector<Fact> extract_facts(const std::vector<Word>& words, const align::UnitRef& ref,
                                const Context& context);
/// collect_event_places over sentences already scanned (people.cpp).
std::vector<std::string> collect_event_places(const std::vector<SentenceWords>& sentences);

/// The event key nearest to word index `at` ("event:meeting@alaska"), or "" (people.cpp).
std::string event_key_near(const std::vector<Word>& words, std::size_t at, const Context& context);

/// Index of the word that starts at or after byte `start`.
std::size_t word_at(const std::vector<Word>& words, std::size_t start);

std::string format_number(double value);
bool quantity_word(std::string_view lower);  ///< "every", "about", "said": no clue to the subject
std::string singular(std::string lower);     ///< "people" -> "person", "bodies" -> "body"
/// Text that is program code, not prose ("document.getElementById(...); }").
bool code_like(std::string_view text, Span span);  ///< shortest exact-ish text: "1500000", "1.5"

}  // namespace parallax::diverge::detail
