# pagelib.sh — sourced by bench/pages.sh and bench/vs-nginx-all.sh: the data set (reused or
# generated), the four pages picked from its database, starting and stopping `cong serve` on a
# free loopback port (every server is stopped on exit).
# The caller sets: articles, dir, cong (absolute), here (bench/), log (a folder for logs), and the
# tools it needs in "tools".
# shellcheck shell=bash disable=SC2154,SC2034

say() { echo "bench: $*" >&2; }
die() { echo "bench: $*" >&2; exit 1; }

for t in $tools; do
	command -v "$t" >/dev/null 2>&1 || die "$t is missing: run 'sh scripts/deps.sh bench' as root (make bench does)"
done
[ -x "$cong" ] || die "$cong not found (make cong)"

# ---- the data set ------------------------------------------------------------------------------
if [ -f "$dir/cong.db" ] && [ "$(cat "$dir/articles" 2>/dev/null)" = "$articles" ]; then
	say "reusing the data set in $dir (remove it to generate anew)"
elif [ -f "$dir/cong.db" ] && [ ! -f "$dir/articles" ]; then
	die "$dir/cong.db exists but was not made by gen-corpus (no $dir/articles): not touching it"
else
	t0=$(date +%s)
	python3 "$here/gen-corpus" --data "$dir" --articles "$articles" --cong "$cong" --force
	echo "$articles" >"$dir/articles"
	echo $(($(date +%s) - t0)) >"$dir/gen-seconds"
fi
db=$dir/cong.db
q() { sqlite3 -readonly -batch -noheader -separator '|' "$db" "$1"; }

covers=$(q "SELECT count(*) FROM media")
[ "$covers" -gt 0 ] || say "note: this data set has no cover images (generated before gen-corpus made them);" \
	"'python3 bench/gen-corpus --data $dir --add-covers' adds them (about 30 s for 1,000,000 articles)"

base=$(q "SELECT value FROM settings WHERE key = 'base_domain'")
[ -n "$base" ] || base=localhost
# the component site: the first department (else the first site that is not the main portal)
comp=$(q "SELECT id || '|' || slug FROM sites WHERE kind <> 'main' ORDER BY kind <> 'department', id LIMIT 1")
[ -n "$comp" ] || die "no component site in $db"
comp_id=${comp%%|*}
comp_slug=${comp#*|}
# its category with the most published articles (a leaf: the parents list their own)
cat=$(q "SELECT c.id || '|' || c.slug || '|' || (SELECT count(*) FROM items a WHERE a.category_id = c.id
	AND a.state = 'published') AS n FROM categories c WHERE c.site_id = $comp_id ORDER BY n DESC, c.id LIMIT 1")
[ -n "$cat" ] || die "site $comp_slug has no category"
IFS='|' read -r cat_id cat_slug cat_n <<EOF
$cat
EOF
# its newest published article, with a cover when there are covers
art=$(q "SELECT id || '|' || slug FROM items WHERE site_id = $comp_id AND state = 'published'
	ORDER BY cover_id IS NULL, published_at DESC LIMIT 1")
[ -n "$art" ] || die "site $comp_slug has no published article"
art_id=${art%%|*}
art_slug=${art#*|}
# publishing goes to another site than the measured ones: the last commune (else the last site)
pub_slug=$(q "SELECT slug FROM sites WHERE kind <> 'main' AND id <> $comp_id ORDER BY kind = 'commune' DESC, id DESC LIMIT 1")
[ -n "$pub_slug" ] || pub_slug=$comp_slug
total=$(q "SELECT count(*) FROM items WHERE state = 'published'")
nsites=$(q "SELECT count(*) FROM sites")

# the four pages: label, host, path
labels=("main portal home" "component home ($comp_slug)" "category page ($comp_slug, $cat_n articles)" "article page ($comp_slug)")
hosts=("$base" "$comp_slug.$base" "$comp_slug.$base" "$comp_slug.$base")
paths=("/" "/" "/chuyen-muc/$cat_slug-$cat_id" "/tin/$art_slug-$art_id")

rm -rf "$log"
mkdir -p "$log"

# ---- servers -----------------------------------------------------------------------------------
pids=""
cleanup() {
	for p in $pids; do
		kill "$p" 2>/dev/null || true
	done
	for p in $pids; do
		wait "$p" 2>/dev/null || true
	done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_server CACHE_MB LOGFILE: sets srv_pid and srv_port once /healthz answers 200
start_server() {
	local try i code
	for try in 1 2 3 4 5; do
		srv_port=$(free_port)
		"$cong" serve --data "$dir" --listen "127.0.0.1:$srv_port" --quiet --cache-mb "$1" \
			--rate-limit-scale 100 >>"$2" 2>&1 &
		srv_pid=$!
		pids="$pids $srv_pid"
		for i in $(seq 600); do
			kill -0 "$srv_pid" 2>/dev/null || break
			code=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: $base" "http://127.0.0.1:$srv_port/healthz" || true)
			[ "$code" = 200 ] && return 0
			sleep 0.1
		done
		kill "$srv_pid" 2>/dev/null || true
		wait "$srv_pid" 2>/dev/null || true
		say "cong serve did not start on port $srv_port (try $try): $(tail -2 "$2" | tr '\n' ' ')"
	done
	die "cong serve does not start; its log: $2"
}

stop_server() {
	kill "$srv_pid" 2>/dev/null || true
	wait "$srv_pid" 2>/dev/null || true
	pids=$(echo "$pids" | tr ' ' '\n' | grep -vx "$srv_pid" | tr '\n' ' ' || true)
}

# mem_of PID: "VmRSS VmHWM" in MiB
mem_of() {
	awk '/^VmRSS:/{r=$2} /^VmHWM:/{h=$2} END{printf "%.1f %.1f", r/1024, h/1024}' "/proc/$1/status"
}

# resolve I: checks page I answers 200 (following one redirect on the same host: a slug that
# changed), records its size and X-Cache
declare -a sizes
resolve() {
	local i=$1 out code loc size
	out=$(curl -s -o /dev/null -w '%{http_code} %{size_download} %{redirect_url}' -H "Host: ${hosts[$i]}" \
		"http://127.0.0.1:$srv_port${paths[$i]}")
	read -r code size loc <<EOF
$out
EOF
	if [ "$code" = 301 ] || [ "$code" = 302 ] || [ "$code" = 308 ]; then
		paths[i]=/${loc#*://*/}
		say "${labels[$i]}: redirected to ${paths[$i]}"
		out=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' -H "Host: ${hosts[$i]}" \
			"http://127.0.0.1:$srv_port${paths[$i]}")
		read -r code size <<EOF
$out
EOF
	fi
	[ "$code" = 200 ] || die "${labels[$i]}: GET http://${hosts[$i]}${paths[$i]} answered $code"
	sizes[i]=$size
}

xcache() {
	curl -s -o /dev/null -D - -H "Host: ${hosts[$1]}" "http://127.0.0.1:$srv_port${paths[$1]}" |
		awk -F': *' 'tolower($1)=="x-cache"{sub(/\r$/,"",$2); v=$2} END{print v==""?"-":v}'
}

