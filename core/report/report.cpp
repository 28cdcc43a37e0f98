#include "report/report.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "report/detail.h"
#include "segment/segment.h"

namespace parallax::report {

namespace detail {

std::string_view paragraph_kind(const segment::Paragraph& paragraph) {
  return paragraph.boilerplate ? std::string_view("boilerplate")
                               : segment::kind_name(paragraph.kind);
}

const segment::Sentence* find_sentence(const Analysis& analysis, const align::UnitRef& ref) {
  if (ref.article >= analysis.articles.size()) return nullptr;
  const auto& paragraphs = analysis.articles[ref.article].paragraphs;
  if (ref.paragraph >= paragraphs.size()) return nullptr;
  const auto& sentences = paragraphs[ref.paragraph].sentences;
  return ref.sentence < sentences.size() ? &sentences[ref.sentence] : nullptr;
}

std::string unit_text(const Analysis& analysis, const align::UnitRef& ref) {
  const segment::Sentence* sentence = find_sentence(analysis, ref);
  if (sentence == nullptr) return {};
  return std::string(slice(analysis.articles[ref.article].raw.text, sentence->span));
}

}  // namespace detail

namespace {

using Json = nlohmann::ordered_json;

// Four decimals are plenty for a similarity and make the bytes identical on every platform.
double rounded(double value) {
  return std::round(value * 10000.0) / 10000.0;
}

std::string dump(const Json& json) {
  // `replace` never throws on invalid UTF-8 (the core never throws; ingest already repaired it).
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// --- the direct writer: each function appends one part of the document, in contract order ---
using detail::find_sentence;
using detail::JsonWriter;
using detail::paragraph_kind;
using detail::unit_text;

// claim indexes of every sentence, for the sentence entries: a flat table (CSR) indexed by a
// running sentence number, filled in claim order as the old per-sentence vectors were.
struct SentenceClaims {
  std::vector<std::size_t> paragraph_first;  ///< per article: index of its first paragraph
  std::vector<std::size_t> sentence_first;   ///< per paragraph (all articles): first sentence
  std::vector<std::size_t> claim_first;      ///< per sentence + 1: first entry in `claims`
  std::vector<std::uint32_t> claims;

  explicit SentenceClaims(const Analysis& analysis) {
    std::size_t sentences = 0;
    for (const Article& article : analysis.articles) {
      paragraph_first.push_back(sentence_first.size());
      for (const segment::Paragraph& paragraph : article.paragraphs) {
        sentence_first.push_back(sentences);
        sentences += paragraph.sentences.size();
      }
    }
    claim_first.assign(sentences + 1, 0);
    const auto& list = analysis.alignment.claims;
    for (const align::Claim& claim : list) {
      for (const align::ClaimMember& m : claim.members) {
        if (find_sentence(analysis, m.ref) != nullptr) ++claim_first[index(m.ref) + 1];
      }
    }
    for (std::size_t i = 1; i < claim_first.size(); ++i) claim_first[i] += claim_first[i - 1];
    claims.resize(claim_first.back());
    std::vector<std::size_t> next(claim_first.begin(), claim_first.end() - 1);
    for (std::size_t c = 0; c < list.size(); ++c) {
      for (const align::ClaimMember& m : list[c].members) {
        if (find_sentence(analysis, m.ref) != nullptr)
          claims[next[index(m.ref)]++] = static_cast<std::uint32_t>(c);
      }
    }
  }
  std::size_t index(const align::UnitRef& ref) const {
    return sentence_first[paragraph_first[ref.article] + ref.paragraph] + ref.sentence;
  }
};

// Out of line on purpose: called once per article, it can run V8's optimised WebAssembly code
// from the next article on; inlined into to_json (called once) it never would.
[[gnu::noinline]] void write_article(JsonWriter& out, const Article& article, std::size_t index,
                                     const SentenceClaims& claims_of) {
  const std::string& text = article.raw.text;
  out.begin_object()
      .member("id", "a" + std::to_string(index))
      .member("name", article.raw.name)
      .member("title", article.raw.title)
      .member("source", article.raw.source)
      .member("url", article.raw.url)
      .member("published", article.raw.published)
      .member("format", ingest::format_name(article.raw.format))
      .member("encoding", article.raw.encoding)
      .member("bytes", text.size());
  out.key("warnings").begin_array();
  for (const std::string& w : article.raw.warnings) out.string(w);
  out.end_array();
  out.member("words", article.words)
      .member("reused_share",
              article.words == 0
                  ? 0.0
                  : rounded(static_cast<double>(article.reused_words) / article.words));
  out.key("paragraphs").begin_array();
  for (std::size_t p = 0; p < article.paragraphs.size(); ++p) {
    const segment::Paragraph& paragraph = article.paragraphs[p];
    out.begin_object()
        .member("text", slice(text, paragraph.span))
        .member("start", paragraph.span.start)
        .member("end", paragraph.span.end)
        .member("kind", paragraph_kind(paragraph));
    if (paragraph.boilerplate) {
      out.member("structure", segment::kind_name(paragraph.kind))
          .member("reason", paragraph.boilerplate_reason);
    }
    out.key("sentences").begin_array();
    const std::size_t first = claims_of.sentence_first[claims_of.paragraph_first[index] + p];
    for (std::size_t s = 0; s < paragraph.sentences.size(); ++s) {
      const Span span = paragraph.sentences[s].span;
      out.begin_object()
          .member("text", slice(text, span))
          .member("start", span.start)
          .member("end", span.end);
      out.key("claims").begin_array();
      for (std::size_t i = claims_of.claim_first[first + s];
           i < claims_of.claim_first[first + s + 1]; ++i) {
        out.integer(claims_of.claims[i]);
      }
      out.end_array().end_object();
    }
    out.end_array().end_object();
  }
  out.end_array().end_object();
}

void write_paragraph_ref(JsonWriter& out, const align::ParagraphRef& ref) {
  out.begin_object().member("article", ref.article).member("paragraph", ref.paragraph).end_object();
}

void write_claims(JsonWriter& out, const Analysis& analysis) {
  const auto& list = analysis.alignment.claims;
  out.begin_array();
  for (std::size_t c = 0; c < list.size(); ++c) {
    const align::Claim& claim = list[c];
    const std::string label =
        claim.label_member < claim.members.size()
            ? claim_label(unit_text(analysis, claim.members[claim.label_member].ref))
            : claim_label("");
    out.begin_object()
        .member("id", "c" + std::to_string(c))
        .member("label", label)
        .member("support", claim.support)
        .member("independent", claim.independent);
    out.key("members").begin_array();
    for (const align::ClaimMember& m : claim.members) {
      out.begin_object()
          .member("article", m.ref.article)
          .member("paragraph", m.ref.paragraph)
          .member("sentence", m.ref.sentence)
          .member("score", rounded(m.score))
          .end_object();
    }
    out.end_array().end_object();
  }
  out.end_array();
}

void write_rows_and_links(JsonWriter& out, const align::AlignResult& alignment) {
  out.key("rows").begin_array();
  for (const align::Row& row : alignment.rows) {
    out.begin_object().key("members").begin_array();
    for (const align::ParagraphRef& m : row.members) write_paragraph_ref(out, m);
    out.end_array().member("score", rounded(row.score)).end_object();
  }
  out.end_array();
  out.key("links").begin_array();
  for (const align::ParagraphLink& link : alignment.links) {
    out.begin_object().key("a");
    write_paragraph_ref(out, link.a);
    out.key("b");
    write_paragraph_ref(out, link.b);
    out.member("score", rounded(link.score)).end_object();
  }
  out.end_array();
}

void write_reuse(JsonWriter& out, const Analysis& analysis) {
  auto side = [&](std::uint32_t article, Span span, std::uint32_t words) {
    const std::uint32_t total =
        article < analysis.articles.size() ? analysis.articles[article].words : 0;
    out.begin_object()
        .member("article", article)
        .member("start", span.start)
        .member("end", span.end)
        .member("share",
                total == 0 ? 0.0 : rounded(std::min(1.0, static_cast<double>(words) / total)))
        .end_object();
  };
  out.begin_array();
  for (const align::ReusedPassage& passage : analysis.reuse) {
    out.begin_object().key("a");
    side(passage.article_a, passage.span_a, passage.words);
    out.key("b");
    side(passage.article_b, passage.span_b, passage.words);
    out.member("words", passage.words).end_object();
  }
  out.end_array();
}

// --- diverge (issue 4): facts, contradictions, omissions ---
void write_divergence_side(JsonWriter& out, const diverge::SideRef& side) {
  out.begin_object()
      .member("article", side.ref.article)
      .member("paragraph", side.ref.paragraph)
      .member("sentence", side.ref.sentence)
      .member("text", side.text)
      .member("value", side.value)
      .member("start", side.span.start)
      .member("end", side.span.end)
      .end_object();
}

void write_facts(JsonWriter& out, const Analysis& analysis) {
  out.begin_array();
  for (const diverge::Fact& f : analysis.divergence.facts) {
    if (f.ref.article >= analysis.articles.size()) continue;
    const std::string& text = analysis.articles[f.ref.article].raw.text;
    if (f.span.end > text.size()) continue;
    out.begin_object()
        .member("article", f.ref.article)
        .member("paragraph", f.ref.paragraph)
        .member("sentence", f.ref.sentence)
        .member("kind", diverge::fact_kind_name(f.kind))
        .member("text", slice(text, f.span))
        .member("value", f.value)
        .member("start", f.span.start)
        .member("end", f.span.end)
        .end_object();
  }
  out.end_array();
}

void write_contradictions(JsonWriter& out, const Analysis& analysis) {
  const auto& list = analysis.divergence.contradictions;
  out.begin_array();
  for (std::size_t i = 0; i < list.size(); ++i) {
    const diverge::Contradiction& c = list[i];
    out.begin_object()
        .member("id", "x" + std::to_string(i))
        .member("kind", c.kind)
        .member("scope", c.within ? "within" : "across")
        .member("confidence", rounded(c.confidence))
        .member("shown", c.shown())
        .member("claim", c.claim)
        .member("subject", c.subject);
    out.key("a");
    write_divergence_side(out, c.a);
    out.key("b");
    write_divergence_side(out, c.b);
    out.member("note", c.note).end_object();
  }
  out.end_array();
}

void write_omissions(JsonWriter& out, const Analysis& analysis) {
  out.begin_array();
  for (const diverge::Omission& o : analysis.divergence.omissions) {
    out.begin_object().member("article", o.article).key("missing").begin_array();
    for (const auto& m : o.missing)
      out.begin_object().member("claim", m.claim).member("support", m.support).end_object();
    out.end_array().end_object();
  }
  out.end_array();
}
// --- end diverge ---

// --- Article stance (owner: "tone"): "actors" and "stance" -------------------------------
void write_stance_ref(JsonWriter& out, const stance::SentenceRef& ref) {
  out.member("article", ref.article)
      .member("paragraph", ref.paragraph)
      .member("sentence", ref.sentence);
}

void write_scored_refs(JsonWriter& out, const std::vector<stance::ScoredRef>& refs) {
  out.begin_array();
  for (const stance::ScoredRef& r : refs) {
    out.begin_object();
    write_stance_ref(out, r.ref);
    out.member("score", rounded(r.score)).end_object();
  }
  out.end_array();
}

void write_plain_refs(JsonWriter& out, const std::vector<stance::SentenceRef>& refs) {
  out.begin_array();
  for (const stance::SentenceRef& r : refs) {
    out.begin_object();
    write_stance_ref(out, r);
    out.end_object();
  }
  out.end_array();
}

void write_actors(JsonWriter& out, const Analysis& analysis) {
  out.begin_array();
  for (std::size_t i = 0; i < analysis.actors.actors.size(); ++i) {
    const stance::Actor& actor = analysis.actors.actors[i];
    out.begin_object()
        .member("id", "p" + std::to_string(i))
        .member("name", actor.name)
        .key("aliases")
        .begin_array();
    for (const std::string& alias : actor.aliases) out.string(alias);
    out.end_array()
        .member("articles", actor.articles)
        .member("mentions", actor.mentions)
        .end_object();
  }
  out.end_array();
}

void write_stance(JsonWriter& out, const Analysis& analysis) {
  out.begin_array();
  for (const stance::ArticleStance& st : analysis.article_stance) {
    out.begin_object().member("article", st.article);
    out.key("tone")
        .begin_object()
        .member("score", rounded(st.tone))
        .member("positive", st.positive)
        .member("negative", st.negative)
        .key("sentences");
    write_scored_refs(out, st.tone_sentences);
    out.end_object();
    out.key("subjectivity")
        .begin_object()
        .member("score", rounded(st.subjectivity))
        .key("loaded")
        .begin_array();
    for (const stance::WordCount& w : st.loaded)
      out.begin_object().member("word", w.word).member("count", w.count).end_object();
    out.end_array().key("sentences");
    write_plain_refs(out, st.subjective_sentences);
    out.end_object();
    out.key("hedging")
        .begin_object()
        .member("score", rounded(st.hedging))
        .member("hedges", st.hedges)
        .member("boosters", st.boosters)
        .key("sentences");
    write_plain_refs(out, st.hedging_sentences);
    out.end_object();
    out.key("attribution").begin_array();
    for (const stance::SourceCount& s : st.attribution) {
      out.begin_object().member("source", s.source).member("count", s.count).key("sentences");
      write_plain_refs(out, s.sentences);
      out.end_object();
    }
    out.end_array();
    out.key("targets").begin_array();
    for (const stance::TargetStance& t : st.targets) {
      out.begin_object()
          .member("actor", t.actor)
          .member("name", t.name)
          .member("score", rounded(t.score))
          .member("mentions", t.mentions)
          .key("sentences");
      write_scored_refs(out, t.sentences);
      out.end_object();
    }
    out.end_array().end_object();
  }
  out.end_array();
}
// --- end article stance ---

}  // namespace

// The texts (each paragraph's and each sentence's, with room for escapes) plus a bound per
// entry; numbers are at most 20 digits but mostly a few.
std::size_t detail::estimated_json_bytes(const Analysis& analysis) {
  std::size_t bytes = 1024;
  auto text = [](std::size_t n) { return n + n / 16 + 8; };
  auto span_text = [&](Span span) { return text(span.empty() ? 0 : span.size()); };
  for (const Article& article : analysis.articles) {
    const ingest::RawArticle& raw = article.raw;
    bytes += 240 + text(raw.name.size()) + text(raw.title.size()) + text(raw.source.size()) +
             text(raw.url.size()) + text(raw.published.size()) + raw.encoding.size();
    for (const std::string& w : raw.warnings) bytes += text(w.size());
    for (const segment::Paragraph& paragraph : article.paragraphs) {
      bytes += 120 + span_text(paragraph.span) + paragraph.boilerplate_reason.size();
      for (const segment::Sentence& sentence : paragraph.sentences)
        bytes += 60 + span_text(sentence.span);
    }
  }
  for (const align::Claim& claim : analysis.alignment.claims)
    bytes += 190 + claim.members.size() * 72;  // label: at most 100 bytes + an ellipsis
  for (const align::Row& row : analysis.alignment.rows) bytes += 24 + row.members.size() * 32;
  bytes += analysis.alignment.links.size() * 100 + analysis.reuse.size() * 160;
  for (const diverge::Fact& f : analysis.divergence.facts)
    bytes += 120 + span_text(f.span) + text(f.value.size());
  for (const diverge::Contradiction& c : analysis.divergence.contradictions) {
    bytes += 420 + text(c.kind.size()) + text(c.subject.size()) + text(c.note.size()) +
             text(c.a.text.size()) + text(c.a.value.size()) + text(c.b.text.size()) +
             text(c.b.value.size());
  }
  for (const diverge::Omission& o : analysis.divergence.omissions)
    bytes += 32 + o.missing.size() * 36;
  for (const stance::Actor& actor : analysis.actors.actors) {
    bytes += 80 + text(actor.name.size());
    for (const std::string& alias : actor.aliases) bytes += text(alias.size());
  }
  for (const stance::ArticleStance& st : analysis.article_stance) {
    bytes += 260 + 64 * (st.tone_sentences.size() + st.subjective_sentences.size() +
                         st.hedging_sentences.size());
    for (const stance::WordCount& w : st.loaded) bytes += 32 + text(w.word.size());
    for (const stance::SourceCount& s : st.attribution)
      bytes += 60 + text(s.source.size()) + 56 * s.sentences.size();
    for (const stance::TargetStance& t : st.targets)
      bytes += 100 + text(t.name.size()) + 64 * t.sentences.size();
  }
  for (const Notice& n : analysis.notices) {
    bytes += 60 + text(n.file.size()) + text(n.code.size()) + text(n.severity.size()) +
             text(n.message.size());
  }
  return bytes;
}

std::string claim_label(std::string_view sentence, std::size_t max_bytes) {
  // Without a leading "## ", "- " or "2. ": markup of the source, not words of the claim.
  if (const std::size_t markup = segment::markup_prefix_length(sentence); markup < sentence.size())
    sentence.remove_prefix(markup);
  if (sentence.size() <= max_bytes) return std::string(sentence);
  std::size_t cut = max_bytes;
  while (cut > 0 && sentence[cut] != ' ') --cut;  // a space is never inside a UTF-8 sequence
  if (cut < max_bytes / 2) {
    cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(sentence[cut]) & 0xC0) == 0x80) --cut;
  }
  std::string label(sentence.substr(0, cut));
  while (!label.empty() && (label.back() == ' ' || label.back() == ',' || label.back() == ';')) {
    label.pop_back();
  }
  return label + "\u2026";
}

