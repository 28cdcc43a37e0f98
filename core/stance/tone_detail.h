// Internal to the article stance (owner: "tone"): word classes shared by attribution.cpp and
// actors.cpp. Small closed classes of English function words, titles and reporting verbs
// (no npm package lists them); the lexicons proper are in generated/.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "base/hash_table.h"
#include "stance/stance.h"

namespace parallax::stance::detail {

/// A title or role word in front of a name ("president", "minister", "former", "u.s.").
bool is_title_word(std::string_view lower);
/// A role title proper ("president", "mayor", "mr."), not a descriptor ("former", "russian").
bool is_role_title(std::string_view lower);
/// A name suffix ("jr.", "jr", "sr.", "ii", "iii").
bool is_name_suffix(std::string_view lower);
/// A generic head of a place or organisation name ("house", "states", "summit", "war").
bool is_generic_name_head(std::string_view lower);
/// A reporting verb ("said", "confirmed", "predict", "suggest", "told").
bool is_reporting_verb(std::string_view lower);
/// A group of unnamed sources, as its plural ("analysts" for "analyst"/"analysts"), or empty.
std::string_view source_group(std::string_view lower);
/// Words that can sit between a subject and its reporting verb ("has", "also", "publicly").
bool is_verb_filler(std::string_view lower);
/// Words that start a sentence capitalised but are not names ("the", "following", "as").
bool is_common_word(std::string_view lower);
/// The classes of the words of the lists above, as bits, for a table built once per call
/// (find_actors): one hash lookup instead of a bisection of each list.
enum NameClass : std::uint8_t {
  kTitleWord = 1,    ///< is_title_word
  kRoleTitle = 2,    ///< is_role_title
  kNameSuffix = 4,   ///< is_name_suffix
  kGenericHead = 8,  ///< is_generic_name_head
};
/// Every word of those lists with its NameClass bits (a word may be listed more than once: or
/// the bits).
std::vector<std::pair<std::string_view, std::uint8_t>> name_classes();
/// Most words capitalised (Title Case headlines and lines): capitals then mark no names.
bool title_case(const std::vector<Word>& words);

// --- A hash table over string_view keys ----------------------------------------------
/// Keys are views of text that outlives the table (compiled-in lists, the words of a call),
/// FNV-1a hashes, built within one call (core/ keeps no global state): base/hash_table.h's
/// HashTable (operator[], find, contains, insert). Lookups and inserts only: nothing iterates
/// it, so no output depends on its order. Cheaper than std::unordered_map for short words: no
/// node per key, no std::hash call.
template <typename T>
using ViewTable = HashTable<std::string_view, T, Fnv1aHash, SameBytes>;
/// A set of views (the values of the table are unused).
using ViewSet = ViewTable<char>;

// --- The lexicons by word (tone.cpp) --------------------------------------------------
/// The hedge and certainty phrases (hedging.cpp) whose first word is a given word: their
/// positions [begin, end) in each sorted list ({0, 0} when none starts with it).
struct PhraseRange {
  std::uint16_t hedge_begin = 0, hedge_end = 0;
  std::uint16_t certainty_begin = 0, certainty_end = 0;
};
/// The phrase range of a word (binary searches).
PhraseRange phrase_range(std::string_view lower);
/// What the compiled-in lexicons say about one lower-case word.
struct WordEntry {
  std::int8_t tenths = 0;     ///< VADER mean valence in tenths (lexicon_valence x 10); 0: unrated
  std::int8_t booster = 0;    ///< +1 / -1: the word alone is a degree adverb
  bool pair_start = false;    ///< a two-word degree adverb starts with it ("kind" of "kind of")
  bool phrase_start = false;  ///< a hedge or certainty phrase starts with it
  PhraseRange phrases;        ///< the phrases that start with it
  bool reporting = false;     ///< is_reporting_verb
  bool filler = false;        ///< is_verb_filler
  bool negator = false;       ///< a VADER negator ("not", "never", words in "n't")
  bool loaded = false;        ///< is_loaded_word
};
/// The entry of a word from the sorted tables (binary searches): for one sentence read alone.
WordEntry lookup_word(std::string_view lower);
/// The same entries in a hash map, built once per analyze_articles call (core/ keeps no global
/// state): then each word of the set costs one lookup. Lookups only; nothing iterates the map.
class Lexicon {
 public:
  Lexicon();
  WordEntry operator()(std::string_view lower) const;

 private:
  ViewTable<WordEntry> entries_;
};
/// The first words of the hedge and certainty phrases (hedging.cpp), for Lexicon.
std::vector<std::string_view> hedge_phrase_starts();
/// The reporting verbs and the verb fillers (attribution.cpp), for Lexicon.
std::vector<std::string_view> reporting_verbs();
std::vector<std::string_view> verb_fillers();
/// A hedge or certainty phrase starts with this word (hedging.cpp; binary search).
bool starts_hedge_phrase(std::string_view lower);
/// count_hedges, given the entries of the words (positions that start no phrase are skipped).
HedgeCount count_hedges(const std::vector<Word>& words, const std::vector<WordEntry>& entries);

// --- One reading of a sentence, shared (tone.cpp) ---------------------------------------
// analyze_articles reads each sentence once: its words, their lexicon valences and valences in
// context, its hedges. Tone, subjectivity, hedging, attribution and the target features of
// every mention in it then use this reading instead of tokenising and scoring the sentence
// again. The public functions of stance.h (sentence_tone, target_features, find_citations...)
// read the sentence themselves and call these.
struct SentenceWords {
  std::vector<Word> words;         ///< stance_words(text, span)
  bool titled = false;             ///< title_case(words)
  std::vector<WordEntry> entries;  ///< the lexicon entry of each word
  std::vector<double> lexicon;     ///< lexicon_valence of each word
  std::vector<double> valences;    ///< word_valences(words)
  HedgeCount hedges;               ///< count_hedges(words)
};
/// Reads text[span]; looks the words up in `lexicon`, or in the sorted tables when it is null.
SentenceWords read_sentence(std::string_view text, Span span, const Lexicon* lexicon = nullptr);
/// The same, given the words of the sentence (stance_words(text, span)).
SentenceWords read_sentence(std::vector<Word> words, const Lexicon* lexicon);
/// word_valences(words), given the entry of each word and title_case(words).
std::vector<double> word_valences(const std::vector<Word>& words,
                                  const std::vector<WordEntry>& entries, bool titled);
/// sentence_tone of text[span], given the valences of its words.
double sentence_tone(std::string_view text, Span span, const std::vector<double>& valences);
/// find_citations of a sentence, given its words, their entries and title_case(words)
/// (attribution.cpp).
std::vector<Citation> find_citations(std::string_view text, const std::vector<Word>& words,
                                     const std::vector<WordEntry>& entries, bool titled);
/// target_features of a mention in a read sentence (target.cpp).
std::vector<double> target_features(std::string_view text, Span sentence, Span mention,
                                    const SentenceWords& read);
/// target_sentiment of a mention in a read sentence (target.cpp).
double target_sentiment(std::string_view text, Span sentence, Span mention,
                        const SentenceWords& read);

}  // namespace parallax::stance::detail
