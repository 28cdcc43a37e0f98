// The stance of each article (owner: "tone"): tone, subjectivity, hedging, attribution and
// sentiment towards the actors, from the article's non-boilerplate sentences (at most
// kMaxStanceSentences). A sentence is subjective when it holds a loaded word or at least two
// evaluative cues (rated words with |valence| >= 1.5, degree adverbs, hedges, certainty
// markers). A target's score is the mean of target_sentiment over the sentences that mention
// it (a sentence naming it twice counts once, with the mean of its mentions). Never fails.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <utility>

#include "stance/tone_detail.h"

namespace parallax::stance {

namespace {

constexpr double kNeutral = 0.05;  // VADER's usual neutral band for the compound score
constexpr std::size_t kMaxToneSentences = 20;
constexpr std::size_t kMaxListedSentences = 30;
constexpr std::size_t kMaxLoaded = 20;
constexpr std::size_t kMaxTargetSentences = 30;
constexpr std::size_t kIndexBytes = 2048;  // sets from this size look words up in a Lexicon

bool before(const SentenceRef& x, const SentenceRef& y) {
  if (x.paragraph != y.paragraph) return x.paragraph < y.paragraph;
  return x.sentence < y.sentence;
}

std::string ascii_lower(std::string_view s) {
  std::string lower(s);
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return lower;
}

// actor_source_name, with the aliases lower-cased once per call instead of once per citation.
class SourceNames {
 public:
  explicit SourceNames(const ActorSet& actors) {
    for (const Actor& actor : actors.actors) {
      for (const std::string& alias : actor.aliases)
        aliases_.push_back({ascii_lower(alias), &actor.name});
    }
  }
  std::string operator()(const std::string& source) const {
    const std::string lower = ascii_lower(source);
    for (const auto& [alias, name] : aliases_) {
      if (alias == lower) return *name;
    }
    return source;
  }

