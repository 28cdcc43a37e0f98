// Resources::load: the learned matcher from its three resource files, and the stance model.
#include <memory>

#include "api/parallax.h"

namespace parallax {

namespace {

std::string_view base_name(std::string_view name) {
  const std::size_t slash = name.find_last_of("/\\");
  return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

Error invalid(std::string_view file, const std::string& problem) {
  return {ErrorCode::kInvalidArgument, "Resource " + std::string(file) + ": " + problem};
}

}  // namespace

Result<Resources> Resources::load(const std::vector<InputFile>& files) {
  const InputFile* wordnet_file = nullptr;
  const InputFile* lexicon_file = nullptr;
  const InputFile* model_file = nullptr;
  const InputFile* stance_file = nullptr;
  for (const InputFile& file : files) {
    const std::string_view name = base_name(file.name);
    if (name == kWordNet) wordnet_file = &file;
    if (name == kLexicon) lexicon_file = &file;
    if (name == kMatcherModel) model_file = &file;
    if (name == kStanceModel) stance_file = &file;
  }
  Resources resources;
  // The stance model stands alone: when given it must load, else the baseline stays.
  if (stance_file != nullptr) {
    auto stance_model = stance::StanceModel::load(stance_file->bytes);
    if (!stance_model.ok()) return invalid(kStanceModel, stance_model.error().message);
    resources.stance_ =
        std::make_shared<const stance::StanceModel>(std::move(stance_model).value());
  }
  if (model_file == nullptr) return resources;  // no model (not trained yet): the baseline
  for (auto [file, name] : {std::pair{wordnet_file, kWordNet}, std::pair{lexicon_file, kLexicon},
                            std::pair{model_file, kMatcherModel}}) {
    if (file == nullptr) {
      return invalid(name, "is missing; the matcher model " + std::string(kMatcherModel) +
                               " needs " + std::string(kWordNet) + " and " + std::string(kLexicon) +
                               " beside it.");
    }
  }
  auto wordnet = represent::WordNet::from_bytes(wordnet_file->bytes);
  if (!wordnet.ok()) return invalid(kWordNet, wordnet.error().message);
  if (!wordnet.value().warning().empty()) {  // postag: no parts of speech (format version 1)
    resources.warnings_.push_back("Resource " + std::string(kWordNet) + ": " +
                                  wordnet.value().warning());
  }
  auto lexicon = represent::Lexicon::from_bytes(lexicon_file->bytes);
  if (!lexicon.ok()) return invalid(kLexicon, lexicon.error().message);
  auto matcher = align::LearnedMatcher::load(
      model_file->bytes, std::make_shared<const represent::Lexicon>(std::move(lexicon).value()),
      std::make_shared<const represent::WordNet>(std::move(wordnet).value()));
  if (!matcher.ok()) return invalid(kMatcherModel, matcher.error().message);
  resources.matcher_ = std::make_shared<const align::LearnedMatcher>(std::move(matcher).value());
  return resources;
}

}  // namespace parallax
