#!/usr/bin/env python3
"""Compares Lotse's and csaf-validator-lib's verdicts per (test, file) and
writes the agreement table and the list of disagreeing pairs as Markdown,
plus the pairs as tab-separated values for scripts.

A verdict is "fails" or "passes"; a pair is compared only when both tools
gave one. Otherwise it counts as "not compared", with the reason in the
Note column: the test is not registered in Lotse, Lotse skipped it (e.g.
6.3.6 without --online), the peer did not run it (the online tests), the
peer threw, or the file is not JSON. Where the OASIS corpus labels a pair
(testcases.json: the file is in the test's failures or valid list) the
label is shown next to each disagreement and tallied per tool.

Inputs: FILES (one path a line, as both tools were given them), the peer's
JSON Lines (peer_verdicts.mjs), a directory with Lotse's JSON Lines per test
(ID.jsonl from `lotse validate --format json FILES --test ID`, or
ID.unregistered when Lotse does not know the id), testcases.json.
Python 3 standard library only.
"""
import argparse
import json
from collections import defaultdict
from pathlib import Path

GROUPS = [("6.1.", "Mandatory tests (6.1.x)"), ("6.2.", "Optional tests (6.2.x)"),
          ("6.3.", "Informative tests (6.3.x)")]


def id_key(test_id: str) -> list[int]:
    return [int(part) for part in test_id.split(".")]


def read_jsonl(path: Path):
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


class Verdicts:
    """(test, file) -> (fails: bool | None, detail: str); None = no verdict."""

    def __init__(self):
        self.by_pair: dict[tuple[str, str], tuple[bool | None, str]] = {}
        self.test_note: dict[str, str] = {}

    def get(self, test: str, file: str) -> tuple[bool | None, str]:
        if test in self.test_note:
            return None, self.test_note[test]
        return self.by_pair.get((test, file), (None, "no verdict"))


def peer_verdicts(path: Path) -> Verdicts:
    verdicts = Verdicts()
    unparseable = {}
    for row in read_jsonl(path):
        if "not_run" in row:
            verdicts.test_note[row["test"]] = "peer: not run (" + row["not_run"] + ")"
        elif "parse_error" in row:
            unparseable[row["file"]] = "peer: not JSON"
        elif "error" in row:
            verdicts.by_pair[(row["test"], row["file"])] = (None, "peer threw: " + row["error"])
        else:
            message = row["messages"][0] if row["messages"] else ""
            verdicts.by_pair[(row["test"], row["file"])] = (row["fails"], message)
    verdicts.unparseable = unparseable
    return verdicts


def lotse_verdicts(directory: Path, tests: list[str]) -> Verdicts:
    verdicts = Verdicts()
    for test in tests:
        if (directory / f"{test}.unregistered").exists():
            verdicts.test_note[test] = "not registered in Lotse"
            continue
        for row in read_jsonl(directory / f"{test}.jsonl"):
            file = row["file"]
            results = row.get("results", [])
            if "error" in row:
                verdicts.by_pair[(test, file)] = (None, "Lotse: " + row["error"])
            elif any(r["test"] == "json" for r in results):
                verdicts.by_pair[(test, file)] = (None, "Lotse: not JSON")
            elif any(s["test"] == test for s in row.get("skipped", [])):
                reason = next(s["reason"] for s in row["skipped"] if s["test"] == test)
                verdicts.by_pair[(test, file)] = (None, "Lotse skipped: " + reason)
            else:
                mine = [r for r in results if r["test"] == test]
                detail = f"{mine[0]['pointer']}: {mine[0]['message']}" if mine else ""
                verdicts.by_pair[(test, file)] = (bool(mine), detail)
    return verdicts


def oasis_labels(testcases: Path) -> dict[tuple[str, str], bool]:
    """(test, resolved file) -> whether the corpus says the file fails."""
    data_dir = testcases.parent
    labels = {}
    for test in json.loads(testcases.read_text(encoding="utf-8"))["tests"]:
        for kind, fails in (("failures", True), ("valid", False)):
            for entry in test.get(kind, []):
                labels[(test["id"], str((data_dir / entry["name"]).resolve()))] = fails
    return labels


