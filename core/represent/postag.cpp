// PartOfSpeech: likely parts of speech per word, from the fifth section of
// resources/wordnet-en.bin (npm en-lexicon, converted by scripts/build-resources.mjs).
//
// Section layout (LEB128 varints, little-endian u16):
//   varint C in 1..256, then C u16 tag codes: first class (bits 0-2, 0..6) | class mask
//     (bits 3-9, must include the first class) << 3 | name bit << 10; higher bits 0
//   varint W, then W words strictly ascending bytewise, each front-coded as varint bytes
//     shared with the previous word, varint suffix length >= 1, suffix; 1..64 bytes
//   W bytes: each word's code index (< C); nothing after them
// A corrupt section is an error value naming its offset; the lookup table is built once.
#include <cstring>

#include "represent/detail.h"
#include "represent/represent.h"

namespace parallax::represent {
namespace {

constexpr std::uint32_t kMaxCodes = 256;

Error corrupt(std::size_t offset, std::string_view what) {
  return Error{ErrorCode::kInvalidArgument, "part-of-speech section is corrupt at byte " +
                                                std::to_string(offset) + ": " + std::string(what)};
}

using detail::SectionReader;
constexpr std::size_t kMaxWordBytes = detail::kMaxFrontCodedBytes;

}  // namespace

Result<PartOfSpeech> PartOfSpeech::from_bytes(std::string_view section) {
  SectionReader in{reinterpret_cast<const unsigned char*>(section.data()), section.size()};
  PartOfSpeech pos;
  const std::uint32_t code_count = in.varint();
  if (in.ok && (code_count == 0 || code_count > kMaxCodes)) in.fail("bad tag code count");
  for (std::uint32_t c = 0; c < code_count && in.ok; ++c) {
    const std::uint16_t code = in.u16();
    const unsigned first = code & 7u;
    const unsigned mask = (code >> 3) & 0x7fu;
    if (in.ok && (first > 6 || (mask & (1u << first)) == 0 || code >> 11 != 0)) {
      in.fail("bad tag code");
    }
    pos.codes_.push_back(code);
  }
  const std::uint32_t word_count = in.varint();
  // Every word takes at least 3 bytes (two varints, a suffix byte) plus its code byte.
  if (in.ok && std::uint64_t{word_count} * 4 > in.remaining()) in.fail("bad word count");
  if (in.ok) {
    pos.offset_.reserve(std::size_t{word_count} + 1);
    pos.code_of_.reserve(word_count);
  }
  pos.offset_.push_back(0);
  detail::read_front_coded(in, word_count, &pos.text_, &pos.offset_, "bad word length",
                           "words out of order");
  for (std::uint32_t i = 0; i < word_count && in.ok; ++i) {
    const std::uint8_t index = in.byte();
    if (in.ok && index >= code_count) in.fail("tag code index out of range");
    pos.code_of_.push_back(index);
  }
  if (in.ok && in.pos != in.size) in.fail("unexpected bytes after the words");
  if (!in.ok) return corrupt(in.pos, in.what);

  pos.index_ = detail::index_words(pos.text_, pos.offset_);
  return pos;
}

PartOfSpeech::Tags PartOfSpeech::lookup(std::string_view word_in) const {
  Tags tags;
  if (word_in.empty() || word_in.size() > kMaxWordBytes || index_.empty()) return tags;
  char folded[kMaxWordBytes];
  for (std::size_t i = 0; i < word_in.size(); ++i) {
    const char c = word_in[i];
    folded[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  std::string_view word(folded, word_in.size());
  if (word.size() > 2 && word.substr(word.size() - 2) == "'s") word.remove_suffix(2);
  const std::uint32_t id = detail::find_word(index_, text_, offset_, word);
  if (id == detail::kNoWord) return tags;
  const std::uint16_t code = codes_[code_of_[id]];
  tags.first = static_cast<Class>(code & 7u);
  tags.mask = static_cast<std::uint8_t>((code >> 3) & 0x7fu);
  tags.name = ((code >> 10) & 1u) != 0;
  tags.stored = true;
  return tags;
}

}  // namespace parallax::represent
