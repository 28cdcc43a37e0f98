#include <string>
#include <unordered_map>
#include <utility>

#include "represent/represent.h"

extern "C" {
#include "api.h"
#include "stem_UTF_8_english.h"
}

namespace parallax::represent {

// The Snowball environment holds the word being stemmed; one per Stemmer. `cache` remembers
// the stems of words seen (news repeats its words: most calls are hits, ~10x cheaper than
// Snowball); it is cleared when it reaches kMaxCached entries so memory stays bounded.
// Only looked up by key, never iterated: its hash order cannot reach any output.
struct Stemmer::Env {
  static constexpr std::size_t kMaxCached = 1u << 16;
  SN_env* sn = english_UTF_8_create_env();
  std::unordered_map<std::string, std::string> cache;
  ~Env() {
    if (sn != nullptr) english_UTF_8_close_env(sn);
  }
};

Stemmer::Stemmer() : env_(std::make_unique<Env>()) {}
Stemmer::~Stemmer() = default;
Stemmer::Stemmer(Stemmer&&) noexcept = default;
Stemmer& Stemmer::operator=(Stemmer&&) noexcept = default;

std::string Stemmer::stem(std::string_view folded_word) {
  // Snowball allocates when the word grows; a failed allocation leaves the word unstemmed.
  if (env_ == nullptr || env_->sn == nullptr || folded_word.empty() || folded_word.size() > 256) {
    return std::string(folded_word);
  }
  std::string word(folded_word);
  if (auto hit = env_->cache.find(word); hit != env_->cache.end()) return hit->second;
  SN_env* sn = env_->sn;
  if (SN_set_current(sn, static_cast<int>(folded_word.size()),
                     reinterpret_cast<const symbol*>(folded_word.data())) != 0) {
    return word;
  }
  if (english_UTF_8_stem(sn) < 0) return word;
  std::string stemmed(reinterpret_cast<const char*>(sn->p), static_cast<std::size_t>(sn->l));
  if (env_->cache.size() >= Env::kMaxCached) env_->cache.clear();
  env_->cache.emplace(std::move(word), stemmed);
  return stemmed;
}

std::string Stemmer::stem_uncached(std::string_view folded_word) {
  // The same steps as stem(), without the cache.
  if (env_ == nullptr || env_->sn == nullptr || folded_word.empty() || folded_word.size() > 256) {
    return std::string(folded_word);
  }
  SN_env* sn = env_->sn;
  if (SN_set_current(sn, static_cast<int>(folded_word.size()),
                     reinterpret_cast<const symbol*>(folded_word.data())) != 0 ||
      english_UTF_8_stem(sn) < 0) {
    return std::string(folded_word);
  }
  return std::string(reinterpret_cast<const char*>(sn->p), static_cast<std::size_t>(sn->l));
}

}  // namespace parallax::represent
