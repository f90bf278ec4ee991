#!/bin/sh
# backup.sh — times a backup, its restore drill, an incremental backup, a verify and a restore on
# a copy of a benchmark data folder (docs/operations.md, "Measured"). The data folder SRC is
# copied first (it must not be open by any process: a copy of a database in use is not a copy),
# so SRC is left as it was; everything else is made under WORK and removed at the end but the log.
# usage: bench/backup.sh SRC WORK [CONG]
#   e.g. bench/backup.sh build/bench-data/mixed-100000 /var/tmp/cong-bench ./cong
set -u
src=${1:?usage: bench/backup.sh SRC WORK [CONG]}
work=${2:?}
cong=${3:-./cong}
d=$work/data b=$work/backups r=$work/restored
rm -rf "$d" "$b" "$r"
mkdir -p "$work"
cp -a "$src" "$d"
t() { /usr/bin/time -f "%e s elapsed (%U s user, %S s system), %M kB max resident" "$@" 2>&1 | grep -v "common passwords"; }
echo "== $src"; du -sb "$d/cong.db" "$d/media"
echo "== backup, with its restore drill"; t "$cong" backup --data "$d" --to "$b"
ls -l "$b"
echo "== second backup (incremental), no drill"; t "$cong" backup --data "$d" --to "$b" --no-drill
a=$(ls "$b"/*.cbk | tail -1)
echo "== verify"; t "$cong" backup verify "$a" --data "$d" --work "$work"
echo "== restore"; t "$cong" restore --from "$a" --data "$r" --key "$d/backup.key"
du -sb "$r"
rm -rf "$d" "$b" "$r"
