#!/bin/sh
# deps.sh — installs the Debian 12 packages Cổng needs. Idempotent: installs only what is missing.
#   scripts/deps.sh          build and run dependencies
#   scripts/deps.sh test     also what the tests need
set -eu

pkgs="build-essential pkg-config libmicrohttpd-dev libsqlite3-dev sqlite3 libutf8proc-dev
libsodium-dev libjansson-dev libmagic-dev libgd-dev fonts-dejavu-core ca-certificates"
if [ "${1:-}" = test ]; then
	pkgs="$pkgs python3 python3-html5lib curl clang"
fi

missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "deps: missing Debian packages:$missing" >&2
	echo "deps: run as root (or: sudo apt-get install$missing)" >&2
	exit 1
fi
echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
