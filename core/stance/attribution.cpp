// Attribution (owner: "tone"): who a sentence quotes or cites. Patterns, on the words of one
// sentence:
//   "according to" + source            "according to the Kremlin"
//   source + [fillers] + reporting verb "Ushakov confirmed", "The Kremlin has also indicated",
//                                       "experts predict", "Security analysts caution",
//                                       "X told Y" (X is the source)
//   name, apposition, + reporting verb  "Yuri Ushakov, the Kremlin's adviser, briefed"
//   reporting verb + name               "..., said Ushakov."
// A source is a run of capitalised words (titles, "the" and possessives dropped) or a group
// of unnamed sources ("experts", "analysts", "officials"). "He said" / "she told" are marked as
// pronouns, resolved by analyze_articles to the person named just before. In Title
// Case sentences capitals say nothing, so only groups and short runs before a verb count.
// Never fails; reads at most kMaxStanceWords words.
#include <algorithm>
#include <iterator>

#include "represent/represent.h"
#include "stance/tone_detail.h"

namespace parallax::stance {

namespace detail {

namespace {

// Every list below is sorted bytewise (checked at compile time): in_list searches by bisection.
template <std::size_t N>
bool in_list(const std::string_view (&words)[N], std::string_view w) {
  return in_sorted_words(words, w);
}

// Role titles: one name word after one of them is a person ("President Zelensky").
constexpr std::string_view kRoleTitles[] = {
    "adviser",     "advisor",
    "ambassador",  "attorney",
    "bishop",      "captain",
    "chairman",    "chairwoman",
    "chancellor",  "colonel",
    "commander",   "commissioner",
    "congressman", "congresswoman",
    "councillor",  "dr",
    "dr.",         "emir",
    "envoy",       "gen.",
    "general",     "gov.",
    "governor",    "judge",
    "king",        "lieutenant",
    "lord",        "mayor",
    "minister",    "mr",
    "mr.",         "mrs",
    "mrs.",        "ms",
    "ms.",         "pope",
    "premier",     "president",
    "prince",      "prof.",
    "professor",   "queen",
    "rep.",        "representative",
    "secretary",   "sen.",
    "senator",     "sheikh",
    "sir",         "speaker",
    "spokesman",   "spokesperson",
    "spokeswoman",
};
// Descriptors written before a title or a name ("Former", "Russian", "U.S.", "Vice").
constexpr std::string_view kDescriptors[] = {
    "american", "australian", "british",  "canadian", "chief",   "chinese",   "defence",
    "defense",  "deputy",     "director", "european", "finance", "foreign",   "former",
    "french",   "german",     "head",     "indian",   "iranian", "israeli",   "italian",
    "japanese", "leader",     "polish",   "prime",    "russian", "saudi",     "spanish",
    "syrian",   "turkish",    "u.k.",     "u.n.",     "u.s.",    "ukrainian", "vice",
};

constexpr std::string_view kSuffixes[] = {"i", "ii", "iii", "iv", "jr", "jr.", "sr."};

constexpr std::string_view kGenericHeads[] = {
    "agency",   "agreement",  "airlines",  "airport",      "alliance",   "army",     "assembly",
    "avenue",   "bank",       "base",      "bay",          "bridge",     "building", "canal",
    "cape",     "center",     "centre",    "channel",      "church",     "city",     "club",
    "coast",    "college",    "committee", "company",      "conference", "corp",     "council",
    "county",   "court",      "daily",     "department",   "district",   "east",     "europe",
    "falls",    "federation", "forces",    "forum",        "fund",       "gazette",  "group",
    "gulf",     "hall",       "harbor",    "harbour",      "herald",     "highway",  "hills",
    "hospital", "house",      "inc",       "institute",    "island",     "journal",  "kingdom",
    "lake",     "league",     "library",   "line",         "magazine",   "market",   "ministry",
    "motors",   "mount",      "mountain",  "museum",       "nations",    "network",  "news",
    "north",    "ocean",      "office",    "organization", "park",       "party",    "peninsula",
    "plaza",    "port",       "post",      "press",        "prison",     "province", "radio",
    "railway",  "region",     "republic",  "review",       "river",      "road",     "school",
    "sea",      "south",      "square",    "stadium",      "states",     "station",  "strait",
    "street",   "summit",     "team",      "times",        "tower",      "town",     "treaty",
    "tribune",  "tv",         "union",     "university",   "valley",     "village",  "war",
    "weekly",   "zone",
};

constexpr std::string_view kReportingVerbs[] = {
    "acknowledged", "added",      "adds",        "admitted", "alleged",   "announced", "announces",
    "argue",        "argued",     "argues",      "asserted", "believe",   "believes",  "briefed",
    "caution",      "cautioned",  "cautions",    "claim",    "claimed",   "claims",    "commented",
    "conceded",     "confirmed",  "confirms",    "declared", "denied",    "denies",    "disclosed",
    "emphasised",   "emphasized", "emphasizes",  "estimate", "estimated", "expect",    "explained",
    "forecast",     "forecasts",  "highlighted", "hinted",   "indicated", "indicates", "insisted",
    "insists",      "maintain",   "maintained",  "noted",    "notes",     "observed",  "predict",
    "predicted",    "predicts",   "remarked",    "replied",  "reported",  "reports",   "responded",
    "revealed",     "said",       "say",         "says",     "signaled",  "signalled", "state",
    "stated",       "states",     "stressed",    "stresses", "suggest",   "suggested", "suggests",
    "tell",         "tells",      "told",        "urged",    "vowed",     "warn",      "warned",
    "warns",        "writes",     "wrote",
};

constexpr std::string_view kFillers[] = {
    "again",      "already",    "also",  "earlier",   "had",        "has",      "have",
    "just",       "officially", "once",  "openly",    "previously", "publicly", "recently",
    "repeatedly", "reportedly", "still", "therefore", "will",       "would",
};

// Sentence openers that are never names (conjunctions, prepositions, time adverbs).
constexpr std::string_view kCommonStarts[] = {
    "after",   "again",     "also",     "although",     "as",      "at",      "before",
    "both",    "by",        "despite",  "during",       "earlier", "finally", "following",
    "for",     "from",      "however",  "if",           "in",      "instead", "later",
    "like",    "meanwhile", "moreover", "nevertheless", "now",     "on",      "once",
    "since",   "so",        "still",    "the",          "then",    "though",  "thus",
    "today",   "tomorrow",  "tonight",  "under",        "unlike",  "until",   "when",
    "whether", "while",     "with",     "yesterday",    "yet",
};

static_assert(sorted_words(kRoleTitles) && sorted_words(kDescriptors) && sorted_words(kSuffixes) &&
                  sorted_words(kGenericHeads) && sorted_words(kReportingVerbs) &&
                  sorted_words(kFillers) && sorted_words(kCommonStarts),
              "keep the word lists sorted");

struct Group {
  std::string_view singular, plural;
};
constexpr Group kGroups[] = {
    {"aide", "aides"},
    {"analyst", "analysts"},
    {"commentator", "commentators"},
    {"critic", "critics"},
    {"diplomat", "diplomats"},
    {"economist", "economists"},
    {"expert", "experts"},
    {"insider", "insiders"},
    {"lawmaker", "lawmakers"},
    {"observer", "observers"},
    {"official", "officials"},
    {"researcher", "researchers"},
    {"scholar", "scholars"},
    {"source", "sources"},
    {"spokesman", "spokesmen"},
    {"spokesperson", "spokespeople"},
    {"spokeswoman", "spokeswomen"},
    {"strategist", "strategists"},
    {"witness", "witnesses"},
    {"historian", "historians"},
    {"journalist", "journalists"},
    {"reporter", "reporters"},
    {"adviser", "advisers"},
    {"advisor", "advisors"},
    {"negotiator", "negotiators"},
    {"investor", "investors"},
};

}  // namespace

bool is_role_title(std::string_view lower) {
  return in_list(kRoleTitles, lower);
}
bool is_title_word(std::string_view lower) {
  return in_list(kRoleTitles, lower) || in_list(kDescriptors, lower);
}
bool is_name_suffix(std::string_view lower) {
  return in_list(kSuffixes, lower);
}
bool is_generic_name_head(std::string_view lower) {
  return in_list(kGenericHeads, lower);
}
bool is_reporting_verb(std::string_view lower) {
  return in_list(kReportingVerbs, lower);
}
bool is_verb_filler(std::string_view lower) {
  return in_list(kFillers, lower);
}
bool is_common_word(std::string_view lower) {
  // Long words in -ly are adverbs ("Separately", "Ultimately"), not given names ("Kelly").
  const bool adverb = lower.size() > 7 && lower.substr(lower.size() - 2) == "ly";
  return adverb || in_list(kCommonStarts, lower) || represent::is_stopword(lower) ||
         lexicon_valence(lower) != 0;
}
std::vector<std::pair<std::string_view, std::uint8_t>> name_classes() {
  std::vector<std::pair<std::string_view, std::uint8_t>> out;
  for (std::string_view w : kRoleTitles) out.push_back({w, kTitleWord | kRoleTitle});
  for (std::string_view w : kDescriptors) out.push_back({w, kTitleWord});
  for (std::string_view w : kSuffixes) out.push_back({w, kNameSuffix});
  for (std::string_view w : kGenericHeads) out.push_back({w, kGenericHead});
  return out;
}
std::vector<std::string_view> reporting_verbs() {
  return {std::begin(kReportingVerbs), std::end(kReportingVerbs)};
}
std::vector<std::string_view> verb_fillers() {
  return {std::begin(kFillers), std::end(kFillers)};
}
std::string_view source_group(std::string_view lower) {
  for (const Group& g : kGroups) {
    if (lower == g.singular || lower == g.plural) return g.plural;
  }
  return {};
}

}  // namespace detail

namespace {

std::string_view strip_possessive(std::string_view w) {
  if (w.size() > 2 && w.substr(w.size() - 2) == "'s") return w.substr(0, w.size() - 2);
  return w;
}

// The source named by the capitalised run words[first, last] (inclusive), titles and "the"
// dropped, or empty.
Citation run_source(std::string_view text, const std::vector<Word>& words, std::size_t first,
                    std::size_t last) {
  while (first <= last &&
         (words[first].lower == "the" || detail::is_title_word(words[first].lower)))
    ++first;
  if (first > last || last - first >= 5) return {};
  std::string name;
  for (std::size_t i = first; i <= last; ++i) {
    std::string_view part = slice(text, words[i].span);
    if (i == last && strip_possessive(words[i].lower) != words[i].lower) {
      part.remove_suffix(1);  // the s, then ' or the three bytes of ’
      part.remove_suffix(part.back() == '\'' ? 1 : std::min<std::size_t>(3, part.size()));
    }
    if (!name.empty()) name += ' ';
    name += std::string(part);
  }
  return {name, {words[first].span.start, words[last].span.end}};
}

bool is_name_word(const Word& w) {
  return w.capitalised && !w.lower.empty() && w.lower != "i";
}

// The source ending at words[end] (the word before a verb), or empty.
Citation subject_before(std::string_view text, const std::vector<Word>& words, std::size_t end,
                        bool titled) {
  const std::string_view group = detail::source_group(words[end].lower);
  if (!group.empty()) return {std::string(group), words[end].span};
  if (words[end].lower == "he" || words[end].lower == "she") return {"", words[end].span, true};
  if (!is_name_word(words[end])) return {};
  std::size_t first = end;
  while (first > 0 && is_name_word(words[first - 1]) && words[first - 1].next != ',' &&
         end - first < 5) {
    --first;
  }
  if (titled && end - first >= 2) return {};
  if (first == 0 && end == 0 && detail::is_common_word(words[0].lower)) return {};
  if (detail::is_reporting_verb(words[end].lower)) return {};
  return run_source(text, words, first, end);
}

}  // namespace

std::vector<Citation> find_citations(std::string_view text, Span sentence) {
  const std::vector<Word> words = stance_words(text, sentence);
  std::vector<detail::WordEntry> entries;
  entries.reserve(words.size());
  for (const Word& w : words) entries.push_back(detail::lookup_word(w.lower));
  return detail::find_citations(text, words, entries, detail::title_case(words));
}

std::vector<Citation> detail::find_citations(std::string_view text, const std::vector<Word>& words,
                                             const std::vector<WordEntry>& entries, bool titled) {
  std::vector<Citation> out;
  auto add = [&](Citation c) {
    if (c.source.empty() && !c.pronoun) return;
    for (const Citation& seen : out) {
      if (seen.span.start == c.span.start) return;
    }
    out.push_back(std::move(c));
  };
  for (std::size_t v = 0; v < words.size(); ++v) {
    const std::string_view w = words[v].lower;
    // "according to [the] X"
    if (w == "according" && v + 2 < words.size() && words[v + 1].lower == "to") {
      std::size_t first = v + 2;
      while (first < words.size() && (words[first].lower == "the" || words[first].lower == "a" ||
                                      words[first].lower == "an"))
        ++first;
      if (first >= words.size()) continue;
      const std::string_view group = detail::source_group(words[first].lower);
      std::size_t last = first;
      if (group.empty() && is_name_word(words[first])) {
        while (last + 1 < words.size() && words[last].next != ',' &&
               is_name_word(words[last + 1]) && last - first < 5)
          ++last;
        add(run_source(text, words, first, last));
      } else {
        // "according to senior officials", "according to the ministry's statement"
        while (group.empty() && last + 1 < words.size() && last - first < 2 &&
               words[last].next != ',' && detail::source_group(words[last].lower).empty() &&
               !detail::source_group(words[last + 1].lower).empty()) {
          ++last;
        }
        const std::string_view g = detail::source_group(words[last].lower);
        if (!g.empty()) add({std::string(g), {words[first].span.start, words[last].span.end}});
      }
      continue;
    }
    if (!entries[v].reporting) continue;
    if (words[v].capitalised && !titled && v > 0) continue;  // "Said" mid-sentence: a name
    // Subject, possibly behind fillers: "The Kremlin has also indicated".
    std::size_t s = v;
    while (s > 0 && entries[s - 1].filler) --s;
    bool found = false;
    if (s > 0 && words[s - 1].next != ',') {
      Citation c = subject_before(text, words, s - 1, titled);
      if (!c.source.empty() || c.pronoun) {
        add(std::move(c));
        found = true;
      }
    }
    if (!found && s > 0 && words[s - 1].next == ',') {
      // Apposition: the sentence opens with a name, then ", ... ," before the verb.
      std::size_t end = 0;
      while (end + 1 < s && is_name_word(words[end + 1]) && words[end].next != ',') ++end;
      if (words[0].capitalised && words[end].next == ',' && end < 5 &&
          !detail::is_common_word(words[0].lower)) {
        add(run_source(text, words, 0, end));
        found = true;
      }
    }
    // Inverted: ", said Ushakov" / "says the Kremlin".
    if (!found && (w == "said" || w == "says" || w == "added" || w == "noted" || w == "wrote") &&
        v + 1 < words.size() &&
        (v == 0 || words[v - 1].next == ',' || words[v - 1].next == '"' || s == v)) {
      std::size_t first = v + 1;
      if (words[first].lower == "the" && first + 1 < words.size()) ++first;
      const std::string_view group = detail::source_group(words[first].lower);
      if (!group.empty()) {
        add({std::string(group), words[first].span});
      } else if (is_name_word(words[first]) && !titled) {
        std::size_t last = first;
        while (last + 1 < words.size() && words[last].next != ',' &&
               is_name_word(words[last + 1]) && last - first < 5)
          ++last;
        add(run_source(text, words, v + 1, last));
      }
    }
  }
  return out;
}

}  // namespace parallax::stance