 private:
  std::vector<std::pair<std::string, const std::string*>> aliases_;  // in actor order
};

}  // namespace

std::vector<ArticleStance> analyze_articles(const std::vector<StanceInput>& articles,
                                            const ActorSet& actors) {
  return analyze_articles(articles, actors, set_words(articles));
}

std::vector<ArticleStance> analyze_articles(const std::vector<StanceInput>& articles,
                                            const ActorSet& actors, SetWords set) {
  std::vector<ArticleStance> out(articles.size());
  // The lexicons by word, for every sentence of the set. Building the index costs about what
  // ~300 words (~2 KB of text) save by it (1.4 M instructions against ~4,500 per word looked up
  // in the sorted tables); below that the sorted tables are searched directly.
  std::size_t bytes = 0;
  for (const StanceInput& article : articles) bytes += article.text.size();
  std::optional<detail::Lexicon> index;
  if (bytes >= kIndexBytes) index.emplace();
  const detail::Lexicon* lexicon = index ? &*index : nullptr;
  const SourceNames source_name(actors);
  // Mentions per article and sentence, for the targets.
  std::vector<std::vector<const ActorMention*>> by_article(articles.size());
  for (const ActorMention& m : actors.mentions) {
    if (m.ref.article < articles.size()) by_article[m.ref.article].push_back(&m);
  }
  for (std::uint32_t a = 0; a < articles.size(); ++a) {
    ArticleStance& st = out[a];
    st.article = a;
    if (articles[a].paragraphs == nullptr) continue;
    const std::string_view text = articles[a].text;
    const auto& paragraphs = *articles[a].paragraphs;
    double tone_sum = 0;
    std::size_t sentences = 0, subjective = 0;
    std::vector<ScoredRef> toned;
    std::map<std::string, std::uint32_t> loaded;
    std::map<std::string, SourceCount> sources;
    std::size_t next_mention = 0;  // first mention of by_article[a] not yet behind us
    const ActorMention* last_named = nullptr;
    // The target sentiment of each mention, scored while its sentence is read (mentions of
    // sentences the loop does not read are scored after it). `placed`: the mentions in sentence
    // order (they come in text order from find_actors; sorted for any other ActorSet).
    const std::vector<const ActorMention*>& mentions = by_article[a];
    std::vector<std::size_t> placed(mentions.size());
    for (std::size_t k = 0; k < placed.size(); ++k) placed[k] = k;
    std::stable_sort(placed.begin(), placed.end(), [&](std::size_t x, std::size_t y) {
      return before(mentions[x]->ref, mentions[y]->ref);
    });
    std::vector<double> mention_sentiment(mentions.size(), 0.0);
    std::vector<bool> scored(mentions.size(), false);
    std::size_t next_placed = 0;
    // The non-boilerplate sentences (at most kMaxStanceSentences), with their words.
    std::vector<SentenceWordList> unread;
    std::vector<SentenceWordList>& read_list = a < set.articles.size() ? set.articles[a] : unread;
    for (SentenceWordList& sentence : read_list) {
      ++sentences;
      const std::uint32_t p = sentence.ref.paragraph, s = sentence.ref.sentence;
      const Span span = sentence.span;
      const SentenceRef ref{a, p, s};
      // The sentence is read once: words, valences and hedges serve every figure below.
      const detail::SentenceWords read = detail::read_sentence(std::move(sentence.words), lexicon);
      const std::vector<Word>& words = read.words;
      // Tone.
      const double tone = detail::sentence_tone(text, span, read.valences);
      tone_sum += tone;
      if (tone >= kNeutral) ++st.positive;
      if (tone <= -kNeutral) ++st.negative;
      if (std::fabs(tone) >= kNeutral) toned.push_back({ref, tone});
      // Hedging.
      const HedgeCount hedges = read.hedges;
      st.hedges += hedges.hedges;
      st.boosters += hedges.boosters;
      if ((hedges.hedges > 0 || hedges.boosters > 0) &&
          st.hedging_sentences.size() < kMaxListedSentences)
        st.hedging_sentences.push_back(ref);
      // Subjectivity.
      const std::vector<double>& valences = read.valences;
      std::size_t cues = hedges.hedges + hedges.boosters, loaded_here = 0;
      for (std::size_t i = 0; i < words.size(); ++i) {
        if (valences[i] == 0) continue;
        if (std::fabs(read.lexicon[i]) >= 1.5) ++cues;
        if (read.entries[i].loaded) {
          ++loaded_here;
          loaded[words[i].lower] += 1;
        }
        // A modified word: a degree adverb, negation, capitals or "but" changed its valence.
        if (std::fabs(std::fabs(valences[i]) - std::fabs(read.lexicon[i])) >= 0.2) ++cues;
      }
      if (loaded_here > 0 || cues >= 2) {
        ++subjective;
        if (st.subjective_sentences.size() < kMaxListedSentences)
          st.subjective_sentences.push_back(ref);
      }
      // Attribution; "he said" goes to the person named last before it, in this sentence or
      // in this or the previous paragraph.
      for (const Citation& c : detail::find_citations(text, words, read.entries, read.titled)) {
        std::string name;
        if (c.pronoun) {
          const ActorMention* named = nullptr;
          for (std::size_t k = next_mention; k < by_article[a].size(); ++k) {
            const ActorMention* m = by_article[a][k];
            if (m->ref.paragraph != p || m->ref.sentence != s || m->span.start >= c.span.start)
              break;
            named = m;
          }
          if (named == nullptr) named = last_named;
          if (named == nullptr || named->ref.paragraph + 1 < p ||
              named->actor >= actors.actors.size())
            continue;
          name = actors.actors[named->actor].name;
        } else {
          name = source_name(c.source);
        }
        SourceCount& sc = sources[name];
        sc.source = name;
        ++sc.count;
        if (sc.sentences.empty() || sc.sentences.back().paragraph != p ||
            sc.sentences.back().sentence != s)
          sc.sentences.push_back(ref);
      }
      // Target sentiment of the mentions in this sentence.
      while (next_placed < placed.size() && before(mentions[placed[next_placed]]->ref, ref))
        ++next_placed;
      for (; next_placed < placed.size() && !before(ref, mentions[placed[next_placed]]->ref);
           ++next_placed) {
        const std::size_t k = placed[next_placed];
        mention_sentiment[k] = detail::target_sentiment(text, span, mentions[k]->span, read);
        scored[k] = true;
      }
      // Mentions of this sentence are now behind us.
      while (next_mention < by_article[a].size() &&
             (by_article[a][next_mention]->ref.paragraph < p ||
              (by_article[a][next_mention]->ref.paragraph == p &&
               by_article[a][next_mention]->ref.sentence <= s))) {
        last_named = by_article[a][next_mention++];
      }
    }
    const std::size_t counted = std::min(sentences, kMaxStanceSentences);
    st.tone = counted == 0 ? 0 : tone_sum / static_cast<double>(counted);
    st.subjectivity = counted == 0 ? 0 : static_cast<double>(subjective) / counted;
    const std::uint32_t cues = st.hedges + st.boosters;
    st.hedging = cues == 0 ? 0
                           : (static_cast<double>(st.hedges) - static_cast<double>(st.boosters)) /
                                 static_cast<double>(cues);
    std::stable_sort(toned.begin(), toned.end(), [](const ScoredRef& x, const ScoredRef& y) {
      if (std::fabs(x.score) != std::fabs(y.score)) return std::fabs(x.score) > std::fabs(y.score);
      return before(x.ref, y.ref);
    });
    if (toned.size() > kMaxToneSentences) toned.resize(kMaxToneSentences);
    st.tone_sentences = std::move(toned);
    for (const auto& [word, count] : loaded) st.loaded.push_back({word, count});
    std::stable_sort(st.loaded.begin(), st.loaded.end(),
                     [](const WordCount& x, const WordCount& y) { return x.count > y.count; });
    if (st.loaded.size() > kMaxLoaded) st.loaded.resize(kMaxLoaded);
    for (auto& [name, sc] : sources) st.attribution.push_back(std::move(sc));
    std::stable_sort(st.attribution.begin(), st.attribution.end(),
                     [](const SourceCount& x, const SourceCount& y) { return x.count > y.count; });

    // Targets: per actor and sentence, the mean sentiment of its mentions there.
    std::map<std::pair<std::uint32_t, std::pair<std::uint32_t, std::uint32_t>>,
             std::pair<double, std::uint32_t>>
        per_sentence;
    // Mentions come in text order: the sentence read for one serves the next ones in it.
    detail::SentenceWords read;              // for the mentions not scored above
    const ActorMention* read_for = nullptr;  // a mention in the sentence `read` holds
    for (std::size_t k = 0; k < mentions.size(); ++k) {
      const ActorMention* m = mentions[k];
      if (m->ref.paragraph >= paragraphs.size() ||
          m->ref.sentence >= paragraphs[m->ref.paragraph].sentences.size())
        continue;
      auto& acc = per_sentence[{m->actor, {m->ref.paragraph, m->ref.sentence}}];
      if (scored[k]) {
        acc.first += mention_sentiment[k];
      } else {
        const Span span = paragraphs[m->ref.paragraph].sentences[m->ref.sentence].span;
        if (read_for == nullptr || read_for->ref.paragraph != m->ref.paragraph ||
            read_for->ref.sentence != m->ref.sentence) {
          read = detail::read_sentence(text, span, lexicon);
          read_for = m;
        }
        acc.first += detail::target_sentiment(text, span, m->span, read);
      }
      acc.second += 1;
    }
    std::map<std::uint32_t, TargetStance> targets;
    for (const auto& [key, acc] : per_sentence) {
      TargetStance& t = targets[key.first];
      t.actor = key.first;
      t.name = key.first < actors.actors.size() ? actors.actors[key.first].name : "";
      t.mentions += acc.second;
      t.sentences.push_back(
          {SentenceRef{a, key.second.first, key.second.second}, acc.first / acc.second});
    }
    for (auto& [id, t] : targets) {
      double sum = 0;
      for (const ScoredRef& r : t.sentences) sum += r.score;
      t.score = t.sentences.empty() ? 0 : sum / static_cast<double>(t.sentences.size());
      if (t.sentences.size() > kMaxTargetSentences) {
        std::stable_sort(t.sentences.begin(), t.sentences.end(),
                         [](const ScoredRef& x, const ScoredRef& y) {
                           return std::fabs(x.score) > std::fabs(y.score);
                         });
        t.sentences.resize(kMaxTargetSentences);
        std::sort(t.sentences.begin(), t.sentences.end(),
                  [](const ScoredRef& x, const ScoredRef& y) { return before(x.ref, y.ref); });
      }
      st.targets.push_back(std::move(t));
    }
  }
  return out;
}

}  // namespace parallax::stance
