#!/usr/bin/env python3
"""Writes N small, valid, distinct CSAF 2.0 advisories for the publish
benchmark: the OASIS example bsi-2022-0001 with its own tracking id
(LOTSE-BENCH-<prefix>-<n>), title and dates per advisory. Files are written
to OUT/<i // 1000>/ (1,000 per directory).

Usage: generate_advisories.py EXAMPLE OUT COUNT [PREFIX] [START]
"""
import json
import os
import sys
from datetime import datetime, timedelta, timezone


def main():
    example, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    prefix = sys.argv[4] if len(sys.argv) > 4 else "A"
    start = int(sys.argv[5]) if len(sys.argv) > 5 else 0
    with open(example, encoding="utf-8") as f:
        base = json.load(f)
    epoch = datetime(2020, 1, 1, tzinfo=timezone.utc)
    for i in range(start, start + count):
        doc = json.loads(json.dumps(base))
        tracking_id = f"LOTSE-BENCH-{prefix}-{i:06d}"
        # A distinct instant per advisory (one minute apart), spread over years.
        date = (epoch + timedelta(minutes=i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        doc["document"]["title"] = f"Benchmark advisory {tracking_id}"
        t = doc["document"]["tracking"]
        t["id"] = tracking_id
        t["initial_release_date"] = date
        t["current_release_date"] = date
        t["generator"]["date"] = date
        t["revision_history"] = [{"date": date, "number": "1", "summary": "Initial revision"}]
        t["version"] = "1"
        folder = os.path.join(out, str(i // 1000))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, tracking_id.lower() + ".json"), "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=1)


if __name__ == "__main__":
    main()
