#include "spell/dictionary_lookup.hpp"

#include <algorithm>
#include <system_error>

namespace lotse::spell {

namespace fs = std::filesystem;

namespace {

// Languages whose main dictionary is not language_LANGUAGE.
struct MainDictionary {
  std::string_view language;
  std::string_view name;
};
constexpr MainDictionary kMainDictionaries[] = {
    {"ar", "ar_SA"}, {"be", "be_BY"}, {"bn", "bn_BD"}, {"ca", "ca_ES"}, {"cs", "cs_CZ"},
    {"cy", "cy_GB"}, {"da", "da_DK"}, {"el", "el_GR"}, {"en", "en_US"}, {"et", "et_EE"},
    {"eu", "eu_ES"}, {"fa", "fa_IR"}, {"ga", "ga_IE"}, {"gl", "gl_ES"}, {"gu", "gu_IN"},
    {"he", "he_IL"}, {"hi", "hi_IN"}, {"hy", "hy_AM"}, {"ka", "ka_GE"}, {"kk", "kk_KZ"},
    {"ko", "ko_KR"}, {"ml", "ml_IN"}, {"nb", "nb_NO"}, {"ne", "ne_NP"}, {"nn", "nn_NO"},
    {"sl", "sl_SI"}, {"sq", "sq_AL"}, {"sr", "sr_RS"}, {"sv", "sv_SE"}, {"sw", "sw_TZ"},
    {"ta", "ta_IN"}, {"te", "te_IN"}, {"uk", "uk_UA"}, {"vi", "vi_VN"}, {"zu", "zu_ZA"},
};

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string changed_case(std::string_view text, bool upper) {
  std::string out(text);
  for (char& c : out) {
    if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The primary language (lower case) and region (upper case, may be empty)
// of a tag; an empty language when the tag does not start with one.
std::pair<std::string, std::string> language_and_region(std::string_view tag) {
  std::vector<std::string_view> subtags;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= tag.size(); ++i) {
    if (i == tag.size() || tag[i] == '-' || tag[i] == '_') {
      subtags.push_back(tag.substr(start, i - start));
      start = i + 1;
    }
  }
  const std::string_view language = subtags.front();
  if (language.size() < 2 || language.size() > 8 || !std::all_of(language.begin(), language.end(), is_alpha)) {
    return {};  // "i-klingon", "x-private", garbage
  }
  std::string region;
  for (std::size_t i = 1; i < subtags.size(); ++i) {
    const std::string_view s = subtags[i];
    if (s.size() == 1) break;  // extensions and private use follow
    if (s.size() == 2 && is_alpha(s[0]) && is_alpha(s[1])) {
      region = changed_case(s, true);
      break;
    }
    if (s.size() == 3 && std::all_of(s.begin(), s.end(), is_digit)) {
      region = std::string(s);
      break;
    }
  }
  return {changed_case(language, false), region};
}

std::optional<DictionaryFiles> installed(const std::string& name, std::span<const fs::path> dirs) {
  for (const fs::path& dir : dirs) {
    std::error_code ec;
    fs::path aff = dir / (name + ".aff");
    fs::path dic = dir / (name + ".dic");
    if (fs::is_regular_file(aff, ec) && fs::is_regular_file(dic, ec)) {
      return DictionaryFiles{name, std::move(aff), std::move(dic)};
    }
  }
  return std::nullopt;
}

}  // namespace

std::span<const fs::path> default_dictionary_dirs() {
  static const fs::path dirs[] = {"/usr/share/hunspell", "/usr/share/myspell/dicts"};
  return dirs;
}

std::optional<DictionaryFiles> find_dictionary(std::string_view language_tag, std::span<const fs::path> dirs) {
  const auto [language, region] = language_and_region(language_tag);
  if (language.empty()) return std::nullopt;
  std::vector<std::string> candidates;
  if (!region.empty()) candidates.push_back(language + "_" + region);
  candidates.push_back(language);
  std::string main = language + "_" + changed_case(language, true);
  for (const MainDictionary& m : kMainDictionaries) {
    if (m.language == language) main = std::string(m.name);
  }
  candidates.push_back(main);
  for (const std::string& name : candidates) {
    if (auto found = installed(name, dirs)) return found;
  }
  for (const std::string& name : installed_dictionaries(dirs)) {
    if (name.starts_with(language + "_")) return installed(name, dirs);
  }
  return std::nullopt;
}

std::vector<std::string> installed_dictionaries(std::span<const fs::path> dirs) {
  std::vector<std::string> names;
  for (const fs::path& dir : dirs) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      const fs::path& path = it->path();
      if (path.extension() != ".dic") continue;
      std::string name = path.stem().string();
      if (installed(name, std::span<const fs::path>(&dir, 1))) names.push_back(std::move(name));
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace lotse::spell