std::string to_json(const Analysis& analysis) {
  JsonWriter out(detail::estimated_json_bytes(analysis));
  out.begin_object()
      .member("schema", kSchema)
      .member("version", kVersion)
      .member("matcher", analysis.matcher);
  {
    const SentenceClaims claims_of(analysis);
    out.key("articles").begin_array();
    for (std::size_t a = 0; a < analysis.articles.size(); ++a)
      write_article(out, analysis.articles[a], a, claims_of);
    out.end_array();
  }
  out.key("claims");
  write_claims(out, analysis);
  write_rows_and_links(out, analysis.alignment);
  out.key("reuse");
  write_reuse(out, analysis);
  out.key("facts");  // diverge
  write_facts(out, analysis);
  out.key("contradictions");  // diverge
  write_contradictions(out, analysis);
  out.key("omissions");  // diverge
  write_omissions(out, analysis);
  out.key("actors");  // article stance (owner: "tone")
  write_actors(out, analysis);
  out.key("stance");
  write_stance(out, analysis);
  out.key("notices").begin_array();
  for (const Notice& n : analysis.notices) {
    out.begin_object()
        .member("file", n.file)
        .member("code", n.code)
        .member("severity", n.severity)
        .member("message", n.message)
        .end_object();
  }
  out.end_array();
  out.key("limits").begin_object().member("truncated", analysis.alignment.truncated).end_object();
  out.end_object();
  return out.take();
}

