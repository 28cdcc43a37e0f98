// People with their titles and roles; places; events and their status.
//
// People: a title before a name ("Former U.S. President Donald Trump", "Foreign Minister
// Sergei Lavrov") or a role in apposition after it ("Yuri Ushakov, the Kremlin's senior
// foreign policy adviser and a former ambassador to Washington,"). The subject key is the
// surname ("person:trump"); the role head is the office ("president", "adviser"); "former",
// "ex-" are kept apart so "former president" and "president" can be told apart.
// Places: capitalised words after in/at/to/from/near (context rules, no gazetteer); in Title
// Case sentences only places the set already uses to name events count.
// Events: a meeting word (summit, meeting, talks, meet...) keyed by the event place next to it
// ("event:meeting@alaska"); its status (upcoming / happened) from cues next to it: "upcoming",
// "planned", "will", "set to", "next Friday" vs "earlier this year", "was held", "took place".
// An event without a place gets no key: "the summit" alone is not enough to compare.
#include <algorithm>

#include "diverge/detail.h"

namespace parallax::diverge::detail {

namespace {

// Offices, longest first so "vice president" wins over "president"; one word per slot.
struct Title {
  std::string_view words[3];
  std::string_view head;
};
constexpr Title kTitles[] = {
    {{"secretary", "of", "state"}, "secretary of state"},
    {{"vice", "president", {}}, "vice president"},
    {{"prime", "minister", {}}, "prime minister"},
    {{"foreign", "minister", {}}, "foreign minister"},
    {{"defence", "minister", {}}, "defence minister"},
    {{"defense", "minister", {}}, "defence minister"},
    {{"finance", "minister", {}}, "finance minister"},
    {{"interior", "minister", {}}, "interior minister"},
    {{"press", "secretary", {}}, "press secretary"},
    {{"special", "envoy", {}}, "special envoy"},
    {{"minister", {}, {}}, "minister"},
    {{"president", {}, {}}, "president"},
    {{"chancellor", {}, {}}, "chancellor"},
    {{"senator", {}, {}}, "senator"},
    {{"governor", {}, {}}, "governor"},
    {{"mayor", {}, {}}, "mayor"},
    {{"secretary", {}, {}}, "secretary"},
    {{"ambassador", {}, {}}, "ambassador"},
    {{"envoy", {}, {}}, "envoy"},
    {{"spokesman", {}, {}}, "spokesman"},
    {{"spokeswoman", {}, {}}, "spokeswoman"},
    {{"spokesperson", {}, {}}, "spokesperson"},
    {{"adviser", {}, {}}, "adviser"},
    {{"advisor", {}, {}}, "adviser"},
    {{"aide", {}, {}}, "aide"},
    {{"director", {}, {}}, "director"},
    {{"head", {}, {}}, "head"},
    {{"chief", {}, {}}, "chief"},
    {{"king", {}, {}}, "king"},
    {{"queen", {}, {}}, "queen"},
    {{"general", {}, {}}, "general"},
    {{"commander", {}, {}}, "commander"},
    // Offices of local services ("Station Manager Lena Hask", "Press Officer Ada Quill");
    // after "Chief" they end a compound title (chief_compound below).
    {{"officer", {}, {}}, "officer"},
    {{"manager", {}, {}}, "manager"},
    {{"inspector", {}, {}}, "inspector"},
    {{"constable", {}, {}}, "constable"},
    {{"superintendent", {}, {}}, "superintendent"},
    {{"premier", {}, {}}, "premier"},
    {{"chairman", {}, {}}, "chairman"},
    {{"chairwoman", {}, {}}, "chairwoman"},
    {{"ceo", {}, {}}, "ceo"},
    {{"pope", {}, {}}, "pope"},
    {{"leader", {}, {}}, "leader"},
};

// True when `first_words` holds the first word of every title and no other word.
template <std::size_t N>
constexpr bool same_first_words(const std::string_view (&first_words)[N]) {
  for (const Title& title : kTitles) {
    bool found = false;
    for (std::string_view w : first_words) found = found || w == title.words[0];
    if (!found) return false;
  }
  for (std::string_view w : first_words) {
    bool found = false;
    for (const Title& title : kTitles) found = found || w == title.words[0];
    if (!found) return false;
  }
  return true;
}

bool ex_prefixed(std::string_view lower) {
  return lower.size() >= 3 && lower[0] == 'e' && lower[1] == 'x' && lower[2] == '-';
}

// False when no title can start at w: most words (a title word, or "ex-" + one).
bool may_start_title(const Word& w) {
  return !w.punct && !w.number && (w.title || ex_prefixed(w.lower));
}

// "Chief" + up to one capitalised word + an office ending the title: "Chief Fire Officer",
// "Chief Medical Officer", "Chief Constable", "Chief Executive". The words of the title after
// "Chief" (0: none), and the whole title, lower case, as its head.
std::size_t chief_compound(const std::vector<Word>& words, std::size_t i, std::string* head) {
  auto office = [](std::string_view w) {
    for (std::string_view o : {"constable", "economist", "engineer", "executive", "inspector",
                               "justice", "officer", "prosecutor", "scientist", "superintendent"})
      if (same_bytes(w, o)) return true;
    return false;
  };
  for (std::size_t k = 1; k <= 2 && i + k < words.size(); ++k) {
    const Word& w = words[i + k];
    if (!w.cap || w.punct || w.number) return 0;
    if (office(w.lower)) {
      std::string title = "chief";
      for (std::size_t j = 1; j <= k; ++j) {
        title += ' ';
        title += words[i + j].lower;
      }
      *head = std::move(title);
      return k;
    }
  }
  return 0;
}

// The title starting at word i: its number of words (0: none) and its head.
std::size_t title_at(const std::vector<Word>& words, std::size_t i, std::string* head) {
  if (i >= words.size() || !may_start_title(words[i])) return 0;
  std::string_view first = words[i].lower;
  if (!words[i].title) first.remove_prefix(3);  // "ex-President"
  for (const Title& title : kTitles) {
    if (!same_bytes(title.words[0], first)) continue;  // no memcmp call (WASM)
    std::size_t n = 1;
    while (n < 3 && !title.words[n].empty()) {
      if (i + n >= words.size() || !same_bytes(words[i + n].lower, title.words[n])) break;
      ++n;
    }
    if (n < 3 && !title.words[n].empty()) continue;
    *head = std::string(title.head);
    if (n == 1 && title.head == "chief") n += chief_compound(words, i, head);
    return n;
  }
  return 0;
}

bool nationality(const Word& w) {
  if (!w.cap) return false;
  const std::string_view s = w.lower;
  auto ends = [&](std::string_view e) {
    return s.size() > e.size() + 2 && same_bytes(s.substr(s.size() - e.size()), e);
  };
  return s.find('.') != std::string::npos || ends("ian") || ends("ese") || ends("ish") ||
         ends("can") || ends("'s") || s == "us" || s == "uk" || s == "eu" || s == "un";
}

// A capitalised word that can be part of a person's name.
bool name_word(const Word& w) {
  if (w.punct || w.number || !w.cap) return false;
  if (w.title || w.month != 0 || is_stopword(w.lower) || weekday_number(w.lower) >= 0) return false;
  if (w.lower.find('-') != std::string::npos) return false;
  if (w.lower.size() >= 2 && same_bytes(w.lower.substr(w.lower.size() - 2), "'s")) return false;
  return true;
}

std::string surname(std::string_view name) {
  const std::size_t space = name.rfind(' ');
  return std::string(space == std::string_view::npos ? name : name.substr(space + 1));
}

bool place_word(const Word& w, bool title_case_sentence, const Context& context) {
  if (w.punct || w.number || !w.cap) return false;
  if (w.title || w.month != 0 || is_stopword(w.lower) || weekday_number(w.lower) >= 0 ||
      w.lower.find('-') != std::string::npos)
    return false;
  if (title_case_sentence)
    return std::binary_search(context.event_places.begin(), context.event_places.end(), w.lower);
  return true;
}

bool separator(const Word& w) {
  return w.punct &&
         (w.lower == "," || w.lower == ";" || w.lower == ":" || w.lower == "(" || w.lower == ")" ||
          w.lower == "\xE2\x80\x93" || w.lower == "\xE2\x80\x94" || w.lower == ".");
}

bool known_place(const Context& context, std::string_view lower) {
  return std::binary_search(context.event_places.begin(), context.event_places.end(), lower);
}

// The place of the event mentioned at word e, or "".
// The lower-case words [from, to) joined by single spaces ("former u.s. president").
std::string joined_lower(const std::vector<Word>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t k = from; k < to; ++k) {
    if (!out.empty()) out += ' ';
    out += words[k].lower;
  }
  return out;
}

// A person named with a role ("Former U.S. President Donald Trump", "Ushakov, the Kremlin's
// adviser"): keyed by surname, valued by name and role.
Fact person_fact(const std::string& name, const std::string& role, const std::string& head,
                 bool former, Span span) {
  Fact fact;
  fact.kind = FactKind::kPerson;
  fact.span = span;
  fact.subject = "person:" + surname(name);
  fact.role = head;
  fact.former = former;
  fact.value = "person:" + name + "|" + role;
  fact.unit = name;
  return fact;
}

std::string event_place(const std::vector<Word>& words, std::size_t e, const Context& context,
                        std::size_t* where = nullptr) {
  std::size_t unused = 0;
  if (where == nullptr) where = &unused;
  // "<Place> summit", allowing one modifier between ("Alaska diplomatic summit").
  for (std::size_t back = 1; back <= 2 && back <= e; ++back) {
    const Word& w = words[e - back];
    if (w.punct) break;
    if (known_place(context, w.lower) && w.cap) {
      *where = e - back;
      return std::string(w.lower);
    }
  }
  // "summit ... in/at <Place>" inside the same clause, within 10 words.
  for (std::size_t k = e + 1; k < words.size() && k <= e + 10; ++k) {
    if (separator(words[k])) break;
    if ((words[k].lower == "in" || words[k].lower == "at") && k + 1 < words.size() &&
        words[k + 1].cap && known_place(context, words[k + 1].lower)) {
      *where = k + 1;
      return std::string(words[k + 1].lower);
    }
  }
  // Otherwise a known event place within 6 words in the same clause.
  std::string best;
  std::size_t best_distance = 7;
  for (std::size_t k = e; k > 0 && e - k < 6;) {
    --k;
    if (separator(words[k])) break;
    if (words[k].cap && known_place(context, words[k].lower)) {
      best_distance = e - k;
      best = words[k].lower;
      *where = k;
      break;
    }
  }
  for (std::size_t k = e + 1; k < words.size() && k - e < best_distance; ++k) {
    if (separator(words[k])) break;
    if (words[k].cap && known_place(context, words[k].lower)) {
      best = words[k].lower;
      *where = k;
      break;
    }
  }
  return best;
}

std::vector<std::size_t> event_mentions(const std::vector<Word>& words) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < words.size(); ++i)
    if (words[i].event) out.push_back(i);
  return out;
}

}  // namespace

