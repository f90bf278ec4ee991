#!/usr/bin/env python3
"""docnum_port_check — gen-corpus's Python port of docnum_key (src/vn/docnum.c) against the C one.
usage: bench/docnum_port_check.py LEGAL_CHECK [DATA_DIR]
Feeds tricky numbers (and, with DATA_DIR, every distinct number and relation target of the
corpus's legal documents, and its docnum_legal queries) to `LEGAL_CHECK --keys` and compares the
keys; also says how many docnum_legal queries the C parser reads as a number. Exit 1 on any
difference."""
import importlib.machinery
import importlib.util
import json
import os
import sqlite3
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
loader = importlib.machinery.SourceFileLoader("gen_corpus", os.path.join(here, "gen-corpus"))
spec = importlib.util.spec_from_loader("gen_corpus", loader)
gc = importlib.util.module_from_spec(spec)
loader.exec_module(gc)

TRICKY = ["12/2024/QĐ-UBND", "05/2024/QĐ-UBND", "Số: 12/2024/QĐ-UBND", "12/2024/QĐ - UBND", "12/2024/QÐ-UBND",
          "12/2024/Q\u0110-UBND", "12/2024/qd-ubnd", "86/2015/QH13", "1234/UBND-VX", "1234/ubnd-kgvx",
          "01/2016/TTLT-BTC-BNV", "0/2024/QĐ-UBND", "12/2024", "12/2024/QĐ-UBND ngày 1/3/2024", "2024/QĐ",
          "1234567890/QĐ", "12/1944/QĐ-UBND", "12/2101/QĐ-UBND", "12/2100/QĐ-UBND", "12/2024/QĐ–UBND",
          "12 / 2024 / QĐ-UBND", "Quyết định 12/2024/QĐ-UBND", "12/2024/QĐ-UBND-", "12/2024/QĐ-ỦBND",
          "12/2024/QĐ-UBND-VP-TH-KT-NC-XD-GT-YT", "12/2024/QĐ-UBND-VP-TH-KT-NC-XD-GT-YT-X", "12/abcdefghijklmnop",
          "12/abcdefghijklmno", "12/2024/12QĐ", "Q\u0110 12/2024", "12/2024/Nghị-quyết", "số 12/KH-UBND",
          "12/KH-UBND", "12/CTr-UBND", "12/ĐA-UBND", "12/SKHVDT-VP", "12/2024/TT-BGDĐT", "12/2024/TTLT-BLĐTBXH-BNV",
          "１２/2024/QĐ", "12/2024/QĐ\u0301-UBND", "12/2024/ΑΒ"]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    helper = sys.argv[1]
    nums, queries = list(TRICKY), []
    if len(sys.argv) > 2:
        con = sqlite3.connect(os.path.join(sys.argv[2], "cong.db"))
        seen = set()
        for ref, fields in con.execute("SELECT ref, fields FROM items WHERE kind = 'legal'"):
            f = json.loads(fields)
            for x in [ref] + [t for r in gc.LEGAL_RELS for t in f.get(r, [])]:
                if x not in seen:
                    seen.add(x)
                    nums.append(x)
        with open(os.path.join(sys.argv[2], "queries.tsv"), encoding="utf-8") as fq:
            queries = [line.rstrip("\n").split("\t", 1)[1] for line in fq if line.startswith("docnum_legal\t")]
    lines = nums + queries
    out = subprocess.run([helper, "--keys"], input="\n".join(lines) + "\n", capture_output=True, text=True,
                         check=True).stdout.split("\n")
    bad = 0
    for x, o in zip(nums, out):
        ck = o.split("\t")[0]
        pk = gc.docnum_key(x) or "-"
        if ck != pk:
            bad += 1
            print(f"differ: {x!r}: C {ck!r}, Python {pk!r}")
    parsed = sum(1 for o in out[len(nums):len(lines)] if o.split("\t")[1] != "-")
    print(f"docnum_port_check: {len(nums)} numbers ({len(TRICKY)} tricky), {bad} keys differ;"
          f" {parsed} of {len(queries)} docnum_legal queries read as a number by docnum_query_parse")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
