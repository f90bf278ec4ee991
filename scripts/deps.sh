#!/bin/sh
# deps.sh — installs the Debian 12 packages Cổng needs. Idempotent: installs only what is missing.
#   scripts/deps.sh          build and run dependencies
#   scripts/deps.sh test     also what the tests need
#   scripts/deps.sh bench    also what the page benchmark needs (make bench)
set -eu

pkgs="build-essential pkg-config libmicrohttpd-dev libsqlite3-dev sqlite3 libutf8proc-dev
libsodium-dev libjansson-dev libmagic-dev libgd-dev libgumbo-dev liboath-dev libqrencode-dev zlib1g-dev
libcurl4-openssl-dev libxlsxwriter-dev libcsv-dev libgnutls28-dev libzstd-dev libzip-dev libxml2-dev libical-dev
libpq-dev
libgmime-3.0-dev
fonts-dejavu-core
ca-certificates"
command -v node >/dev/null 2>&1 || pkgs="$pkgs nodejs"
if [ "${1:-}" = test ]; then
	# unit and HTTP tests, sanitizers and fuzzing (clang), real-browser tests (chromium, node);
	# the feeds are read by a real feed parser (feedparser: tests/http/test_feeds.py)
	pkgs="$pkgs python3 python3-html5lib python3-feedparser python3-icalendar python3-vobject curl clang chromium strace faketime"
	# the statistics tests make XLSX files with openpyxl (tests/http/test_statistics.py)
	pkgs="$pkgs python3-openpyxl"
	# contrib/ checked by tests/http/test_deploy.py: cong behind a real nginx (TLS from openssl),
	# logrotate's rotation, systemd-analyze verify of the unit
	pkgs="$pkgs nginx openssl logrotate systemd"
	# the off-site leg of the backup tests: a real SFTP server on loopback (tests/http/test_backup.py)
	pkgs="$pkgs openssh-server"
	# the HTTP tests' second run, on a throwaway PostgreSQL cluster (tests/http/pglib.py: its
	# server binaries and psql)
	pkgs="$pkgs postgresql"
	# the e-mail intake's tests read a real IMAP server on loopback, started in a temporary
	# folder (tests/http/test_mail_intake.py)
	pkgs="$pkgs dovecot-imapd"
fi
if [ "${1:-}" = bench ]; then
	# wrk loads the pages; the generator's text comes from the Vietnamese hunspell word list;
	# sqlite3 (above) picks the pages, python3 runs the generator and the publish/start-up timers
	pkgs="$pkgs wrk curl python3 hunspell-vi"
fi
# the rich-text editor (and the browser tests) come from npm: node and npm are needed to build
command -v npm >/dev/null 2>&1 || pkgs="$pkgs npm"

missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ] && [ "$(id -u)" != 0 ]; then
	echo "deps: missing Debian packages:$missing" >&2
	echo "deps: run as root (or: sudo apt-get install$missing)" >&2
	exit 1
fi
if [ -n "$missing" ]; then
	echo "deps: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# Front-end packages (the editor; the browser-test tools) come from npm at build time, as
# package-lock.json pins them, and are never copied into the tree.
if ! cmp -s package-lock.json node_modules/.cong-installed-lock 2>/dev/null; then
	echo "deps: npm ci"
	npm ci --no-audit --no-fund --loglevel=error >/dev/null
	cp package-lock.json node_modules/.cong-installed-lock
fi