std::string to_summary(const Analysis& analysis) {
  std::string out;
  const auto& alignment = analysis.alignment;
  std::size_t shared_claims = 0;
  for (const auto& claim : alignment.claims) shared_claims += claim.support >= 2 ? 1 : 0;
  out += "Parallax " + std::string(kVersion) + ": " + std::to_string(analysis.articles.size()) +
         " articles, " + std::to_string(shared_claims) + " shared claims, " +
         std::to_string(alignment.rows.size()) + " rows\n";
  for (std::size_t a = 0; a < analysis.articles.size(); ++a) {
    const Article& article = analysis.articles[a];
    std::size_t sentences = 0, boilerplate = 0, shared = 0;
    for (const auto& p : article.paragraphs) {
      sentences += p.sentences.size();
      boilerplate += p.boilerplate ? 1 : 0;
    }
    for (const auto& claim : alignment.claims) {
      if (claim.support < 2) continue;
      for (const auto& m : claim.members) shared += m.ref.article == a ? 1 : 0;
    }
    out += "\n[" + std::to_string(a) + "] " + article.raw.source + " - " + article.raw.title + "\n";
    out += "    " + std::to_string(article.paragraphs.size()) + " paragraphs (" +
           std::to_string(boilerplate) + " boilerplate), " + std::to_string(sentences) +
           " sentences, " + std::to_string(shared) + " in shared claims\n";
  }
  if (shared_claims > 0) out += "\nMost shared claims:\n";
  for (std::size_t c = 0; c < shared_claims && c < 10; ++c) {
    const auto& claim = alignment.claims[c];
    out += "  " + std::to_string(claim.support) + "/" + std::to_string(analysis.articles.size()) +
           "  " + claim_label(unit_text(analysis, claim.members[claim.label_member].ref), 90) +
           "\n";
  }
  // --- diverge: one line per contradiction shown by default, and how many are hidden ---
  {
    std::size_t hidden = 0;
    std::string lines;
    for (const diverge::Contradiction& c : analysis.divergence.contradictions) {
      if (!c.shown()) {
        ++hidden;
        continue;
      }
      const long percent = std::lround(c.confidence * 100);
      lines += "  [" + std::to_string(percent) + "%] " + c.note + "\n";
    }
    if (!lines.empty() || hidden > 0) {
      out += "\nContradictions:\n" + lines;
      if (hidden > 0)
        out += "  (" + std::to_string(hidden) +
               (hidden == 1 ? " less certain one" : " less certain ones") + " hidden)\n";
    }
  }
  // --- end diverge ---
  if (!analysis.notices.empty()) out += "\nNotices:\n";
  for (const Notice& n : analysis.notices) out += "  " + n.severity + ": " + n.message + "\n";
  return out;
}

