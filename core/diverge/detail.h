// Internal helpers of the diverge stage (not part of its public header).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diverge/diverge.h"

namespace parallax::diverge::detail {

/// A word, a number or one punctuation mark of a sentence.
struct Word {
  Span span;            ///< absolute, into the article text
  std::string lower;    ///< ASCII-lowercased; curly apostrophes become '
  bool cap = false;     ///< starts with an upper-case ASCII letter
  bool number = false;  ///< starts with a digit
  bool punct = false;   ///< a single mark: , . ; : ( ) $ % £ € - – — " ' etc.
};

/// Words of text[span], at most kMaxWordsPerSentence. Never fails.
std::vector<Word> scan_words(std::string_view text, Span span);

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
                   std::vector<Fact>& out);                                   // dates.cpp
void extract_people(const std::vector<Word>& words, std::vector<Fact>& out);  // people.cpp
void extract_events(const std::vector<Word>& words, const Context& context,
                    std::vector<Fact>& out);  // people.cpp: places, event keys, status

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
