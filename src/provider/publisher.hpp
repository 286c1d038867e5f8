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
// TREE/.lotse/                       private (0700, not served):
//   lock, journal.json, staging/        crash safety (journal.hpp)
//   folders.json, entries/<name>        the persisted state (state.hpp)
//
// A run is all or nothing at the level of checks: every input is checked
// first (basic preset, TLP, file name, version order, collisions) and if
// any is refused nothing is written.
//
// Then, holding the tree's lock and after rolling forward the journal of a
// killed run, it reads only what the change needs: the entries of its
// inputs' file names (the versions they replace), folders.json, and the
// listings of the folders it touches (mapped, not read), which it splices
// (listings.hpp): no other document is read, hashed or signed, and no
// listing is rebuilt from the documents. Every new file (documents,
// hashes, signatures, index.txt, changes.csv, state, metadata) is staged
// whole under .lotse/staging/ and made durable (journal.hpp). The feed is
// edited in place when it can be (feed.hpp: the new entries written into
// whitespace kept free before the first entry, a replaced entry
// overwritten with spaces), otherwise staged whole like the others. Then a
// journal of renames, in-place writes and removals is committed and carried
// out in this order:
//
//   A  the listings of folders losing a replaced version, without it
//   B  each document's four files renamed into place; files of replaced
//      versions that moved (another year or TLP folder) removed
//   C  the listings with the new versions, category documents, entries,
//      folders.json, the public key, service.json, provider-metadata.json
//      (each only when it changes), and last the new entries written into
//      the feeds edited in place
//   D  the listings of folders left empty removed
//   and the journal deleted.
//
// So at every moment (a kill -9 may come between any two steps, or in the
// middle of one) index.txt, changes.csv and each feed list only documents
// whose document, .sha256, .sha512 and .asc are all present and agree: a
// document's files change only while no listing names it, and each
// in-place write of the feed is a whole entry inside one page, which a
// killed process writes entirely or not at all (feed.hpp). A killed run is
// finished by the next run before it does anything else; files a run
// staged before its journal was committed are dropped. Files are 0644 and
// directories 0755 for the web server; served folders never hold temporary
// files (leftovers of older versions, "*.tmp-XXXXXX", are removed at the
// start of a run).
//
// What a web server's concurrent reader can see: index.txt, changes.csv and
// every other file are replaced by rename, so a reader gets the old or the
// new file whole. The feed, when edited in place, is one file changing
// under the reader: a reader gets each entry old or new (an added entry
// appears only after the document's files are in place, a replaced one
// disappears before they change; `updated` may be old beside new entries),
// except that a read overlapping the moment the kernel copies a write into
// the page may see part of that one entry (invalid JSON: the next fetch is
// whole). The feed's size grows by one newline per run, so a validator of
// mtime seconds and size (nginx's ETag) changes with every run.
//
// After a power failure the journal (on disk before any step) is redone by
// the next run; until then a feed write in flight may be torn (journal.hpp).
//
// Cost of adding the newest advisory to a provider of N documents: index.txt
// and changes.csv written again with the new line (tens of bytes per
// document, copied from the old files in the kernel and synced), a few
// pages of the feed written, plus constant work; the feed is written whole only when its gap is used
// up (roughly every N/35 additions) or an addition is not the newest.
// See bench/README.md ("Publishing").
//
// Thread safety: one run per tree at a time, enforced by the lock file
// (a second run fails at once).
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
