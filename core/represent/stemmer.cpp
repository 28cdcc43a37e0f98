#include <utility>

#include "represent/represent.h"

extern "C" {
#include "api.h"
#include "stem_UTF_8_english.h"
}

namespace parallax::represent {

// The Snowball environment holds the word being stemmed; one per Stemmer.
struct Stemmer::Env {
  SN_env* sn = english_UTF_8_create_env();
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
  SN_env* sn = env_->sn;
  if (SN_set_current(sn, static_cast<int>(folded_word.size()),
                     reinterpret_cast<const symbol*>(folded_word.data())) != 0) {
    return std::string(folded_word);
  }
  if (english_UTF_8_stem(sn) < 0) return std::string(folded_word);
  return std::string(reinterpret_cast<const char*>(sn->p), static_cast<std::size_t>(sn->l));
}

}  // namespace parallax::represent
