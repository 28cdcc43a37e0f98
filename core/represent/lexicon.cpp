// Lexicon: the background IDF and latent term vectors of resources/news-lexicon.bin.
//
// Format (little-endian), version 1:
//   "PLXLEX\0\1"                       magic (8 bytes)
//   u32 doc_count, u32 dimensions, u32 term_count, u32 vector_count
//   term_count x { u8 length, bytes stem, varint df }
//   vector_count x { f32 weight, f32 scale, dimensions x i8 }
//   u64 FNV-1a of every byte before it
#include <cmath>
#include <cstring>

#include "represent/detail.h"
#include "represent/represent.h"

namespace parallax::represent {
namespace {

using detail::SectionReader;

constexpr char kMagic[8] = {'P', 'L', 'X', 'L', 'E', 'X', '\0', '\1'};

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void put_f32(std::string& out, float f) {
  std::uint32_t v = 0;
  std::memcpy(&v, &f, 4);
  put_u32(out, v);
}
void put_varint(std::string& out, std::uint32_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

Error corrupt(std::string_view what, std::size_t offset) {
  return Error{ErrorCode::kInvalidArgument,
               "The news lexicon is corrupt (" + std::string(what) + " at byte " +
                   std::to_string(offset) +
                   "); rebuild resources/news-lexicon.bin with scripts/train.sh."};
}

}  // namespace

Lexicon Lexicon::from_terms(std::uint32_t doc_count, std::uint32_t dimensions,
                            std::vector<Term> terms) {
  // Stems with vectors first (in the given order), then the others.
  std::vector<Term> ordered;
  ordered.reserve(terms.size());
  for (Term& t : terms) {
    if (!t.vector.empty()) ordered.push_back(std::move(t));
  }
  const std::size_t with_vectors = ordered.size();
  for (Term& t : terms) {
    if (!t.stem.empty() && t.vector.empty()) ordered.push_back(std::move(t));
  }
  Lexicon lexicon;
  lexicon.doc_count_ = doc_count;
  lexicon.dimensions_ = dimensions;
  lexicon.vector_count_ = static_cast<std::uint32_t>(with_vectors);
  for (std::size_t i = 0; i < ordered.size(); ++i) {
    Term& t = ordered[i];
    if (t.stem.size() > 255) t.stem.resize(255);
    lexicon.stems_.push_back(t.stem);
    lexicon.df_.push_back(t.df);
    if (i < with_vectors) {
      float peak = 0;
      for (std::uint32_t d = 0; d < dimensions; ++d) {
        const float v = d < t.vector.size() ? t.vector[d] : 0.0f;
        peak = std::max(peak, std::fabs(v));
      }
      const float scale = peak > 0 ? peak / 127.0f : 1.0f;
      lexicon.weights_.push_back(t.weight);
      lexicon.scales_.push_back(scale);
      for (std::uint32_t d = 0; d < dimensions; ++d) {
        const float v = d < t.vector.size() ? t.vector[d] : 0.0f;
        lexicon.vectors_.push_back(static_cast<std::int8_t>(std::lround(v / scale)));
      }
    }
  }
  lexicon.index();
  const std::string bytes = lexicon.to_bytes();
  lexicon.checksum_ = fnv1a64(std::string_view(bytes).substr(0, bytes.size() - 8));
  return lexicon;
}

std::string Lexicon::to_bytes() const {
  std::string out(kMagic, sizeof kMagic);
  put_u32(out, doc_count_);
  put_u32(out, dimensions_);
  put_u32(out, static_cast<std::uint32_t>(stems_.size()));
  put_u32(out, vector_count_);
  for (std::size_t i = 0; i < stems_.size(); ++i) {
    out.push_back(static_cast<char>(stems_[i].size()));
    out += stems_[i];
    put_varint(out, df_[i]);
  }
  for (std::uint32_t i = 0; i < vector_count_; ++i) {
    put_f32(out, weights_[i]);
    put_f32(out, scales_[i]);
    out.append(reinterpret_cast<const char*>(vector(i)), dimensions_);
  }
  put_u64(out, fnv1a64(out));
  return out;
}

Result<Lexicon> Lexicon::from_bytes(std::string_view bytes) {
  if (bytes.size() < sizeof kMagic + 8 || std::memcmp(bytes.data(), kMagic, 6) != 0) {
    return Error{
        ErrorCode::kInvalidArgument,
        "These bytes are not a Parallax news lexicon (expected resources/news-lexicon.bin)."};
  }
  if (bytes[6] != '\0' || bytes[7] != '\1') {
    return Error{ErrorCode::kInvalidArgument,
                 "The news lexicon has an unsupported version; this build reads version 1."};
  }
  // The reader of the WordNet and part-of-speech resources (detail.h), over all but the
  // checksum; errors name the reader's offset in the file.
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::string_view body = bytes.substr(0, bytes.size() - 8);
  SectionReader r{data, body.size(), sizeof kMagic};
  SectionReader tail{data, bytes.size(), bytes.size() - 8};
  const std::uint64_t stored = tail.u64();
  if (stored != fnv1a64(body)) return corrupt("checksum mismatch", bytes.size() - 8);

  Lexicon lexicon;
  lexicon.doc_count_ = r.u32();
  lexicon.dimensions_ = r.u32();
  const std::uint32_t term_count = r.u32();
  lexicon.vector_count_ = r.u32();
  if (!r.ok) return corrupt("truncated header", r.pos);
  if (lexicon.vector_count_ > term_count || lexicon.dimensions_ > 4096 || term_count > r.size) {
    return corrupt("impossible counts", r.pos);
  }
  lexicon.stems_.reserve(term_count);
  lexicon.df_.reserve(term_count);
  for (std::uint32_t i = 0; i < term_count; ++i) {
    const std::uint8_t length = r.byte();
    if (!r.ok || length > r.remaining()) return corrupt("truncated stem", r.pos);
    lexicon.stems_.emplace_back(r.bytes(length));
    const std::uint32_t df = r.varint();
    if (!r.ok) return corrupt("truncated frequency", r.pos);
    lexicon.df_.push_back(df);
  }
  const std::size_t vector_bytes = std::size_t{lexicon.vector_count_} * (8 + lexicon.dimensions_);
  if (r.remaining() != vector_bytes) return corrupt("wrong vector section size", r.pos);
  lexicon.vectors_.reserve(std::size_t{lexicon.vector_count_} * lexicon.dimensions_);
  for (std::uint32_t i = 0; i < lexicon.vector_count_; ++i) {
    const float weight = r.f32();
    if (!r.ok || !std::isfinite(weight)) return corrupt("bad vector header", r.pos);
    const float scale = r.f32();
    if (!r.ok || !std::isfinite(scale)) return corrupt("bad vector header", r.pos);
    lexicon.weights_.push_back(weight);
    lexicon.scales_.push_back(scale);
    for (const char byte : r.bytes(lexicon.dimensions_)) {
      lexicon.vectors_.push_back(static_cast<std::int8_t>(byte));
    }
  }
  lexicon.index();
  if (lexicon.ids_.size() != lexicon.stems_.size()) return corrupt("duplicate stems", 0);
  lexicon.checksum_ = stored;
  return lexicon;
}

void Lexicon::index() {
  ids_.clear();
  ids_.reserve(stems_.size());
  has_bigrams_ = false;
  for (std::uint32_t i = 0; i < stems_.size(); ++i) {
    ids_.emplace(stems_[i], i);
    if (stems_[i].find(' ') != std::string::npos) has_bigrams_ = true;
  }
  norms_.assign(vector_count_, 0.0f);
  for (std::uint32_t i = 0; i < vector_count_; ++i) {
    double sum = 0;
    const std::int8_t* v = vector(i);
    for (std::uint32_t d = 0; d < dimensions_; ++d) sum += double(v[d]) * double(v[d]);
    norms_[i] = static_cast<float>(std::sqrt(sum) * scales_[i]);
  }
}

std::uint32_t Lexicon::find(std::string_view stem) const {
  auto it = ids_.find(std::string(stem));
  return it == ids_.end() ? kMissing : it->second;
}

double Lexicon::idf(std::uint32_t id) const {
  const double df = id < df_.size() ? df_[id] : 0.0;
  return std::log((1.0 + doc_count_) / (1.0 + df));
}

}  // namespace parallax::represent
