#!/bin/sh
# search.sh — the search benchmark end to end: generate a corpus (bench/gen-corpus) unless DIR
# already holds one of N articles, rebuild the index with `cong reindex` (timed), then time the
# query classes in-process (search_bench) and print the table. Run by `make bench-search`.
# usage: bench/search.sh ARTICLES DIR SEARCH_BENCH [CONG]; LEGAL=N also writes N legal documents
# (gen-corpus --legal: the class "legal document number, as typed")
set -eu
articles=${1:?usage: bench/search.sh ARTICLES DIR SEARCH_BENCH [CONG]}
dir=${2:?}
bench=${3:?}
cong=${4:-./cong}
here=$(cd "$(dirname "$0")" && pwd)

now() { date +%s.%N; }
secs() { echo "$1 $2" | awk '{ printf "%.1f", $2 - $1 }'; }

gen=""
if [ -f "$dir/cong.db" ] && [ -f "$dir/queries.tsv" ] && [ "$(cat "$dir/articles" 2>/dev/null)" = "$articles" ]; then
	echo "bench: reusing the corpus in $dir (remove it to generate anew)" >&2
else
	t0=$(now)
	python3 "$here/gen-corpus" --data "$dir" --articles "$articles" --legal "${LEGAL:-0}" --cong "$cong" --force
	gen=$(secs "$t0" "$(now)")
	echo "$articles" >"$dir/articles"
fi
[ -n "$gen" ] || gen=$(cat "$dir/gen-seconds" 2>/dev/null || echo "")
[ -z "$gen" ] || echo "$gen" >"$dir/gen-seconds"

# the full reindex, timed; `cong reindex` when this cong has it, else search_reindex in-process
t0=$(now)
if "$cong" reindex --help >/dev/null 2>&1; then
	how="cong reindex"
	out=$("$cong" reindex --data "$dir")
	echo "$out"
	# "search index rebuilt in X s, and N items derived again in Y s": the index's own time
	idx=$(echo "$out" | sed -n 's/^search index rebuilt in \([0-9.]*\) s.*/\1/p')
else
	how="search_bench --reindex (this cong has no reindex command)"
	"$bench" --data "$dir" --reindex
fi
re=$(secs "$t0" "$(now)")
echo "bench: full reindex of $articles articles by $how: $re s${idx:+ (the search index: $idx s)}" >&2
[ -z "${idx:-}" ] || re="$re (search index $idx)"

echo
echo "## Search benchmark: $articles articles, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
"$bench" --data "$dir" --reindex-seconds "$re" ${gen:+--gen-seconds "$gen"} --articles "$articles"