// Meeting words: nouns and verbs that name a meeting of people.
bool is_event_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "conference", "convene", "convenes",     "encounter", "meet",    "meeting", "meetings",
      "meets",      "met",     "negotiations", "summit",    "summits", "talks"};
  static_assert(sorted_words(kWords), "keep the meeting words sorted");
  static constexpr FirstLetterLengths kFilter(kWords);
  static_assert(kFilter.valid, "meeting words start with a-z");
  return kFilter.may_hold(w) && in_sorted_words(kWords, w);
}

bool is_title_word(std::string_view w) {
  // The distinct first words of kTitles, sorted for bisection.
  static constexpr std::string_view kFirstWords[] = {
      "adviser",        "advisor",    "aide",       "ambassador",   "ceo",
      "chairman",       "chairwoman", "chancellor", "chief",        "commander",
      "constable",      "defence",    "defense",    "director",     "envoy",
      "finance",        "foreign",    "general",    "governor",     "head",
      "inspector",      "interior",   "king",       "leader",       "manager",
      "mayor",          "minister",   "officer",    "pope",         "premier",
      "president",      "press",      "prime",      "queen",        "secretary",
      "senator",        "special",    "spokesman",  "spokesperson", "spokeswoman",
      "superintendent", "vice"};
  static_assert(sorted_words(kFirstWords), "keep the first words of the titles sorted");
  static_assert(same_first_words(kFirstWords), "kFirstWords: exactly the first words of kTitles");
  static constexpr FirstLetterLengths kFilter(kFirstWords);
  static_assert(kFilter.valid, "titles start with a-z");
  return kFilter.may_hold(w) && in_sorted_words(kFirstWords, w);
}