def short(text: str, limit: int = 90) -> str:
    text = text.replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def compare(args) -> None:
    files = [line for line in Path(args.files).read_text(encoding="utf-8").splitlines() if line]
    base = Path(args.base).resolve()
    peer = peer_verdicts(Path(args.peer))
    tests = sorted({t for t, _ in peer.by_pair} | set(peer.test_note), key=id_key)
    lotse = lotse_verdicts(Path(args.lotse_dir), tests)
    labels = oasis_labels(Path(args.testcases))

    def shown(file: str) -> str:
        path = Path(file).resolve()
        return str(path.relative_to(base)) if path.is_relative_to(base) else file

    rows, pairs = [], []
    label_tally = defaultdict(lambda: {"lotse": [0, 0], "peer": [0, 0]})  # [matches, verdicts]
    for test in tests:
        count = defaultdict(int)
        notes = defaultdict(int)
        for file in files:
            resolved = str(Path(file).resolve())
            peer_fails, peer_detail = peer.get(test, file)
            if file in peer.unparseable:
                peer_fails, peer_detail = None, peer.unparseable[file]
            lotse_fails, lotse_detail = lotse.get(test, file)
            label = labels.get((test, resolved))
            if label is not None:
                for tool, fails in (("lotse", lotse_fails), ("peer", peer_fails)):
                    if fails is not None:
                        label_tally[test[:4]][tool][0] += fails == label
                        label_tally[test[:4]][tool][1] += 1
            if peer_fails is None or lotse_fails is None:
                count["not_compared"] += 1
                for fails, detail in ((peer_fails, peer_detail), (lotse_fails, lotse_detail)):
                    if fails is None:
                        notes[detail.split(":")[0] if detail.startswith("peer threw") else detail] += 1
                continue
            if peer_fails == lotse_fails:
                count["agree"] += 1
                count["both_fail"] += peer_fails
                continue
            count["lotse_only" if lotse_fails else "peer_only"] += 1
            pairs.append({
                "test": test, "file": shown(file), "fails_in": "Lotse" if lotse_fails else "peer",
                "label": "" if label is None else ("fails" if label else "passes"),
                "lotse": lotse_detail, "peer": peer_detail,
            })
        if test in lotse.test_note or test in peer.test_note:
            note = "; ".join(n for n in (lotse.test_note.get(test), peer.test_note.get(test)) if n)
        else:
            note = "; ".join(f"{what} ({n})" for what, n in sorted(notes.items()))
        rows.append((test, len(files), count, note))

    out = []
    if args.header:
        out.append(Path(args.header).read_text(encoding="utf-8").rstrip() + "\n")
    for prefix, title in GROUPS:
        group_rows = [r for r in rows if r[0].startswith(prefix)]
        if not group_rows:
            continue
        out.append(f"#### {title}\n")
        out.append("| Test | Files | Agree | of which both fail | Lotse-only fails | Peer-only fails "
                   "| Not compared | Note |")
        out.append("|---|---:|---:|---:|---:|---:|---:|---|")
        total = defaultdict(int)
        for test, n, count, note in group_rows:
            for key in ("agree", "both_fail", "lotse_only", "peer_only", "not_compared"):
                total[key] += count[key]
            total["files"] += n
            out.append(f"| {test} | {n} | {count['agree']} | {count['both_fail']} | {count['lotse_only']} "
                       f"| {count['peer_only']} | {count['not_compared']} | {short(note, 120)} |")
        out.append(f"| **all** | {total['files']} | {total['agree']} | {total['both_fail']} "
                   f"| {total['lotse_only']} | {total['peer_only']} | {total['not_compared']} | |")
        tally = label_tally[prefix[:4]]
        if tally["lotse"][1] or tally["peer"][1]:
            out.append(f"\nOn the (test, file) pairs the OASIS corpus labels (the file is in the test's "
                       f"failures or valid list), Lotse's verdict matches the label in "
                       f"{tally['lotse'][0]} of {tally['lotse'][1]}, the peer's in {tally['peer'][0]} "
                       f"of {tally['peer'][1]} (pairs without a verdict left out).")
        out.append("")
    out.append("#### Disagreeing (test, file) pairs\n")
    if pairs:
        out.append("| Test | File | Fails in | OASIS label | Lotse says | Peer says |")
        out.append("|---|---|---|---|---|---|")
        for p in pairs:
            out.append(f"| {p['test']} | `{p['file']}` | {p['fails_in']} | {p['label'] or '—'} "
                       f"| {short(p['lotse'])} | {short(p['peer'])} |")
    else:
        out.append("None.")
    Path(args.out).write_text("\n".join(out) + "\n", encoding="utf-8")
    with open(args.pairs, "w", encoding="utf-8") as tsv:
        tsv.write("test\tfile\tfails_in\toasis_label\tlotse\tpeer\n")
        for p in pairs:
            tsv.write("\t".join(p[k].replace("\t", " ") for k in ("test", "file", "fails_in", "label",
                                                                   "lotse", "peer")) + "\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", required=True)
    parser.add_argument("--peer", required=True)
    parser.add_argument("--lotse-dir", required=True)
    parser.add_argument("--testcases", required=True)
    parser.add_argument("--base", required=True, help="directory file names are shown relative to")
    parser.add_argument("--header", help="Markdown put before the tables (date, commit, command)")
    parser.add_argument("--out", required=True, help="Markdown output")
    parser.add_argument("--pairs", required=True, help="TSV of the disagreeing pairs")
    compare(parser.parse_args())