std::string match_line(const std::string& id_json, bool same, double score) {
  return "{\"id\":" + id_json + ",\"same\":" + (same ? "true" : "false") +
         ",\"score\":" + dump(Json(rounded(score))) + "}";
}

std::string stance_line(const std::string& id_json, const stance::ClaimStance& stance,
                        std::string_view body) {
  Json scores{{"agree", rounded(stance.scores[0])},
              {"disagree", rounded(stance.scores[1])},
              {"discuss", rounded(stance.scores[2])},
              {"unrelated", rounded(stance.scores[3])}};
  std::string out =
      "{\"id\":" + id_json + ",\"label\":\"" + std::string(stance::label_name(stance.label)) +
      "\",\"related\":" + dump(Json(rounded(stance.related))) + ",\"scores\":" + dump(scores);
  const Span e = stance.evidence;
  if (stance.label != stance::Label::kUnrelated && !e.empty() && e.end <= body.size()) {
    out += ",\"evidence\":" +
           dump(Json{{"text", std::string(slice(body, e))}, {"start", e.start}, {"end", e.end}});
  }
  return out + "}";
}

std::string error_line(const std::string& id_json, const Error& error) {
  return dump(
      Json{{"id", Json::parse(id_json, nullptr, false, true)},
           {"error", Json{{"code", error_code_name(error.code)}, {"message", error.message}}}});
}

}  // namespace parallax::report
