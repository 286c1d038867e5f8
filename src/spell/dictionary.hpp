// One Hunspell dictionary, loaded once per process and shared: does it know
// a word, and what would it suggest instead?
//
// Words are UTF-8. A dictionary in another encoding (SET ISO8859-1 ...) is
// handled by converting words with iconv; a word its encoding cannot hold
// is unknown to it.
//
// Thread safety: Hunspell objects are not thread-safe, so every Dictionary
// serialises its calls with a mutex; shared() may be called from any thread.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "spell/dictionary_lookup.hpp"

namespace lotse::spell {

class Dictionary {
 public:
  ~Dictionary();
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  // The dictionary in `files`, loaded on first request and kept for the
  // life of the process (loading en_US takes tens of milliseconds, a
  // validation run may ask for it thousands of times). The error says why
  // it cannot be loaded.
  static tl::expected<std::shared_ptr<const Dictionary>, std::string> shared(const DictionaryFiles& files);

  // The dictionary's name ("en_US"), for messages.
  const std::string& name() const { return name_; }

  // Whether `word` (one word, UTF-8) is spelled correctly, with Hunspell's
  // rules for capitalisation, affixes and compounds.
  bool knows(std::string_view word) const;

  // Up to `max` corrections for `word`, best first. Hunspell's suggestion
  // search is costly: callers bound how often they ask.
  std::vector<std::string> suggest(std::string_view word, std::size_t max) const;

 private:
  struct Impl;
  explicit Dictionary(std::unique_ptr<Impl> impl, std::string name);

  std::unique_ptr<Impl> impl_;
  std::string name_;
  mutable std::mutex mutex_;
};

}  // namespace lotse::spell