std::string event_key_near(const std::vector<Word>& words, std::size_t at, const Context& context) {
  std::size_t best = words.size(), best_distance = 13;
  for (std::size_t e : event_mentions(words)) {
    const std::size_t d = e > at ? e - at : at - e;
    if (d < best_distance) best_distance = d, best = e;
  }
  if (best == words.size()) return {};
  const std::string place = event_place(words, best, context);
  return place.empty() ? std::string() : "event:meeting@" + place;
}

void extract_people(const std::vector<Word>& words, bool title_case_sentence,
                    std::vector<Fact>& out) {
  const bool tc = title_case_sentence;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!may_start_title(words[i])) continue;  // most words; title_at would say 0
    std::string head;
    const std::size_t title_words = title_at(words, i, &head);
    if (title_words == 0) continue;
    // A: [former] [U.S./Russian/Kremlin's] Title Name ("Former U.S. President Donald Trump").
    // Lower-case titles count too ("Kremlin spokesman Dmitry Peskov", "former president
    // Barack Obama"), except words that are often something else ("in general Trump ...").
    const bool lower_ok = !words[i].cap && !tc && head != "general" && head != "head" &&
                          head != "chief" && head != "leader" && head != "secretary";
    if (words[i].cap || lower_ok) {
      std::size_t n = i + title_words, name_end = n;
      while (name_end < words.size() && name_end < n + 3 && name_word(words[name_end])) ++name_end;
      if (name_end > n) {
        std::size_t first = i;
        bool former = false;
        while (first > 0 && i - first < 3) {
          const Word& p = words[first - 1];
          if (p.lower == "former" || p.lower == "ex" || p.lower == "then") {
            former = former || p.lower != "then";
            --first;
          } else if (nationality(p) ||
                     (!tc && p.cap && !is_stopword(p.lower) && first - 1 > 0 &&
                      month_number(p.lower) == 0 && weekday_number(p.lower) < 0)) {
            --first;
          } else {
            break;
          }
        }
        if (words[first].lower.rfind("ex-", 0) == 0 || words[i].lower.rfind("ex-", 0) == 0)
          former = true;
        Fact fact =
            person_fact(joined_lower(words, n, name_end), joined_lower(words, first, n), head,
                        former, {words[first].span.start, words[name_end - 1].span.end});
        fact.low = static_cast<double>(n - first);  // words of the role, for the note
        out.push_back(std::move(fact));
        i = name_end - 1;
        continue;
      }
    }
  }
  // B: Name, [the|a] role phrase with a title [and a second one], ("Yuri Ushakov, the
  // Kremlin's senior foreign policy adviser and a former ambassador to Washington,").
  for (std::size_t c = 1; c + 1 < words.size(); ++c) {
    if (words[c].lower != ",") continue;
    std::size_t name_start = c;
    while (name_start > 0 && c - name_start < 3 && name_word(words[name_start - 1])) --name_start;
    if (c - name_start < 1) continue;
    // One capitalised word is a name only inside a sentence after a mark ("..., Ushakov, the
    // adviser,"): at the start it is as likely "However," or "Meanwhile,".
    if (c - name_start == 1 && (name_start == 0 || !words[name_start - 1].punct)) continue;
    if (name_start > 0 && !words[name_start - 1].punct) {
      // "... told Yuri Ushakov, ..." is fine; "... Russia And Yuri Ushakov," as well; but a
      // title right before means pattern A already took it.
      std::string head;
      if (name_start >= 1 && title_at(words, name_start - 1, &head) != 0) continue;
    }
    const std::string name = joined_lower(words, name_start, c);
    std::size_t k = c + 1;
    while (k < words.size()) {
      const std::size_t phrase_start = k;
      if (words[k].lower == "the" || words[k].lower == "a" || words[k].lower == "an") ++k;
      bool former = false;
      std::size_t title_pos = words.size(), title_len = 0;
      std::string head;
      std::size_t e = k;
      for (; e < words.size() && e < k + 8; ++e) {
        if (separator(words[e]) || words[e].lower == "and" || words[e].lower == "who") break;
        if (words[e].lower == "former" || words[e].lower.rfind("ex-", 0) == 0) former = true;
        if (title_pos == words.size()) {
          const std::size_t len = title_at(words, e, &head);
          if (len != 0) {
            title_pos = e;
            title_len = len;
            e += len - 1;
          }
        }
      }
      if (title_pos == words.size()) break;
      // The title opens the phrase ("the Kremlin's senior foreign policy adviser"), not a
      // clause ("speculation is rife that the former leader").
      bool clause = title_pos > k + 5;
      for (std::size_t r = k; r < title_pos && !clause; ++r)
        clause = quantity_word(words[r].lower) || words[r].lower == "said";
      if (clause) break;
      // "Sergei Lavrov, Defence Minister Andrey Belousov": a name after the title is pattern A.
      const std::size_t after = title_pos + title_len;
      if (after < words.size() && name_word(words[after]) && !tc) break;
      if (tc && after < words.size() && name_word(words[after]) && !(words[after].lower == "of")) {
        // Title Case: "Director Of The Russian Leader" is fine, "Minister Andrey" is not.
        if (after + 1 < words.size() && name_word(words[after + 1])) break;
      }
      // The role phrase, up to the clause end or "to Washington" etc. (at most 8 words).
      std::size_t phrase_end = e;
      Fact fact = person_fact(name, joined_lower(words, phrase_start, phrase_end), head, former,
                              {words[phrase_start].span.start, words[phrase_end - 1].span.end});
      fact.strength = 0.9;
      out.push_back(std::move(fact));
      if (e < words.size() && words[e].lower == "and") {
        k = e + 1;
        continue;
      }
      break;
    }
  }
}

