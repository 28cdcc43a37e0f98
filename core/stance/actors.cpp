// Actors (owner: "tone"): the main people of a set of articles, found from the text alone.
//
// Discovery reads prose sentences (not headings, tables or Title Case lines, where capitals
// mark nothing): a run of capitalised words, with leading titles and roles dropped ("Russian
// President Vladimir Putin" -> "Vladimir Putin"), is a person when it has 2-4 name words,
// no all-capital acronym, its last word is not a generic head ("House", "Summit", "Europe"),
// its first word is always followed by the same word in the set (a given name: "Eastern" is
// followed by "Europe" and "Ukraine", so "Eastern Europe" is no person), and either a title
// stood before it, or it is cited ("Tomas Odali said", "said Oren Castell"), or its last word
// also names someone on its own ("Putin"). A capitalised
// word that the set also writes in lower case ("Given", "Joint", "Project") is no given name
// and, at the start of a sentence, no name at all. One word after a title ("President
// Zelensky") is a person too.
//
// Aliases merge by surname (plus a suffix: "Donald Trump Jr." is not "Donald Trump"): the
// full name, the surname alone, titled forms. A surname alone goes to the most mentioned full
// name with that surname. Mentions are then found in every non-boilerplate sentence (full names
// case-insensitively, a surname alone only capitalised). The actors mentioned at least twice,
// ranked by articles then mentions, are kept (at most max_actors). Linear in the text; hash sets
// only answer membership (nothing iterates them), so the result does not depend on hash order.
// Never fails.
#include <algorithm>
#include <map>
#include <set>

#include "stance/tone_detail.h"

namespace parallax::stance {

namespace {

std::string_view strip_possessive(std::string_view lower) {
  if (lower.size() > 2 && lower.substr(lower.size() - 2) == "'s")
    return lower.substr(0, lower.size() - 2);
  return lower;
}

// The word's text without a possessive ending ("Putin’s" -> "Putin").
std::string_view surface(std::string_view text, const Word& w) {
  std::string_view part = slice(text, w.span);
  if (strip_possessive(w.lower) != w.lower) {
    part.remove_suffix(1);
    part.remove_suffix(
        !part.empty() && part.back() == '\'' ? 1 : std::min<std::size_t>(3, part.size()));
  }
  return part;
}

bool is_acronym(const Word& w) {
  return w.all_caps && w.lower.find('.') == std::string::npos;
}

bool name_word(const Word& w) {
  return w.capitalised && !is_acronym(w);
}

// The run may go on after w: nothing but spaces between w and the next word.
bool joins_next(const Word& w) {
  // Letters, or the lead byte of an accented Latin letter; not quotes or dashes (U+20xx).
  const unsigned char c = static_cast<unsigned char>(w.next);
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC3 && c <= 0xC9);
}

// A quick check before a hash lookup: the (first byte, length) pairs of a set of words. A word
// whose pair is not there is not in the set.
class WordShapes {
 public:
  void add(std::string_view w) { seen_[index(w)] = true; }
  bool may_hold(std::string_view w) const { return seen_[index(w)]; }

 private:
  static std::size_t index(std::string_view w) {
    if (w.empty()) return 0;
    return static_cast<unsigned char>(w[0]) * 32 + std::min<std::size_t>(w.size(), 31);
  }
  std::vector<bool> seen_ = std::vector<bool>(256 * 32, false);
};

// The NameClass bits of words (titles, roles, suffixes, generic heads), from a table built
// once per find_actors call.
class NameClasses {
 public:
  NameClasses() : table_(128) {
    for (const auto& [word, bits] : detail::name_classes()) table_[word] |= bits;
  }
  bool title(std::string_view w) const { return has(w, detail::kTitleWord); }
  bool role(std::string_view w) const { return has(w, detail::kRoleTitle); }
  bool suffix(std::string_view w) const { return has(w, detail::kNameSuffix); }
  bool generic_head(std::string_view w) const { return has(w, detail::kGenericHead); }

