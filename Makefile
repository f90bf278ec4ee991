# Cổng — build, run and test. See README.md.
CC      ?= gcc
PKGS    := libmicrohttpd sqlite3 libpq libutf8proc libsodium jansson gdlib gumbo liboath libqrencode zlib libcurl xlsxwriter gnutls libzstd libzip libxml-2.0 libical
# e-mail intake (#17): received messages are read with GMime (src/mail/mime.c)
PKGS    += gmime-3.0
BUILD   ?= build
CFLAGS  ?= -O2 -g
# project flags stay even when CFLAGS is given on the command line (make asan does)
ALL_CFLAGS = -std=c17 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wformat=2 -Isrc -I$(BUILD)/gen \
           $(shell pkg-config --cflags $(PKGS) 2>/dev/null) $(CFLAGS)
LDLIBS  += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lmagic -lcsv -lpthread -lm

SRC     := $(shell find src -name '*.c' ! -path src/main.c | sort)
OBJ     := $(SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/migrations.o $(BUILD)/gen/common_passwords.o
MIGR    := $(sort $(wildcard src/db/migrations/*.sql))
UNIT    := $(sort $(wildcard tests/unit/*.c))
DATA    ?= demo-data
LISTEN  ?= 127.0.0.1:8080

.PHONY: all deps test-deps run test unit http asan fuzz clean demo

all: cong

cong: $(BUILD)/cong
	cp $< $@.tmp && mv -f $@.tmp $@

$(BUILD)/cong: $(OBJ) $(BUILD)/src/main.o
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/%.o: %.c $(wildcard src/*/*.h src/*.h) | $(BUILD)/gen/migrations.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/gen/migrations.c: $(MIGR) tools/embed.sh
	@mkdir -p $(dir $@)
	sh tools/embed.sh $@ $(MIGR)

$(BUILD)/gen/migrations.o: $(BUILD)/gen/migrations.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The 10,000 most common passwords are built into cong (refused wherever a password is set):
# from npm @zxcvbn-ts/language-common, installed here by npm ci as package-lock.json pins it.
PWLIST  := node_modules/@zxcvbn-ts/language-common/src/passwords.json
node_modules/.cong-installed-lock: package-lock.json
	@if ! cmp -s package-lock.json $@ 2>/dev/null; then \
	  echo "npm ci"; npm ci --no-audit --no-fund --loglevel=error >/dev/null || exit 1; fi
	cp package-lock.json $@

$(BUILD)/gen/common_passwords.c: node_modules/.cong-installed-lock tools/common-passwords.sh
	@mkdir -p $(dir $@)
	sh tools/common-passwords.sh $@ $(PWLIST)

$(BUILD)/gen/common_passwords.o: $(BUILD)/gen/common_passwords.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The demo province's units (src/vn/units_vl.c) are checked against the GSO's list as npm dvhcvn has
# it (tests/unit/test_units.c): that province's part of the package as C, in the unit tests only.
UNITS_PROVINCE ?= 86
$(BUILD)/gen/gso_units.c: node_modules/.cong-installed-lock tools/gso-units.sh
	@mkdir -p $(dir $@)
	sh tools/gso-units.sh $@ $(UNITS_PROVINCE) node_modules/dvhcvn

$(BUILD)/gen/gso_units.o: $(BUILD)/gen/gso_units.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/unit-tests: $(OBJ) $(UNIT:%.c=$(BUILD)/%.o) $(BUILD)/gen/gso_units.o
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

deps:
	@sh scripts/deps.sh

test-deps:
	@sh scripts/deps.sh test

run: deps
	$(MAKE) all
	@test -f $(DATA)/cong.db || ./cong demo --data $(DATA) --domain localhost
	@echo
	@echo "Cổng is serving $(DATA) on http://$(LISTEN)/  (Ctrl+C stops it)"
	@echo "  main portal:      http://localhost:8080/   (or http://127.0.0.1:8080/)"
	@echo "  component sites:  http://snv.localhost:8080/   http://chauthanh.localhost:8080/"
	@echo "  admin sign-in:    http://snv.localhost:8080/quan-tri/  as phongvien.snv (reporter), btv.snv"
	@echo "                    (editor), bientap.snv (approver) or admin; one-time password VinhLong@2026-Demo,"
	@echo "                    changed at first sign-in; approvers and admins then enrol an authenticator app"
	@echo
	./cong serve --data $(DATA) --listen $(LISTEN) --domain localhost

# Every test layer; the last line is the total "N passed, N failed".
test: test-deps
	$(MAKE) all $(BUILD)/unit-tests
	@sh tests/run.sh $(BUILD)

asan:
	@sh scripts/deps.sh test
	$(MAKE) BUILD=build-asan CC=clang \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	  LDFLAGS="-fsanitize=address,undefined" build-asan/cong build-asan/unit-tests
	@ASAN_OPTIONS=detect_leaks=1 sh tests/run.sh build-asan

# Each fuzz target runs FUZZ_SECONDS (default 60); crashes are written to build-fuzz/. A target's
# seeds, when it has some, are in tests/fuzz/seeds-<target>/.
FUZZ_SECONDS ?= 60
FUZZ_CFLAGS := -std=c17 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -Isrc -Ibuild-fuzz/gen \
               $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
FUZZ_LIB    := $(filter-out src/cmd/% src/web/% src/http/% src/demo/%,$(SRC)) src/http/range.c src/http/prefs.c
FUZZ_LIB    += src/http/visits.c # #17: fuzz_visits (the Referer's host, the crawler check)
fuzz:
	@sh scripts/deps.sh test
	@mkdir -p build-fuzz/gen
	sh tools/embed.sh build-fuzz/gen/migrations.c $(MIGR)
	sh tools/common-passwords.sh build-fuzz/gen/common_passwords.c $(PWLIST)
	@for t in tests/fuzz/fuzz_*.c; do \
	  n=$$(basename $$t .c); \
	  clang $(FUZZ_CFLAGS) -o build-fuzz/$$n $$t $(FUZZ_LIB) build-fuzz/gen/migrations.c build-fuzz/gen/common_passwords.c $(LDLIBS) || exit 1; \
	  mkdir -p build-fuzz/corpus-$$n; \
	  echo "== $$n ($(FUZZ_SECONDS)s)"; \
	  ./build-fuzz/$$n -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=build-fuzz/ build-fuzz/corpus-$$n $$(ls -d tests/fuzz/seeds-$$n 2>/dev/null) \
	    > build-fuzz/$$n.log 2>&1; st=$$?; tail -3 build-fuzz/$$n.log; [ $$st -eq 0 ] || exit $$st; \
	done

# Benchmarks on a generated data set of ARTICLES Vietnamese articles on 150 sites in
# $(BUILD)/bench-data/ARTICLES (kept between runs; bench/gen-corpus). bench: the four public pages
# with wrk, cached and with the cache off (req/s, p50, p99), start-up time, resident memory and
# publish-to-visible time (bench/pages.sh; DURATION, CONNS, PUBLISHES… in its header).
# bench-search: a timed full reindex, p50/p95 per query class (LEGAL=N: N legal documents too).
ARTICLES ?= 100000
.PHONY: bench bench-nginx bench-search bench-deps
bench: bench-deps
	$(MAKE) cong
	bash bench/pages.sh $(ARTICLES) $(BUILD)/bench-data/$(ARTICLES) ./cong

# bench-nginx: the same four pages against nginx serving their bytes (../shared/bench/vs-nginx.sh)
bench-nginx: bench-deps
	$(MAKE) cong
	bash bench/vs-nginx-all.sh $(ARTICLES) $(BUILD)/bench-data/$(ARTICLES) ./cong

bench-deps:
	@sh scripts/deps.sh bench

# the library the bench helpers link: no commands, pages or server, but the visit counts the
# scheduler flushes (http/visits.o)
BENCH_LIB := $(filter-out $(BUILD)/src/cmd/% $(BUILD)/src/web/% $(BUILD)/src/http/% $(BUILD)/src/demo/%,$(OBJ)) $(BUILD)/src/http/visits.o
LEGAL ?= 0
bench-search: cong $(BUILD)/bench/search_bench
	LEGAL=$(LEGAL) sh bench/search.sh $(ARTICLES) $(BUILD)/bench-data/$(ARTICLES) $(BUILD)/bench/search_bench ./cong

$(BUILD)/bench/search_bench: $(BENCH_LIB) $(BUILD)/bench/search_bench.o
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# bench helpers linked like search_bench: legal_check (gen-corpus's legal documents against the
# model: docnum keys, item_derive_at), items_bench (the items layer's public reads, timed)
$(BUILD)/bench/legal_check: $(BENCH_LIB) $(BUILD)/bench/legal_check.o
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/bench/items_bench: $(BENCH_LIB) $(BUILD)/bench/items_bench.o
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

clean:
	rm -rf build build-asan build-fuzz cong
