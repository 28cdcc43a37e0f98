#include "report/report.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

namespace parallax::report {

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

std::string_view paragraph_kind(const segment::Paragraph& paragraph) {
  return paragraph.boilerplate ? std::string_view("boilerplate")
                               : segment::kind_name(paragraph.kind);
}

Json article_json(const Article& article, std::size_t index,
                  const std::vector<std::vector<std::vector<std::uint32_t>>>& claims_of) {
  const std::string& text = article.raw.text;
  Json paragraphs = Json::array();
  for (std::size_t p = 0; p < article.paragraphs.size(); ++p) {
    const segment::Paragraph& paragraph = article.paragraphs[p];
    Json sentences = Json::array();
    for (std::size_t s = 0; s < paragraph.sentences.size(); ++s) {
      const Span span = paragraph.sentences[s].span;
      Json claims = Json::array();
      if (p < claims_of.size() && s < claims_of[p].size()) {
        for (std::uint32_t c : claims_of[p][s]) claims.push_back(c);
      }
      sentences.push_back(Json{{"text", std::string(slice(text, span))},
                               {"start", span.start},
                               {"end", span.end},
                               {"claims", std::move(claims)}});
    }
    Json entry{{"text", std::string(slice(text, paragraph.span))},
               {"start", paragraph.span.start},
               {"end", paragraph.span.end},
               {"kind", paragraph_kind(paragraph)}};
    if (paragraph.boilerplate) {
      entry["structure"] = segment::kind_name(paragraph.kind);
      entry["reason"] = paragraph.boilerplate_reason;
    }
    entry["sentences"] = std::move(sentences);
    paragraphs.push_back(std::move(entry));
  }
  Json warnings = Json::array();
  for (const std::string& w : article.raw.warnings) warnings.push_back(w);
  return Json{
      {"id", "a" + std::to_string(index)},
      {"name", article.raw.name},
      {"title", article.raw.title},
      {"source", article.raw.source},
      {"url", article.raw.url},
      {"published", article.raw.published},
      {"format", ingest::format_name(article.raw.format)},
      {"encoding", article.raw.encoding},
      {"bytes", text.size()},
      {"warnings", std::move(warnings)},
      {"words", article.words},
      {"reused_share", article.words == 0
                           ? 0.0
                           : rounded(static_cast<double>(article.reused_words) / article.words)},
      {"paragraphs", std::move(paragraphs)}};
}

Json paragraph_ref(const align::ParagraphRef& ref) {
  return Json{{"article", ref.article}, {"paragraph", ref.paragraph}};
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

}  // namespace

std::string claim_label(std::string_view sentence, std::size_t max_bytes) {
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
  const align::AlignResult& alignment = analysis.alignment;
  // claims_of[article][paragraph][sentence] -> claim indexes, for the sentence entries.
  std::vector<std::vector<std::vector<std::vector<std::uint32_t>>>> claims_of(
      analysis.articles.size());
  for (std::size_t a = 0; a < analysis.articles.size(); ++a) {
    const auto& paragraphs = analysis.articles[a].paragraphs;
    claims_of[a].resize(paragraphs.size());
    for (std::size_t p = 0; p < paragraphs.size(); ++p)
      claims_of[a][p].resize(paragraphs[p].sentences.size());
  }
  Json claims = Json::array();
  for (std::size_t c = 0; c < alignment.claims.size(); ++c) {
    const align::Claim& claim = alignment.claims[c];
    Json members = Json::array();
    for (const align::ClaimMember& m : claim.members) {
      members.push_back(Json{{"article", m.ref.article},
                             {"paragraph", m.ref.paragraph},
                             {"sentence", m.ref.sentence},
                             {"score", rounded(m.score)}});
      if (find_sentence(analysis, m.ref) != nullptr) {
        claims_of[m.ref.article][m.ref.paragraph][m.ref.sentence].push_back(
            static_cast<std::uint32_t>(c));
      }
    }
    claims.push_back(
        Json{{"id", "c" + std::to_string(c)},
             {"label", claim_label(unit_text(analysis, claim.members[claim.label_member].ref))},
             {"support", claim.support},
             {"independent", claim.independent},
             {"members", std::move(members)}});
  }
  Json articles = Json::array();
  for (std::size_t a = 0; a < analysis.articles.size(); ++a) {
    articles.push_back(article_json(analysis.articles[a], a, claims_of[a]));
  }
  Json rows = Json::array();
  for (const align::Row& row : alignment.rows) {
    Json members = Json::array();
    for (const align::ParagraphRef& m : row.members) members.push_back(paragraph_ref(m));
    rows.push_back(Json{{"members", std::move(members)}, {"score", rounded(row.score)}});
  }
  Json links = Json::array();
  for (const align::ParagraphLink& link : alignment.links) {
    links.push_back(Json{{"a", paragraph_ref(link.a)},
                         {"b", paragraph_ref(link.b)},
                         {"score", rounded(link.score)}});
  }
  Json reuse = Json::array();
  auto reuse_side = [&](std::uint32_t article, Span span, std::uint32_t words) {
    const std::uint32_t total =
        article < analysis.articles.size() ? analysis.articles[article].words : 0;
    return Json{
        {"article", article},
        {"start", span.start},
        {"end", span.end},
        {"share", total == 0 ? 0.0 : rounded(std::min(1.0, static_cast<double>(words) / total))}};
  };
  for (const align::ReusedPassage& passage : analysis.reuse) {
    reuse.push_back(Json{{"a", reuse_side(passage.article_a, passage.span_a, passage.words)},
                         {"b", reuse_side(passage.article_b, passage.span_b, passage.words)},
                         {"words", passage.words}});
  }
  Json notices = Json::array();
  for (const Notice& n : analysis.notices) {
    notices.push_back(
        Json{{"file", n.file}, {"code", n.code}, {"severity", n.severity}, {"message", n.message}});
  }
  Json document{{"schema", kSchema},
                {"version", kVersion},
                {"matcher", analysis.matcher},
                {"articles", std::move(articles)},
                {"claims", std::move(claims)},
                {"rows", std::move(rows)},
                {"links", std::move(links)},
                {"reuse", std::move(reuse)},
                {"contradictions", Json::array()},
                {"stance", Json::array()},
                {"notices", std::move(notices)},
                {"limits", Json{{"truncated", alignment.truncated}}}};
  return dump(document);
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