 private:
  bool has(std::string_view w, std::uint8_t bit) const {
    const std::uint8_t* bits = table_.find(w);
    return bits != nullptr && (*bits & bit) != 0;
  }
  detail::ViewTable<std::uint8_t> table_;
};

struct Candidate {
  std::map<std::string, std::uint32_t> spellings;  // name as written -> count
  bool titled = false;
  std::string surname;  // lower, with suffix: "putin", "trump jr."
  std::size_t words = 0;
};

struct Discovery {
  detail::ViewSet lower_seen;             // words written in lower case (views of the words)
  std::map<std::string, Candidate> full;  // lower full name -> candidate
  std::map<std::string, std::set<std::string>> followers;  // first word -> words after it
  detail::ViewSet alone;  // single capitalised words (views of the words)
  NameClasses classes;
};

// Out of line on purpose (one caller, so it would be inlined): called once per sentence, it can
// run V8's optimised WebAssembly code from the next sentence on, which code inlined into
// find_actors (called once) never would (docs/bench.md, "Round 5").
[[gnu::noinline]] void discover(std::string_view text, const std::vector<Word>& words,
                                bool list_item, Discovery& d) {
  std::size_t i = 0;
  while (i < words.size()) {
    if (!name_word(words[i])) {
      ++i;
      continue;
    }
    std::size_t last = i;
    // A possessive ends the run: "Kestrelford's Varrow Bridge" is not one name.
    while (last + 1 < words.size() && joins_next(words[last]) && name_word(words[last + 1]) &&
           strip_possessive(words[last].lower) == words[last].lower && last - i < 7) {
      ++last;
    }
    std::size_t first = i;
    // A capitalised first word is a name only if the set never writes it in lower case
    // ("Given Alaska's location"); the first word of a list item is a label or an imperative
    // ("Underscore Russia's resilience").
    if (first == 0 && (list_item || detail::is_common_word(words[0].lower) ||
                       d.lower_seen.contains(words[0].lower)))
      ++first;
    i = last + 1;
    if (first > last) continue;
    // Leading titles: the name starts after the last title word.
    std::size_t start = first;
    bool titled = false;
    for (std::size_t k = first; k <= last; ++k) {
      if (d.classes.title(words[k].lower)) {
        start = k + 1;
        titled = d.classes.role(words[k].lower);
      }
    }
    if (start > last) continue;
    // Named as a source ("Tomas Odali stressed", "said Oren Castell") or after a role written in
    // lower case ("foreign minister Sergei Lavrov"): a person, as after a title.
    auto speech = [](std::string_view w) {
      return w == "said" || w == "says" || w == "told" || w == "stressed" || w == "added" ||
             w == "confirmed" || w == "insisted" || w == "warned" || w == "explained" ||
             w == "argued" || w == "noted" || w == "admitted" || w == "acknowledged";
    };
    const bool cited =
        last > start && ((last + 1 < words.size() && speech(words[last + 1].lower)) ||
                         (first > 0 && (std::string_view(words[first - 1].lower) == "said" ||
                                        std::string_view(words[first - 1].lower) == "says" ||
                                        d.classes.role(words[first - 1].lower))));
    titled = titled || cited;
    for (std::size_t k = start; k < last; ++k)
      d.followers[words[k].lower].insert(words[k + 1].lower);
    std::size_t name_end = last;  // inclusive, suffix excluded
    if (name_end > start && d.classes.suffix(words[name_end].lower)) --name_end;
    const std::size_t n = name_end - start + 1;
    if (n == 1 && last == start) d.alone.insert(strip_possessive(words[start].lower));
    if (n > 4 || (n == 1 && !titled)) continue;
    bool ok = true;
    for (std::size_t k = start; k <= name_end; ++k) {
      ok = ok && !represent::is_stopword(words[k].lower) && words[k].lower.size() >= 2;
    }
    const std::string surname(strip_possessive(words[name_end].lower));
    if (!ok || d.classes.generic_head(surname)) continue;
    std::string key, written;
    for (std::size_t k = start; k <= last; ++k) {
      if (!key.empty()) key += ' ', written += ' ';
      key += k == last ? strip_possessive(words[k].lower) : std::string_view(words[k].lower);
      written += std::string(k == last ? surface(text, words[k]) : slice(text, words[k].span));
    }
    Candidate& c = d.full[key];
    c.spellings[written] += 1;
    c.titled = c.titled || titled;
    c.words = n;
    c.surname = last == name_end ? surname : surname + " " + words[last].lower;
  }
}

bool prose(const segment::Paragraph& p) {
  return !p.boilerplate && p.kind != segment::ParagraphKind::kHeading &&
         p.kind != segment::ParagraphKind::kTable;
}

std::string most_common(const std::map<std::string, std::uint32_t>& counts) {
  std::string best;
  std::uint32_t n = 0;
  for (const auto& [word, count] : counts) {
    // Prefer capitalised spellings ("Vladimir Putin" over "vladimir putin").
    const bool cap = !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
    const bool best_cap = !best.empty() && best[0] >= 'A' && best[0] <= 'Z';
    if (best.empty() || (cap && !best_cap) || (cap == best_cap && count > n)) {
      best = word;
      n = count;
    }
  }
  return best;
}

}  // namespace