void extract_events(const std::vector<Word>& words, bool title_case_sentence,
                    const Context& context, std::vector<Fact>& out) {
  const bool tc = title_case_sentence;
  // Places after in/at/to/from/near.
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string_view p = words[i].lower;
    if (p != "in" && p != "at" && p != "to" && p != "from" && p != "near") continue;
    std::size_t e = i + 1;
    while (e < words.size() && e < i + 4 && place_word(words[e], tc, context)) ++e;
    if (e == i + 1) continue;
    // "to U.S. President ...", "in Western capitals", "Russian": not places.
    if (e < words.size() && words[e].title) continue;
    if (e == i + 2) {
      const std::string_view only = words[i + 1].lower;
      auto ends = [&](std::string_view x) {
        return only.size() > x.size() && only.compare(only.size() - x.size(), x.size(), x) == 0;
      };
      if (ends("ern") || ends("ian") || ends("ese") || ends("ish") || ends("'s")) continue;
    }
    const std::string name = joined_lower(words, i + 1, e);
    Fact fact;
    fact.kind = FactKind::kPlace;
    fact.span = {words[i + 1].span.start, words[e - 1].span.end};
    fact.value = "place:" + name;
    fact.subject = "place:" + name;
    fact.strength = 0.6;
    out.push_back(std::move(fact));
    i = e - 1;
  }
  // Status of each keyed event from the cues nearest to it.
  const std::vector<std::size_t> mentions = event_mentions(words);
  if (mentions.empty()) return;
  struct Cue {
    std::size_t first, last;
    bool upcoming;
  };
  std::vector<Cue> cues;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = words[i].lower;
    auto next = [&](std::size_t k) -> std::string_view {
      return i + k < words.size() ? std::string_view(words[i + k].lower) : std::string_view();
    };
    if (w == "upcoming" || w == "impending" || w == "planned" || w == "scheduled" ||
        w == "forthcoming" || w == "will" || w == "plans" || w == "approaches" ||
        w == "preparing") {
      cues.push_back({i, i, true});
    } else if (w == "set" && (next(1) == "to" || next(1) == "for")) {
      cues.push_back({i, i + 1, true});
    } else if (w == "next" && weekday_number(next(1)) >= 0) {
      cues.push_back({i, i + 1, true});
    } else if ((w == "later") && next(1) == "this") {
      cues.push_back({i, i + 2, true});
    } else if (w == "earlier" && next(1) == "this" && (next(2) == "year" || next(2) == "month")) {
      cues.push_back({i, i + 2, false});
    } else if (w == "last" && (next(1) == "week" || next(1) == "month" || next(1) == "year")) {
      cues.push_back({i, i + 1, false});
    } else if ((w == "was" || w == "were") && next(1) == "held") {
      cues.push_back({i, i + 1, false});
    } else if (w == "took" && next(1) == "place") {
      cues.push_back({i, i + 1, false});
    } else if (w == "yesterday" || w == "ago" || w == "met" || w == "concluded") {
      cues.push_back({i, i, false});
    }
  }
  for (const Cue& cue : cues) {
    // The mention nearest to the cue, within 6 words.
    std::size_t best = words.size(), best_distance = 7;
    for (std::size_t e : mentions) {
      const std::size_t d = e > cue.last ? e - cue.last : (cue.first > e ? cue.first - e : 0);
      if (d < best_distance) best_distance = d, best = e;
    }
    if (best == words.size()) continue;
    std::size_t place_at = best;
    const std::string place = event_place(words, best, context, &place_at);
    if (place.empty()) continue;
    // "will": only when it governs the event ("the summit will begin"), not far away.
    if (words[cue.first].lower == "will" && best_distance > 3) continue;
    bool duplicate = false;
    for (const Fact& f : out) {
      duplicate =
          duplicate || (f.kind == FactKind::kStatus && f.subject == "event:meeting@" + place &&
                        f.value == (cue.upcoming ? "upcoming" : "happened"));
    }
    if (duplicate) continue;
    Fact fact;
    fact.kind = FactKind::kStatus;
    // The phrase runs from the cue to the event and its place ("Planned Meeting In Alaska").
    std::size_t from = std::min(cue.first, best), to = std::max(cue.last, best);
    if (place_at + 4 >= from && place_at <= to + 4) {
      from = std::min(from, place_at);
      to = std::max(to, place_at);
    }
    fact.span = {words[from].span.start, words[to].span.end};
    fact.subject = "event:meeting@" + place;
    fact.value = cue.upcoming ? "upcoming" : "happened";
    fact.strength = words[cue.first].lower == "will" ? 0.8 : 1.0;
    out.push_back(std::move(fact));
  }
  // With a published date, a full date of the event says it too: before it, held; after, to come.
  const Date& published = context.published;
  if (published.year == 0 || published.month == 0 || published.day == 0) return;
  const long today = days_from_civil(published.year, published.month, published.day);
  const std::size_t dates = out.size();
  for (std::size_t i = 0; i < dates; ++i) {
    const Fact& date = out[i];
    if (date.kind != FactKind::kDate || date.subject.empty() || date.date.year == 0 ||
        date.date.month == 0 || date.date.day == 0)
      continue;
    const long day = days_from_civil(date.date.year, date.date.month, date.date.day);
    if (day == today) continue;
    bool stated = false;
    for (const Fact& f : out)
      stated = stated || (f.kind == FactKind::kStatus && f.subject == date.subject);
    if (stated) continue;
    Fact fact;
    fact.kind = FactKind::kStatus;
    fact.span = date.span;
    fact.subject = date.subject;
    fact.value = day < today ? "happened" : "upcoming";
    fact.strength = 0.9;
    out.push_back(std::move(fact));
  }
}

