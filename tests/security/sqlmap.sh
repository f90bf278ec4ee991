#!/bin/sh
# sqlmap.sh [CONG] — a scripted sqlmap run (Debian's package) against a throw-away Cổng.
#
#   sh tests/security/sqlmap.sh build/cong
#
# Builds nothing: CONG is the binary to test (default ./build/cong). Makes a temporary data
# folder (cong init, cong site add "Sở Nội vụ", a site administrator from cong user add), starts
# `cong serve` on a free loopback port, publishes one category and one article through the
# admin pages (so the public URLs and the search index are real), then runs sqlmap in batch mode
# against every public input and the admin pages' query strings:
#   search (a component site and the main portal: q, trang, tu, den, chuyen-muc, trang-web),
#   category and article URLs (injection markers in the slug-id path and in ?trang=),
#   the print view, the Host header, the sign-in POST (username, password, tiep; with a valid
#   CSRF token and cookie, so the requests reach the handler instead of a 403), and, signed in,
#   the dashboard, the audit-log filters, the media library, the category editor and the
#   revision comparison.
# Prints one line per target, then "sqlmap: N targets, 0 injectable" and exits 0; exits 1 naming
# what sqlmap found injectable; exits 2 when a target could not be tested (a sqlmap error, or the
# server's log shows the payloads stopped before the code under test: sign-ins refused with 403
# or 429, admin pages answered with the sign-in redirect). Each target's line gives the server's
# answers, e.g. "938x401". Not part of `make test` (about 5 minutes). Environment:
#   SQLMAP_LEVEL (3), SQLMAP_RISK (2), SQLMAP_TECHNIQUE (BEUST), SQLMAP_DBMS (empty: every DBMS's
#   payloads; SQLite is what Cổng uses), SQLMAP_SIGNIN_DBMS (SQLite: the sign-in target's, where
#   each request costs a password hash), SQLMAP_ONLY (a substring: run only matching targets),
#   KEEP=1 (keep the temporary folder with sqlmap's and the server's logs).
set -eu

bin=${1:-./build/cong}
root=$(cd "$(dirname "$0")/../.." && pwd)
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
if [ ! -x "$bin" ]; then
	echo "sqlmap.sh: $bin is not an executable (build it first: make cong)" >&2
	exit 2
fi
export CONG_ROOT="$root"
level=${SQLMAP_LEVEL:-3}
risk=${SQLMAP_RISK:-2}
technique=${SQLMAP_TECHNIQUE:-BEUST}
dbms=${SQLMAP_DBMS:-}
signin_dbms=${SQLMAP_SIGNIN_DBMS-SQLite}
only=${SQLMAP_ONLY:-}

# ---- sqlmap, from Debian ----
if ! command -v sqlmap >/dev/null 2>&1; then
	if [ "$(id -u)" != 0 ]; then
		echo "sqlmap.sh: sqlmap is missing (apt-get install sqlmap, as root)" >&2
		exit 2
	fi
	echo "sqlmap.sh: installing sqlmap"
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y -qq --no-install-recommends sqlmap >/dev/null 2>&1 ||
		{ apt-get update -qq && apt-get install -y -qq --no-install-recommends sqlmap >/dev/null; }
fi
for t in curl python3 sqlite3; do
	command -v $t >/dev/null 2>&1 || { echo "sqlmap.sh: $t is missing (scripts/deps.sh test)" >&2; exit 2; }
