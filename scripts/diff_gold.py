"""Show, document by document, the gold events next to geopol's: what was missed and what was extra.

Usage: python scripts/diff_gold.py DOCS.jsonl GOLD.jsonl SYSTEM.jsonl [--ignore-actors] [--misses-only]
(SYSTEM is the output of ``geopol extract DOCS --format jsonl``.)
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict


def _key(row: dict[str, str | None], ignore_actors: bool) -> tuple[str, ...]:
    code = (row.get("code") or "")[:2]
    if ignore_actors:
        return (code,)
    return ((row.get("source") or "---")[:3], (row.get("target") or "---")[:3], code)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("docs")
    parser.add_argument("gold")
    parser.add_argument("system")
    parser.add_argument("--ignore-actors", action="store_true")
    parser.add_argument("--misses-only", action="store_true")
    args = parser.parse_args()
    texts = {}
    with open(args.docs, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                texts[record["id"]] = record.get("text", "")
    gold: dict[str, list[dict[str, str | None]]] = defaultdict(list)
    with open(args.gold, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row.get("code"):
                gold[row["doc"]].append(row)
    system: dict[str, list[dict[str, str | None]]] = defaultdict(list)
    with open(args.system, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            system[row["doc"]].append(row)
    for doc in texts:
        gold_keys = {_key(g, args.ignore_actors) for g in gold[doc] if not g.get("optional")}
        sys_keys = {_key(s, args.ignore_actors) for s in system[doc]}
        missed, extra = gold_keys - sys_keys, sys_keys - gold_keys
        if args.misses_only and not missed:
            continue
        if not missed and not extra:
            continue
        print(f"## {doc}: {texts[doc][:400]}")
        for g in gold[doc]:
            flag = "MISS" if _key(g, args.ignore_actors) in missed else "ok  "
            opt = " (optional)" if g.get("optional") else ""
            print(f"  gold {flag} {g.get('source')} {g.get('code')} {g.get('target')}{opt}  {g.get('note') or ''}")
        for s in system[doc]:
            flag = "EXTRA" if _key(s, args.ignore_actors) in extra else "ok   "
            where = f"[{s.get('trigger')}/{s.get('rule')}]"
            print(f"  sys {flag} {s.get('source')} {s.get('code')} {s.get('target')}  {where}")


if __name__ == "__main__":
    main()
