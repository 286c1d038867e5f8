#!/usr/bin/env python3
"""Lists the files of the differential check, one absolute path a line:
every file that the OASIS CSAF 2.0 validator corpus (testcases.json, groups
mandatory, optional and informative) references, then every CSAF example
(examples/csaf/**/*.json), each once, sorted within its part.

Usage: corpus_files.py CSAF_2_0_DIR   (e.g. ../shared/testsuites/csaf/csaf_2.0)
"""
import json
import sys
from pathlib import Path


def corpus_files(csaf_dir: Path) -> list[Path]:
    data = csaf_dir / "test" / "validator" / "data"
    testcases = json.loads((data / "testcases.json").read_text(encoding="utf-8"))
    referenced = {
        (data / entry["name"]).resolve()
        for test in testcases["tests"]
        for kind in ("failures", "valid")
        for entry in test.get(kind, [])
    }
    examples = {p.resolve() for p in (csaf_dir / "examples" / "csaf").rglob("*.json")}
    missing = [p for p in referenced if not p.is_file()]
    if missing:
        sys.exit(f"corpus_files.py: testcases.json names missing files: {missing[:3]}")
    return sorted(referenced) + sorted(examples - referenced)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for path in corpus_files(Path(sys.argv[1])):
        print(path)