done
version=$(sqlmap --version 2>/dev/null | head -1)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cong-sqlmap.XXXXXX")
data=$tmp/data
pid=
cleanup() {
	if [ -n "$pid" ]; then
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	fi
	if [ "${KEEP:-0}" = 1 ] || [ "${failed_run:-0}" = 1 ]; then
		echo "sqlmap.sh: logs kept in $tmp"
	else
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
failed_run=1 # until the end is reached

# ---- the data folder ----
PW1='Abc@12345-Mot-Lan'   # the one-time password of cong user add
PW2='Xyz@67890-Doi-Roi'   # what it is changed to at the first sign-in
USER=kiemthu
"$bin" init --data "$data" --domain localhost >/dev/null
"$bin" site add --data "$data" --name "Sở Nội vụ" >/dev/null
printf '%s\n' "$PW1" | "$bin" user add --data "$data" --username $USER --role siteadmin --site snv \
	--name "Người kiểm thử" --password-stdin >/dev/null
# Sign-in with a second factor is required of site administrators by default; this throw-away
# folder turns that off so that sqlmap can reach the admin pages with a plain session cookie.
sqlite3 "$data/cong.db" "INSERT INTO settings (key, value) VALUES ('mfa_required_roles', '')
	ON CONFLICT (key) DO UPDATE SET value = excluded.value" 2>/dev/null || true
# The public forms' proof of work at one bit: each payload gets a fresh challenge (--eval below)
# solved in a try or two, so that the payloads reach the submission's code, not the challenge.
sqlite3 "$data/cong.db" "INSERT INTO settings (key, value) VALUES ('challenge_bits', '1')
	ON CONFLICT (key) DO UPDATE SET value = excluded.value" 2>/dev/null || true

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The rate limits are scaled up (sqlmap sends thousands of requests from one address). The
# server trusts 127.0.0.1 as a proxy so that the sign-in target can send each payload from a
# random X-Forwarded-For address (sqlmap's xforwardedfor tamper script): otherwise the per-address
# lock after 30 failed sign-ins would answer every later payload with 429 without running a query.
"$bin" serve --data "$data" --listen "127.0.0.1:$port" --rate-limit-scale 1000 --trust-proxy 127.0.0.1 \
	--threads 2 >"$tmp/serve.log" 2>&1 &
pid=$!
main="localhost:$port"
snv="snv.localhost:$port"
i=0
until curl -fs -o /dev/null -H "Host: $main" "http://127.0.0.1:$port/healthz"; do
	i=$((i + 1))
	if [ $i -gt 100 ] || ! kill -0 "$pid" 2>/dev/null; then
		echo "sqlmap.sh: cong serve did not start:" >&2
		tail -5 "$tmp/serve.log" >&2
		exit 2
	fi
	sleep 0.1
done

# ---- content, through the admin pages of snv ----
jar=$tmp/cookies.txt
c() { curl -s --resolve "snv.localhost:$port:127.0.0.1" -b "$jar" -c "$jar" "$@"; }
url="http://$snv"
csrf_of() { awk '$6 == "cong_csrf" { print $7 }' "$jar" | tail -1; }
sid_of() { awk '$6 == "cong_sid" { print $7 }' "$jar" | tail -1; }
expect() { # STATUS WHAT  (reads "code location" from stdin)
	read -r code loc || true
	if [ "$code" != "$1" ]; then
		echo "sqlmap.sh: setting up: $2 answered $code (expected $1)" >&2
		tail -5 "$tmp/serve.log" >&2
		exit 2
	fi
	printf '%s\n' "$loc"
}
c -o /dev/null "$url/quan-tri/dang-nhap"
csrf=$(csrf_of)
c -o /dev/null -w '%{http_code} %{redirect_url}\n' --data-urlencode "username=$USER" --data-urlencode "password=$PW1" \
	--data-urlencode "csrf=$csrf" "$url/quan-tri/dang-nhap" | expect 303 "sign-in" >/dev/null
c -o /dev/null -w '%{http_code} %{redirect_url}\n' --data-urlencode "old_password=$PW1" \
	--data-urlencode "new_password=$PW2" --data-urlencode "confirm=$PW2" --data-urlencode "csrf=$csrf" \
	"$url/quan-tri/doi-mat-khau" | expect 303 "password change" >/dev/null
c -o /dev/null -w '%{http_code} %{redirect_url}\n' --data-urlencode "name=Tin tức - Sự kiện" \
	--data-urlencode "description=" --data-urlencode "position=" --data-urlencode "csrf=$csrf" \
	"$url/quan-tri/chuyen-muc" | expect 303 "new category" >/dev/null
catpath=$(c "$url/quan-tri/chuyen-muc" | grep -o 'href="/chuyen-muc/[^"]*"' | head -1 | sed 's/^href="//; s/"$//')
catid=${catpath##*-}
catslug=${catpath#/chuyen-muc/}
catslug=${catslug%-*}
loc=$(c -o /dev/null -w '%{http_code} %{redirect_url}\n' --form-string "title=Sở Nội vụ tập huấn nghiệp vụ văn thư, lưu trữ năm 2026" \
	--form-string "summary=Hội nghị tập huấn cho cán bộ văn thư các cơ quan, đơn vị." \
	--form-string "body=<p>Sáng nay, Sở Nội vụ tổ chức tập huấn nghiệp vụ văn thư, lưu trữ.</p>" \
	--form-string "category_id=$catid" --form-string "csrf=$csrf" "$url/quan-tri/bai-viet/moi" | expect 303 "new article")
aid=$(printf '%s\n' "$loc" | sed -n 's|.*/quan-tri/bai-viet/\([0-9][0-9]*\).*|\1|p')
# one person plays every role here: the approver may publish what they wrote
c -o /dev/null -w '%{http_code} %{redirect_url}\n' --data-urlencode "approval_steps=2" \
	--data-urlencode "approver_may_be_author=1" --data-urlencode "csrf=$csrf" \
	"$url/quan-tri/cai-dat" | expect 303 "settings" >/dev/null
for action in submit edited publish; do
	c -o /dev/null -w '%{http_code} %{redirect_url}\n' --data-urlencode "action=$action" --data-urlencode "csrf=$csrf" \
		"$url/quan-tri/bai-viet/$aid/chuyen" | expect 303 "$action" >/dev/null
done
# a second revision, for the comparison page
c -o /dev/null -w '%{http_code} %{redirect_url}\n' --form-string "title=Sở Nội vụ tập huấn nghiệp vụ văn thư, lưu trữ năm 2026" \
	--form-string "summary=Hội nghị tập huấn cho cán bộ văn thư." --form-string "body=<p>Sở Nội vụ tổ chức tập huấn văn thư, lưu trữ.</p>" \
	--form-string "category_id=$catid" --form-string "csrf=$csrf" "$url/quan-tri/bai-viet/$aid" >/dev/null
artpath=$(c -o /dev/null -w '%{redirect_url}' "$url/tin/x-$aid" | sed "s|^http://$snv||")
artslug=${artpath#/tin/}
artslug=${artslug%-*}
revids=$(c "$url/quan-tri/bai-viet/$aid" | grep -o 'name="a" value="[0-9]*"' | sed 's/.*value="//; s/"//' | sort -n)
rev_a=$(printf '%s\n' "$revids" | head -1)
rev_b=$(printf '%s\n' "$revids" | tail -1)
# an open consultation on a draft (docs/consultation.md), for its list's filters, the
# comment form and the staff's export
today=$(TZ=Asia/Ho_Chi_Minh date +%d/%m/%Y)
later=$(TZ=Asia/Ho_Chi_Minh date -d '+10 days' +%d/%m/%Y)
loc=$(c -o /dev/null -w '%{http_code} %{redirect_url}\n' --form-string "title=Dự thảo Quy chế công tác văn thư" \
	--form-string "summary=" --form-string "body=<p>Điều 1. Phạm vi điều chỉnh</p><p>Điều 2. Đối tượng áp dụng</p>" \
	--form-string "co_quan_soan_thao=Sở Nội vụ" --form-string "ngay_bat_dau=$today" --form-string "ngay_ket_thuc=$later" \
	--form-string "don_vi_tiep_nhan=Văn phòng Sở" --form-string "csrf=$csrf" "$url/quan-tri/du-thao/moi" |
	expect 303 "new consultation")
did=$(printf '%s\n' "$loc" | sed -n 's|.*/quan-tri/du-thao/\([0-9][0-9]*\).*|\1|p')
for action in submit edited publish; do
	c -o /dev/null -w '%{http_code} %{redirect_url}\n' --data-urlencode "action=$action" --data-urlencode "csrf=$csrf" \
		"$url/quan-tri/du-thao/$did/chuyen" | expect 303 "consultation $action" >/dev/null
done
# a solved challenge for the comment form, sent again with every payload: the payloads reach the
# form's checks (the draft, its article, the limits) before the token is spent, and every one after
# the first is then refused as used
form=$(c "$url/gui/gop-y?muc=$did")
ctoken=$(printf '%s' "$form" | grep -o 'name="challenge" value="[^"]*"' | sed 's/.*value="//; s/"$//')
cbits=$(printf '%s' "$form" | grep -o 'data-challenge-bits="[0-9]*"' | sed 's/[^0-9]//g')
cnonce=$(python3 -c 'import hashlib, sys
t, b = sys.argv[1], int(sys.argv[2]); n = 0
while int.from_bytes(hashlib.sha256(("%s:%d" % (t, n)).encode()).digest(), "big") >> (256 - b): n += 1
print(n)' "$ctoken" "$cbits")
if [ -z "$did" ] || [ -z "$ctoken" ] || [ -z "$cnonce" ]; then
	echo "sqlmap.sh: setting up the consultation failed ('$did', challenge '$ctoken')" >&2
	exit 2
fi
sid=$(sid_of)
snv_id=$(sqlite3 "$data/cong.db" "SELECT id FROM sites WHERE slug = 'snv'" 2>/dev/null || echo 2)
if [ -z "$catid" ] || [ -z "$aid" ] || [ -z "$artpath" ] || [ -z "$sid" ]; then
	echo "sqlmap.sh: setting up the content failed (category '$catpath', article '$aid' at '$artpath')" >&2
	exit 2
fi
# the search must find the article, or the search targets would test an empty page
if ! c "$url/tim-kiem?q=van+thu" | grep -q "tin/$artslug-$aid"; then
	echo "sqlmap.sh: the search page does not find the published article" >&2
	exit 2
fi
echo "sqlmap.sh: $version; cong serve on 127.0.0.1:$port; category $catpath, article $artpath"

# ---- the targets ----
ntargets=0
nclean=0
bad=""
broken=""
nparams=0
start_all=$(date +%s)
base="http://127.0.0.1:$port"

# check_answers NAME FIRST LAST: empty when the server's answers between those lines of its log
# show that the payloads reached the code under test; else why not. The sign-in must answer 401
# (not 403: CSRF refused, not 429: locked) and the signed-in pages must not all send the browser
# to the sign-in form.
check_answers() {
	slice=$(sed -n "$(($2 + 1)),${3}p" "$tmp/serve.log")
	case $1 in
	signin)
		n=$(printf '%s\n' "$slice" | grep -c "POST /quan-tri/dang-nhap" || true)
		bad=$(printf '%s\n' "$slice" | grep "POST /quan-tri/dang-nhap" | grep -cE " (403|429)$" || true)
		[ "$n" -gt 0 ] && [ $((bad * 10)) -le "$n" ] || echo "$bad of $n sign-in payloads refused (CSRF or lock)"
		;;
	admin-*)
		n=$(printf '%s\n' "$slice" | grep -cE " GET /quan-tri/" || true)
		ok=$(printf '%s\n' "$slice" | grep -E " GET /quan-tri/" | grep -cE " (200|404)$" || true)
		[ "$n" -gt 0 ] && [ $((ok * 2)) -ge "$n" ] || echo "only $ok of $n admin answers were pages (session lost?)"
		;;
	esac
}

# target NAME HOST sqlmap-arguments...
target() {
	name=$1
	host=$2
	shift 2
	case $name in *"$only"*) ;; *) return 0 ;; esac
	ntargets=$((ntargets + 1))
	out=$tmp/sqlmap/$name
	mkdir -p "$out"
	t0=$(date +%s)
	before=$(wc -l <"$tmp/serve.log")
	set -- --batch --flush-session --disable-coloring --level "$level" --risk "$risk" --technique "$technique" \
		--output-dir "$out" --timeout 30 --retries 1 -H "Host: $host" "$@"
	[ -n "$dbms" ] && set -- "$@" --dbms "$dbms"
	rc=0
	sqlmap "$@" >"$out/stdout.txt" 2>&1 </dev/null || rc=$?
	t1=$(date +%s)
	after=$(wc -l <"$tmp/serve.log")
	requests=$((after - before))
	# a parameter sqlmap first suspected and then found a false positive prints both lines: count
	# the verdicts only
	params=$(grep -cE "does not seem to be injectable|is vulnerable" "$out/stdout.txt" || true)
	nparams=$((nparams + params))
	# what the server answered meanwhile, e.g. "938x401"
	answers=$(sed -n "$((before + 1)),${after}p" "$tmp/serve.log" | grep -E " (GET|POST|HEAD) " |
		awk '{ print ($(NF - 1) == "cache") ? $(NF - 2) : $NF }' | sort | uniq -c | sort -rn |
		awk '{ printf "%s%sx%s", sep, $1, $2; sep = " " }')
	refused=$(check_answers "$name" "$before" "$after")
	if grep -q "identified the following injection point" "$out/stdout.txt" ||
		find "$out" -name log -size +0 2>/dev/null | grep -q .; then
		found=$(grep -E "^Parameter: " "$out/stdout.txt" | sort -u | tr '\n' ';')
		echo "  $name: INJECTABLE: $found ($((t1 - t0)) s)"
		bad="$bad $name"
	elif grep -q "all tested parameters do not appear to be injectable" "$out/stdout.txt"; then
		if [ -n "$refused" ]; then
			echo "  $name: NOT TESTED: $refused ($answers)"
			broken="$broken $name"
		else
			echo "  $name: $params parameters, none injectable, $requests requests ($answers), $((t1 - t0)) s"
			nclean=$((nclean + 1))
		fi
	else
		echo "  $name: NOT TESTED (sqlmap exit $rc): $(grep -E '\[CRITICAL\]|\[ERROR\]' "$out/stdout.txt" | head -2 | tr '\n' ' ')"
		broken="$broken $name"
	fi
}

search_q="q=van+thu&trang=1&tu=01/01/2020&den=31/12/2030&chuyen-muc=$catid"
target search "$snv" -u "$base/tim-kiem?$search_q"
target search-main "$main" -u "$base/tim-kiem?q=van+thu&trang-web=$snv_id&trang=1&tu=01/01/2020&den=31/12/2030"
target category "$snv" -u "$base/chuyen-muc/$catslug*-$catid*?trang=1*"
target article "$snv" -u "$base/tin/$artslug*-$aid*"
target article-print "$snv" -u "$base/tin/$artslug-$aid*/ban-in"
target host-header "snv*.localhost:$port" -u "$base/"
# The CSRF token stays the same for as long as the browser keeps its cookie: both are sent as a
# browser would (sqlmap skips them), so that each payload reaches the sign-in handler. Failed
# sign-ins lock a name after a few tries and an address after 30, before any query on the
# accounts: each payload comes from a random X-Forwarded-For address (tamper xforwardedfor), and
# while another field is tested the user name is a fresh one each time (--eval), so that every
# request runs the account query and a password verification instead of answering 429.
# Every request costs an argon2id verification (~0.1 s): this target keeps to the three form
# fields (the server reads no User-Agent or Referer) and to SQLite's payloads and the generic ones
# (SQLMAP_SIGNIN_DBMS= tests every DBMS's, several times slower).
target signin "$snv" -u "$base/quan-tri/dang-nhap" --method POST \
	--data "username=$USER&password=Sai%40matkhau1&tiep=%2Fquan-tri%2F&csrf=$csrf" \
	--cookie "cong_csrf=$csrf" --drop-set-cookie --skip "csrf,cong_csrf" --tamper xforwardedfor \
	--eval "import random; username = username if username != '$USER' else '$USER%d' % random.randint(1, 10**9)" \
	--ignore-code 401,429 -p "username,password,tiep" ${signin_dbms:+--dbms=$signin_dbms}
# signed in as the site administrator (the session cookie itself is tested too)
admin_cookie="cong_sid=$sid; cong_csrf=$csrf"
target admin-dashboard "$snv" -u "$base/quan-tri/?loc=tat-ca&trang=1" --cookie "$admin_cookie" --drop-set-cookie \
	--skip cong_csrf
target admin-audit "$snv" -u "$base/quan-tri/nhat-ky?nguoi=$USER&hanh-dong=signin&tu=01/01/2020&den=31/12/2030&trang-web=$snv_id&trang=1" \
	--cookie "$admin_cookie" --drop-set-cookie --skip "cong_sid,cong_csrf"
target admin-media "$snv" -u "$base/quan-tri/thu-vien?loai=anh&trang=1" --cookie "$admin_cookie" --drop-set-cookie \
	--skip "cong_sid,cong_csrf"
target admin-categories "$snv" -u "$base/quan-tri/chuyen-muc?sua=$catid" --cookie "$admin_cookie" --drop-set-cookie \
	--skip "cong_sid,cong_csrf"
# the register of information requests (period filters) and a reply file's download
target admin-register "$snv" -u "$base/quan-tri/so-theo-doi?tu=2026-01-01&den=2026-12-31&ca-nhan=1" --cookie "$admin_cookie" \
	--drop-set-cookie --skip "cong_sid,cong_csrf"
target ticket-file "$snv" -u "$base/theo-doi/tep?ma=TT-AAAA-BBBB&f=1&t=0123456789abcdef0123456789abcdef" --ignore-code 404
target admin-compare "$snv" -u "$base/quan-tri/bai-viet/$aid*/so-sanh?a=${rev_a:-1}*&b=${rev_b:-2}*" --cookie "$admin_cookie" --drop-set-cookie \
	--skip "cong_sid,cong_csrf"
# the consultations' list with its derived term, the comment form, the staff's export
target consultation-list "$snv" -u "$base/du-thao?lay_y_kien=dang-lay-y-kien&co_quan_soan_thao=S%E1%BB%9F+N%E1%BB%99i+v%E1%BB%A5&trang=1"
target consultation-comment "$snv" -u "$base/gui/gop-y" --method POST \
	--data "muc=$did&ten_hien_thi=Nguoi+thu&dieu=1&noi_dung=Gop+y+dieu+1&ho_ten=Nguyen+Van+A&email=a%40example.vn&nhan_thu=1&website=&challenge=$ctoken&pow=$cnonce&challenge_answer=&csrf=$csrf" \
	--cookie "cong_csrf=$csrf" --drop-set-cookie --skip "csrf,cong_csrf,challenge,pow,website,challenge_answer" \
	--ignore-code 422,429
target admin-consultation-export "$snv" -u "$base/quan-tri/du-thao/$did*/gop-y.csv" --cookie "$admin_cookie" --drop-set-cookie \
	--skip "cong_sid,cong_csrf"

# The citizens' forms (issue #14). A question: every payload with a fresh challenge fetched and
# solved by --eval (a challenge is good for one submission), the CSRF cookie a browser keeps; the
# per-address limit is per day, so the payloads come from random X-Forwarded-For addresses. (sqlmap
# sends every variable --eval leaves as a parameter: the helpers are deleted.)
ticket_eval="import urllib.request, re, hashlib
req = urllib.request.Request('$base/gui/cau-hoi', headers={'Host': '$snv', 'Cookie': 'cong_csrf=$csrf'})
page = urllib.request.urlopen(req).read().decode()
challenge = re.search(r'name=\"challenge\" value=\"([^\"]+)\"', page).group(1)
n = 0
while hashlib.sha256(('%s:%d' % (challenge, n)).encode()).digest()[0] >> 7: n += 1
pow = str(n)
del req, page, n"
target ticket-question "$snv" -u "$base/gui/cau-hoi" --method POST \
	--data "ho_ten=Nguyen+Van+A&email=a%40example.vn&dien_thoai=0909&dia_chi=Ap+1&linh_vuc=Y+t%E1%BA%BF&ten_cau_hoi=Hoi&cau_hoi=Noi+dung&nhan_thu=1&challenge=x&pow=0&challenge_answer=&website=&csrf=$csrf" \
	--cookie "cong_csrf=$csrf" --drop-set-cookie --skip "csrf,cong_csrf,challenge,pow,challenge_answer,website" \
	--tamper xforwardedfor --eval "$ticket_eval" --ignore-code 422,429
target ticket-status "$snv" -u "$base/theo-doi?ma=HD-AAAA-BBBB" --ignore-code 404
target ticket-owner "$snv" -u "$base/theo-doi" --method POST --data "ma=HD-AAAA-BBBB&email=a%40example.vn&csrf=$csrf" \
	--cookie "cong_csrf=$csrf" --drop-set-cookie --skip "csrf,cong_csrf" --ignore-code 404
target ticket-optout "$snv" -u "$base/theo-doi/ngung-nhan-thu?ma=HD-AAAA-BBBB&t=0123456789abcdef0123456789abcdef" --ignore-code 404
target admin-inbox "$snv" -u "$base/quan-tri/tiep-nhan?hop=open&loai=question&trang=1" --cookie "$admin_cookie" --drop-set-cookie \
	--skip "cong_sid,cong_csrf"

# ---- the verdict ----
end_all=$(date +%s)
total=$(wc -l <"$tmp/serve.log")
echo "sqlmap.sh: $((end_all - start_all)) s for the targets; the server logged $total requests;" \
	"$nparams parameters tested at level $level, risk $risk, techniques $technique${dbms:+, DBMS $dbms}"
if ! kill -0 "$pid" 2>/dev/null; then
	echo "sqlmap.sh: cong serve died during the run:" >&2
	tail -5 "$tmp/serve.log" >&2
	exit 2
fi
if [ -n "$bad" ]; then
	echo "sqlmap: $ntargets targets, injectable:$bad"
	exit 1
fi
if [ -n "$broken" ]; then
	echo "sqlmap: $ntargets targets, not tested:$broken"
	exit 2
fi
echo "sqlmap: $ntargets targets, 0 injectable"
failed_run=0
exit 0
