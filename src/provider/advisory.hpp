// An advisory accepted for publishing: the document's exact bytes and what
// the tree needs from it (file name, year folder, TLP folder, dates, feed
// entry texts), checked once at this boundary.
//
// prepare_advisory() is the one gate: a document is published only when it
// passes the `basic` preset (schema + every mandatory test; requirement 1),
// its TLP label is one Lotse publishes in the public tree, and its tracking
// id makes a safe file name. Everything past it works on these typed values.
//
// TLP: TLP:WHITE goes to `white/`, a document without a TLP label to
// `unlabeled/` (both are public, requirement 4 and 15). TLP:GREEN, AMBER
// and RED are refused: GREEN is not meant for the open internet and AMBER
// and RED need access-controlled folders (requirement 5), which Lotse does
// not write yet.
//
// Stateless and thread-safe.
#pragma once

#include <string>

#include <tl/expected.hpp>

namespace lotse::provider {

struct Advisory {
  std::string text;           // the document, byte for byte as published
  std::string tracking_id;    // /document/tracking/id
  std::string title;          // /document/title
  std::string category;       // /document/category
  std::string csaf_version;   // /document/csaf_version
  std::string summary;        // the first /document/notes item of category "summary", or ""
  std::string initial_release_date;  // as written in the document
  std::string current_release_date;
  std::string tlp_label;      // "WHITE" or "UNLABELED" (provider-metadata's tlp_label)
  std::string folder;         // "white" or "unlabeled"
  std::string file_name;      // section 5.1: "bsi-2022-0001.json"
  std::string path;           // in the folder: "2022/bsi-2022-0001.json" (requirement 11)
};

// Why a document is not published: a message for the user, with the
// validator's findings (one per line) when it failed `basic`.
struct Refusal {
  std::string file;
  std::string message;
};

// Checks `text` (read from `file`, named in messages) and extracts what
// publishing needs. Never throws, whatever the input.
tl::expected<Advisory, Refusal> prepare_advisory(std::string text, const std::string& file);

// The TLP folder name for a provider-metadata tlp_label ("WHITE" -> "white").
std::string folder_for_label(const std::string& tlp_label);

}  // namespace lotse::provider