SetWords set_words(const std::vector<StanceInput>& articles) {
  SetWords out;
  out.articles.resize(articles.size());
  out.more.assign(articles.size(), false);
  for (std::uint32_t a = 0; a < articles.size(); ++a) {
    if (articles[a].paragraphs == nullptr) continue;
    const auto& paragraphs = *articles[a].paragraphs;
    std::vector<SentenceWordList>& sentences = out.articles[a];
    for (std::uint32_t p = 0; p < paragraphs.size() && !out.more[a]; ++p) {
      if (paragraphs[p].boilerplate) continue;
      for (std::uint32_t s = 0; s < paragraphs[p].sentences.size(); ++s) {
        if (sentences.size() == kMaxStanceSentences) {
          out.more[a] = true;
          break;
        }
        const Span span = paragraphs[p].sentences[s].span;
        sentences.push_back({SentenceRef{a, p, s}, span, prose(paragraphs[p]),
                             paragraphs[p].kind == segment::ParagraphKind::kListItem,
                             stance_words(articles[a].text, span)});
      }
    }
  }
  return out;
}

ActorSet find_actors(const std::vector<StanceInput>& articles, std::size_t max_actors) {
  return find_actors(articles, set_words(articles), max_actors);
}

ActorSet find_actors(const std::vector<StanceInput>& articles, const SetWords& set,
                     std::size_t max_actors) {
  // The three passes below (lower-case words, discovery, mentions) read the stored words of
  // the sentences, article by article; the first article with more sentences than are read
  // ends the reading.
  std::vector<const SentenceWordList*> sentences;
  for (std::size_t a = 0; a < articles.size() && a < set.articles.size(); ++a) {
    for (const SentenceWordList& sentence : set.articles[a]) sentences.push_back(&sentence);
    if (a < set.more.size() && set.more[a]) break;
  }
  Discovery d;
  for (const SentenceWordList* sentence : sentences) {
    if (!sentence->prose) continue;
    for (const Word& w : sentence->words) {
      if (!w.capitalised && !w.lower.empty() && w.lower[0] >= 'a' && w.lower[0] <= 'z') {
        d.lower_seen.insert(strip_possessive(w.lower));
      }
    }
  }
  for (const SentenceWordList* sentence : sentences) {
    if (!sentence->prose || detail::title_case(sentence->words)) continue;
    discover(articles[sentence->ref.article].text, sentence->words, sentence->list_item, d);
  }

  // People: candidates that pass the checks, grouped by surname.
  struct Person {
    std::string key;   // lower full name
    std::string name;  // as most often written
    std::uint32_t count = 0;
  };
  std::map<std::string, std::vector<Person>> by_surname;
  for (const auto& [key, c] : d.full) {
    const std::string first_word = key.substr(0, key.find(' '));
    const bool one_word = c.words == 1;
    bool given_name = one_word;
    if (!one_word) {
      auto it = d.followers.find(first_word);
      given_name =
          it != d.followers.end() && it->second.size() == 1 && !d.lower_seen.contains(first_word);
    }
    const std::string bare = c.surname.substr(0, c.surname.find(' '));
    if (!given_name || !(c.titled || d.alone.contains(bare))) continue;
    std::uint32_t count = 0;
    for (const auto& [w, n] : c.spellings) count += n;
    by_surname[c.surname].push_back({key, most_common(c.spellings), count});
  }

  // Phrases that mention each person: full name (lower words) and, for the most mentioned
  // full name of a surname, the surname alone.
  // A phrase is its lower-case words joined by single spaces (words hold no spaces); the first
  // actor given a phrase keeps it.
  std::vector<Actor> actors;
  std::vector<std::pair<std::string, std::uint32_t>> phrase_list;  // in the order given
  std::size_t longest = 1;
  auto split = [](const std::string& s) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= s.size()) {
      const std::size_t space = s.find(' ', start);
      parts.push_back(
          s.substr(start, space == std::string::npos ? std::string::npos : space - start));
      if (space == std::string::npos) break;
      start = space + 1;
    }
    return parts;
  };
  for (auto& [surname, people] : by_surname) {
    std::stable_sort(people.begin(), people.end(),
                     [](const Person& x, const Person& y) { return x.count > y.count; });
    // A one-word titled name ("President Putin") joins the full name of its surname.
    std::vector<Person> kept;
    for (const Person& person : people) {
      if (person.key.find(' ') == std::string::npos && people.size() > 1) continue;
      if (person.key.find(' ') != std::string::npos &&
          split(person.key).size() == split(surname).size())
        continue;  // only the surname and its suffix: not a full name
      kept.push_back(person);
    }
    if (kept.empty() && !people.empty()) kept.push_back(people.front());
    for (std::size_t k = 0; k < kept.size(); ++k) {
      const auto id = static_cast<std::uint32_t>(actors.size());
      Actor actor;
      actor.name = kept[k].name;
      actors.push_back(actor);
      longest = std::max(longest, split(kept[k].key).size());
      phrase_list.push_back({kept[k].key, id});
      if (k == 0) phrase_list.push_back({surname, id});  // "putin", "trump jr."
    }
  }

  // Mentions, with the titles written before them as aliases.
  ActorSet result;
  std::vector<std::map<std::string, std::uint32_t>> aliases(actors.size());
  std::vector<std::set<std::uint32_t>> in_articles(actors.size());
  std::vector<ActorMention> mentions;
  // The phrases by text (views of phrase_list, which no longer changes), and their first words:
  // a word that starts none is passed over at once.
  detail::ViewTable<std::uint32_t> phrases;
  detail::ViewSet phrase_starts;
  WordShapes start_shapes;  // the first bytes and lengths of the first words
  for (const auto& [phrase, id] : phrase_list) {
    if (!phrases.contains(phrase)) phrases[phrase] = id;
    const std::string_view first = std::string_view(phrase).substr(0, phrase.find(' '));
    phrase_starts.insert(first);
    start_shapes.add(first);
  }
  const auto starts_phrase = [&](std::string_view word) {
    return start_shapes.may_hold(word) && phrase_starts.contains(word);
  };
  for (const SentenceWordList* sentence : sentences) {
    const SentenceRef ref = sentence->ref;
    const std::string_view text = articles[ref.article].text;
    const std::vector<Word>& words = sentence->words;
    std::string key;
    for (std::size_t i = 0; i < words.size();) {
      // Single-word phrases are looked up without a possessive, longer ones as written.
      const std::string_view word = words[i].lower, bare = strip_possessive(word);
      if (!starts_phrase(word) && (bare.size() == word.size() || !starts_phrase(bare))) {
        ++i;
        continue;
      }
      std::size_t matched = 0;
      std::uint32_t actor = 0;
      for (std::size_t n = std::min(longest, words.size() - i); n >= 1 && matched == 0; --n) {
        key.clear();
        for (std::size_t k = i; k < i + n; ++k) {
          if (k > i) key += ' ';
          key +=
              k + 1 == i + n ? strip_possessive(words[k].lower) : std::string_view(words[k].lower);
        }
        const std::uint32_t* id = phrases.find(key);
        if (id == nullptr) continue;
        if (n == 1 && !words[i].capitalised) continue;
        // "Trump" followed by "Jr." is the son, matched by the longer phrase or not at all.
        if (n == 1 && i + n < words.size() && d.classes.suffix(words[i + n].lower) &&
            !phrases.contains(key + ' ' + words[i + n].lower))
          continue;
        matched = n;
        actor = *id;
      }
      if (matched == 0) {
        ++i;
        continue;
      }
      std::size_t title_start = i;
      while (title_start > 0 && d.classes.title(words[title_start - 1].lower) &&
             words[title_start - 1].capitalised && joins_next(words[title_start - 1]))
        --title_start;
      std::string alias;
      for (std::size_t k = title_start; k < i + matched; ++k) {
        if (!alias.empty()) alias += ' ';
        alias += std::string(k + 1 == i + matched ? surface(text, words[k])
                                                  : slice(text, words[k].span));
      }
      aliases[actor][alias] += 1;
      in_articles[actor].insert(ref.article);
      mentions.push_back({actor, ref, {words[i].span.start, words[i + matched - 1].span.end}});
      i += matched;
    }
  }

  // Rank, keep the main ones, renumber.
  std::vector<std::uint32_t> order;
  std::vector<std::uint32_t> counts(actors.size(), 0);
  for (const ActorMention& m : mentions) ++counts[m.actor];
  for (std::uint32_t a = 0; a < actors.size(); ++a) {
    if (counts[a] >= 2) order.push_back(a);
  }
  std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    if (in_articles[x].size() != in_articles[y].size())
      return in_articles[x].size() > in_articles[y].size();
    if (counts[x] != counts[y]) return counts[x] > counts[y];
    return actors[x].name < actors[y].name;
  });
  if (order.size() > max_actors) order.resize(max_actors);
  std::vector<std::int64_t> new_id(actors.size(), -1);
  for (std::uint32_t k = 0; k < order.size(); ++k) {
    const std::uint32_t a = order[k];
    new_id[a] = k;
    Actor actor = actors[a];
    actor.articles = static_cast<std::uint32_t>(in_articles[a].size());
    actor.mentions = counts[a];
    // Aliases: one spelling per lower-case form, the capitalised/most frequent one.
    std::map<std::string, std::map<std::string, std::uint32_t>> forms;
    for (const auto& [alias, n] : aliases[a]) {
      std::string lower;
      for (char c : alias) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      forms[lower][alias] += n;
    }
    for (const auto& [lower, spellings] : forms) actor.aliases.push_back(most_common(spellings));
    std::sort(actor.aliases.begin(), actor.aliases.end());
    if (actor.aliases.size() > 12) actor.aliases.resize(12);
    result.actors.push_back(std::move(actor));
  }
  for (ActorMention m : mentions) {
    if (new_id[m.actor] < 0) continue;
    m.actor = static_cast<std::uint32_t>(new_id[m.actor]);
    result.mentions.push_back(m);
  }
  return result;
}

std::string actor_source_name(const ActorSet& actors, const std::string& source) {
  std::string lower;
  for (char c : source) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  for (const Actor& actor : actors.actors) {
    for (const std::string& alias : actor.aliases) {
      std::string a;
      for (char c : alias) a += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      if (a == lower) return actor.name;
    }
  }
  return source;
}

}  // namespace parallax::stance
