#include "spell/dictionary.hpp"

#include <hunspell/hunspell.hxx>
#include <iconv.h>

#include <fstream>
#include <optional>
#include <map>

namespace lotse::spell {

namespace {

// Longest word handed to Hunspell; longer "words" are unknown (Hunspell
// itself rejects words beyond about 100 characters).
constexpr std::size_t kMaxWordBytes = 400;

bool is_utf8_name(std::string_view encoding) {
  return encoding == "UTF-8" || encoding == "utf-8" || encoding == "UTF8" || encoding == "utf8";
}

// Converts with iconv; nullopt when `text` cannot be represented.
std::optional<std::string> convert(std::string_view text, const std::string& from, const std::string& to) {
  iconv_t cd = iconv_open(to.c_str(), from.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out(text.size() * 4 + 4, '\0');
  char* in_ptr = const_cast<char*>(text.data());
  std::size_t in_left = text.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  const std::size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  iconv_close(cd);
  if (rc == static_cast<std::size_t>(-1) || in_left != 0) return std::nullopt;
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

struct Dictionary::Impl {
  Impl(const DictionaryFiles& files) : hunspell(files.aff.c_str(), files.dic.c_str()) {
    const char* encoding = hunspell.get_dic_encoding();
    this->encoding = encoding ? encoding : "UTF-8";
    utf8 = is_utf8_name(this->encoding);
  }
  std::optional<std::string> to_dictionary(std::string_view word) const {
    if (utf8) return std::string(word);
    return convert(word, "UTF-8", encoding);
  }
  std::optional<std::string> from_dictionary(std::string_view word) const {
    if (utf8) return std::string(word);
    return convert(word, encoding, "UTF-8");
  }

  Hunspell hunspell;
  std::string encoding;
  bool utf8 = true;
};

Dictionary::Dictionary(std::unique_ptr<Impl> impl, std::string name)
    : impl_(std::move(impl)), name_(std::move(name)) {}

Dictionary::~Dictionary() = default;

tl::expected<std::shared_ptr<const Dictionary>, std::string> Dictionary::shared(const DictionaryFiles& files) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const Dictionary>> loaded;
  const std::string key = files.aff.string() + '\n' + files.dic.string();
  std::lock_guard<std::mutex> lock(mutex);
  if (auto it = loaded.find(key); it != loaded.end()) return it->second;
  // Hunspell reports unreadable files only on stderr and then knows no
  // words: check first.
  for (const auto& path : {files.aff, files.dic}) {
    if (!std::ifstream(path).good()) {
      return tl::unexpected("cannot read the Hunspell dictionary file " + path.string());
    }
  }
  std::shared_ptr<const Dictionary> dictionary(
      new Dictionary(std::make_unique<Impl>(files), files.name));
  loaded.emplace(key, dictionary);
  return dictionary;
}

bool Dictionary::knows(std::string_view word) const {
  if (word.empty()) return true;
  if (word.size() > kMaxWordBytes) return false;
  std::optional<std::string> converted = impl_->to_dictionary(word);
  if (!converted) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  return impl_->hunspell.spell(*converted);
}

std::vector<std::string> Dictionary::suggest(std::string_view word, std::size_t max) const {
  std::vector<std::string> out;
  if (word.empty() || word.size() > kMaxWordBytes || max == 0) return out;
  std::optional<std::string> converted = impl_->to_dictionary(word);
  if (!converted) return out;
  std::vector<std::string> raw;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    raw = impl_->hunspell.suggest(*converted);
  }
  for (const std::string& s : raw) {
    if (out.size() >= max) break;
    if (auto utf8 = impl_->from_dictionary(s)) out.push_back(std::move(*utf8));
  }
  return out;
}

}  // namespace lotse::spell
