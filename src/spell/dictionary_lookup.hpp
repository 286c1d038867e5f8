// Which Hunspell dictionary serves a language tag: "en-US" -> en_US,
// "de" -> de_DE, "de-AT" -> de_AT when installed, else another German one.
// Dictionaries are pairs NAME.aff + NAME.dic in a few directories
// (/usr/share/hunspell from the Debian hunspell-* packages).
//
// The tag is only split, not validated (CSAF test 6.1.12 validates it): the
// primary language subtag (lower case), then the region subtag (two letters
// or three digits, upper case); extended language, script, variant and
// extension subtags do not choose a dictionary. The candidates, first
// installed wins:
//   1. language_REGION (en_US for en-US)
//   2. language (a dictionary named by the bare language, e.g. eo)
//   3. the language's main dictionary: en_US, sv_SE, da_DK, ... from a small
//      table, else language_LANGUAGE (de_DE, fr_FR)
//   4. the first language_* in name order (de_AT when only it is installed)
// So a region without its own dictionary falls back to another one of the
// same language; callers should name the dictionary they used.
//
// Stateless; thread-safe (reads directories only).
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lotse::spell {

struct DictionaryFiles {
  std::string name;  // "en_US"
  std::filesystem::path aff;
  std::filesystem::path dic;
};

// Where Debian installs Hunspell dictionaries: /usr/share/hunspell, and the
// older /usr/share/myspell/dicts.
std::span<const std::filesystem::path> default_dictionary_dirs();

// The dictionary for `language_tag` (see above), or nullopt when none of
// `dirs` holds one for its language.
std::optional<DictionaryFiles> find_dictionary(
    std::string_view language_tag,
    std::span<const std::filesystem::path> dirs = default_dictionary_dirs());

// The names of every dictionary in `dirs` (both files present), sorted and
// without duplicates, to tell a user which languages are supported.
std::vector<std::string> installed_dictionaries(
    std::span<const std::filesystem::path> dirs = default_dictionary_dirs());

}  // namespace lotse::spell