std::vector<std::string> collect_event_places(const std::vector<SentenceWords>& sentences) {
  std::vector<std::string> places, names;
  for (const SentenceWords& sentence : sentences) {
    const std::vector<Word>& words = sentence.words;
    std::vector<Fact> people;
    bool titled = false;
    for (const Word& w : words) titled = titled || w.title;
    const bool tc = title_case(words);
    if (titled) extract_people(words, tc, people);
    for (const Fact& f : people) {
      std::string_view n = f.unit;
      while (!n.empty()) {
        const std::size_t space = n.find(' ');
        names.emplace_back(n.substr(0, space));
        if (space == std::string_view::npos) break;
        n.remove_prefix(space + 1);
      }
    }
    if (tc) continue;
    const Context none;
    for (std::size_t e = 0; e < words.size(); ++e) {
      if (!words[e].event) continue;
      if (e > 0 && place_word(words[e - 1], false, none) && e - 1 > 0)
        places.emplace_back(words[e - 1].lower);
      for (std::size_t k = e + 1; k < words.size() && k <= e + 10; ++k) {
        if (separator(words[k])) break;
        if ((words[k].lower == "in" || words[k].lower == "at") && k + 1 < words.size() &&
            place_word(words[k + 1], false, none)) {
          places.emplace_back(words[k + 1].lower);
          break;
        }
      }
    }
  }
  std::sort(names.begin(), names.end());
  std::vector<std::string> out;
  for (std::string& p : places)
    if (!std::binary_search(names.begin(), names.end(), p)) out.push_back(std::move(p));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace parallax::diverge::detail

namespace parallax::diverge {
std::vector<std::string> collect_event_places(std::string_view text,
                                              const std::vector<Span>& sentences) {
  std::vector<detail::SentenceWords> scanned;
  scanned.reserve(sentences.size());
  for (const Span& span : sentences) scanned.push_back(detail::scan_words(text, span));
  return detail::collect_event_places(scanned);
}
}  // namespace parallax::diverge
