#!/bin/sh
# pwhash-time.sh [BUILD] [ROUNDS] — measures one argon2id password hash with the project's own
# password_hash() (linked from BUILD's objects: run `make cong` first) and neighbouring
# parameters. The figures go into docs/security.md ("Password hashing").
set -eu
build=${1:-build}
rounds=${2:-20}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
# the libraries the Makefile links with, and the objects below the web layer (as the benchmarks)
pkgs=$(sed -n 's/^PKGS *:= *//p' Makefile)
objs=$(find "$build/src" -name '*.o' ! -path "$build/src/main.o" ! -path "$build/src/cmd/*" ! -path "$build/src/web/*" \
	! -path "$build/src/http/*" ! -path "$build/src/demo/*" | sort)
out=$build/tests/pwhash_time
mkdir -p "$(dirname "$out")"
# shellcheck disable=SC2086
cc -std=c17 -D_GNU_SOURCE -O2 -Isrc -I"$build/gen" $(pkg-config --cflags $pkgs) -o "$out" \
	tests/security/pwhash_time.c $objs "$build/gen/migrations.o" "$build/gen/common_passwords.o" $(pkg-config --libs $pkgs) -lmagic -lpthread -lm
echo "$(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), libsodium $(pkg-config --modversion libsodium)"
"$out" "$rounds"
