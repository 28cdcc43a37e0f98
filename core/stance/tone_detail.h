// Internal to the article stance (owner: "tone"): word classes shared by attribution.cpp and
// actors.cpp. Small closed classes of English function words, titles and reporting verbs
// (no npm package lists them); the lexicons proper are in generated/.
#pragma once

#include <string_view>

#include "stance/stance.h"

namespace parallax::stance::detail {

/// A title or role word in front of a name ("president", "minister", "former", "u.s.").
bool is_title_word(std::string_view lower);
/// A role title proper ("president", "mayor", "mr."), not a descriptor ("former", "russian").
bool is_role_title(std::string_view lower);
/// A name suffix ("jr.", "jr", "sr.", "ii", "iii").
bool is_name_suffix(std::string_view lower);
/// A generic head of a place or organisation name ("house", "states", "summit", "war").
bool is_generic_name_head(std::string_view lower);
/// A reporting verb ("said", "confirmed", "predict", "suggest", "told").
bool is_reporting_verb(std::string_view lower);
/// A group of unnamed sources, as its plural ("analysts" for "analyst"/"analysts"), or empty.
std::string_view source_group(std::string_view lower);
/// Words that can sit between a subject and its reporting verb ("has", "also", "publicly").
bool is_verb_filler(std::string_view lower);
/// Words that start a sentence capitalised but are not names ("the", "following", "as").
bool is_common_word(std::string_view lower);
/// Most words capitalised (Title Case headlines and lines): capitals then mark no names.
bool title_case(const std::vector<Word>& words);

}  // namespace parallax::stance::detail
