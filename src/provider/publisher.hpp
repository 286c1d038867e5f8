// A publish run: accepted advisories into the static tree a web server
// serves (CSAF 2.0 section 7, the provider and trusted provider roles).
//
// TREE/.well-known/csaf/
//   provider-metadata.json            requirement 7 (metadata.hpp)
//   service.json                      ROLIE service document (16)
//   openpgp/<FINGERPRINT>.asc         the public key (20)
//   <folder>/                         white/ (TLP:WHITE), unlabeled/ (no TLP)
//     index.txt, changes.csv          12, 13 (listings.hpp)
//     csaf-feed-tlp-<folder>.json     ROLIE feed (15, rolie.hpp)
//     category-<folder>.json          ROLIE category document (17)
//     <YYYY>/<name>.json              11, 2 (year of initial_release_date,
//                                     name per section 5.1)
//     <YYYY>/<name>.json.sha256|.sha512  "<hex>  <name>" (18)
//     <YYYY>/<name>.json.asc          detached armored signature (19)
// TREE/.lotse/state.json              private: what the indexes list (state.hpp)
//
// A run is all or nothing at the level of checks: every input is checked
// first (basic preset, TLP, file name, version order, collisions) and if
// any is refused nothing is written. Accepted documents are then written
// with their hashes and signature, then the state, then the indexes, feeds
// and metadata regenerated from the state (no other document is read,
// hashed or signed), then files a document left behind (a changed year or
// folder) are removed. Every file is written atomically (temp + fsync +
// rename) and made 0644 (directories 0755) for the web server.
//
// NOT DONE (the item 3, second half): a journal. A run killed
// between writing a document and writing the indexes leaves indexes that
// still list the *old* version's entry while the document, hash and
// signature files are already the new ones, each file whole and consistent
// with its siblings only once all four are renamed; a kill between the
// renames of one document's four files leaves a hash or signature that does
// not match its document. The planned design is in the session report:
// new files are written under TREE/.lotse/staging/, a journal
// TREE/.lotse/journal.json lists the renames, and the next run rolls the
// journal forward before doing anything else.
//
// Thread safety: one run per tree at a time (no lock file yet).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

#include "openpgp/signer.hpp"
#include "provider/advisory.hpp"
#include "provider/config.hpp"

namespace lotse::provider {

struct Input {
  std::string text;  // the document's bytes
  std::string file;  // where it came from, for messages
};

struct PublishOptions {
  std::string tree;  // the tree's root directory (created when missing)
  // The time written as the feeds' `updated` and the metadata's
  // `last_updated`; empty: now, in UTC with milliseconds.
  std::string now;
};

struct PublishReport {
  std::vector<std::string> published;  // URLs of the documents written
  std::vector<Refusal> refused;        // non-empty: nothing was written
};

// Publishes `inputs`, signing with `signer` and publishing
// `public_key_armored` (the signer's key). Returns the report (refusals
// included); an error only for I/O or a configuration the provider schema
// rejects, in which case the tree may hold the documents written so far
// but its indexes are not updated.
tl::expected<PublishReport, std::string> publish(const ProviderConfig& config, openpgp::Signer& signer,
                                                 const std::string& public_key_armored, std::vector<Input> inputs,
                                                 const PublishOptions& options);

// The current UTC time as RFC 3339 with milliseconds ("2024-01-02T03:04:05.678Z").
std::string utc_now();

}  // namespace lotse::provider
