#!/bin/sh
# run.sh [BUILD] — runs every test layer against BUILD/ (build or build-asan) and ends with one
# line "N passed, N failed" totalling them all (the unit and HTTP tests count twice: on SQLite,
# then on PostgreSQL). A layer that dies without its summary line counts as one failure. Exit status 1
# when anything failed.
set -u
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
export CONG_ROOT="$root"
passed=0
failed=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT

layer() { # name command...
	name=$1
	shift
	echo "== $name"
	"$@" >"$out" 2>&1
	rc=$?
	cat "$out"
	line=$(grep -E '^[a-z-]+: [0-9]+ passed, [0-9]+ failed' "$out" | tail -1)
	if [ -z "$line" ]; then
		echo "$name: no summary line (exit $rc): counted as 1 failure"
		failed=$((failed + 1))
		return
	fi
	p=$(echo "$line" | sed -E 's/^[a-z-]+: ([0-9]+) passed, ([0-9]+) failed.*/\1/')
	f=$(echo "$line" | sed -E 's/^[a-z-]+: ([0-9]+) passed, ([0-9]+) failed.*/\2/')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "$name: exit $rc with no failed test: counted as 1 failure"
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
}

layer unit "./$build/unit-tests"
# the same unit tests on PostgreSQL: each fresh database made on a throwaway cluster
layer unit-pg python3 tests/http/pglib.py -- "./$build/unit-tests"
layer http python3 tests/http/run.py --cong "./$build/cong"
# the same HTTP tests on PostgreSQL: a throwaway cluster (tests/http/pglib.py), a database per folder
layer http-pg python3 tests/http/run.py --pg --cong "./$build/cong"
layer browser node tests/browser/run.mjs --cong "./$build/cong"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
