# tradlint — build, test, install.  See README.md.
.SUFFIXES:

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(PREFIX)/bin
DATADIR  = $(PREFIX)/share/tradlint
MANDIR   = $(PREFIX)/share/man/man1
MANDIR_PT = $(PREFIX)/share/man/pt_BR/man1
LIBDIR  ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
DOCDIR  ?= $(PREFIX)/share/doc/tradlint
# Where SARIF helpUri and rdjson code.url point (+ "#rule"): the installed
# docs/rules.md by default; a newsroom that hosts tradlint sets its web copy.
DOCS_URL ?= file://$(DOCDIR)/rules.md

CC      ?= cc
BUILD   ?= build
OPT     ?= -O2 -g
WARN     = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2 -Wundef -Wcast-qual -Wvla
WERROR  ?=
SAN      = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
PKGS     = hunspell libutf8proc md4c md4c-html sqlite3 jansson libmicrohttpd libxml-2.0 libpq
DEBPKGS  = pkg-config libhunspell-dev hunspell-pt-br hunspell-en-us libutf8proc-dev libmd4c-html0-dev \
           libmd4c-dev libsqlite3-dev libcmocka-dev libjansson-dev libmicrohttpd-dev \
           libxml2-dev libunistring-dev libpq-dev postgresql hunspell python3 dict-freedict-eng-por
# (postgresql: the server the shared-memory tests start in a temporary
# folder; the build needs only libpq-dev)
# (libunistring-dev: a static link of libtradlint.a pulls in libmicrohttpd's
# GnuTLS, whose -lunistring has no .so link without it)
# only to regenerate dictionaries/pt-PT.tsv (make check-data)
DATAPKGS = hunspell-pt-pt hunspell-tools
FREEDICT_DIR ?= /usr/share/dictd
# only for the test suite: SARIF schema validation, the HTML report rendered
TESTPKGS = python3-jsonschema chromium patch pre-commit libxml2-utils python3-junitparser \
           golang-go golang-github-haya14busa-go-checkstyle-dev neovim curl \
           openssl time
# Node.js for the browser and LSP clients (playwright-core, vscode-jsonrpc,
# pinned in tests/node/package-lock.json) and the VS Code extension
NODEPKGS = nodejs npm
VERSION  = 0.1.0
# The shared library's ABI version (docs/ABI.md): libtradlint.so.$(SOVERSION)
SOVERSION = 1
SONAME   = libtradlint.so.$(SOVERSION)

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# Hunspell, libpq, libxml2, libmicrohttpd and SQLite are opened on first
# use (src/lazylib.c), not linked: with the 28 libraries they pull in (the
# C++ runtime among them), they were nine tenths of every run's start-up
# (SQLite alone: 1,600 symbol bindings at each start, --no-db or not).
# Their headers are still needed.
LAZY_PKGS  = hunspell libmicrohttpd libxml-2.0 libpq sqlite3
LINK_PKGS  = $(filter-out $(LAZY_PKGS),$(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(LINK_PKGS) 2>/dev/null)
CPPFLAGS  += -D_XOPEN_SOURCE=700 -DTL_VERSION='"$(VERSION)"' \
             -DTL_DATADIR='"$(DATADIR)"' -DTL_DOCS_URL='"$(DOCS_URL)"' -Iinclude -Isrc
CFLAGS    += $(OPT) $(WARN) $(WERROR) -fvisibility=hidden -fPIC $(PKG_CFLAGS) $(EXTRA_CFLAGS)
LDLIBS    += $(PKG_LIBS) -ldl -lpthread -lm
TEST_LIBS  = $(shell pkg-config --libs cmocka 2>/dev/null)

LIB_SRC  = $(filter-out src/main.c,$(wildcard src/*.c))
# the English -> Portuguese table, generated from FreeDict at build time
GEN_OBJ  = $(BUILD)/gen/bilingual_table.o $(BUILD)/gen/messages_table.o
LIB_OBJ  = $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/serve_page.o $(GEN_OBJ)
# the command layer: one file per command, linked into the binary and the
# argv fuzzer, not into libtradlint.a
CLI_SRC  = $(wildcard src/cli/*.c)
CLI_OBJ  = $(CLI_SRC:src/%.c=$(BUILD)/obj/%.o)
HEADERS  = include/tradlint.h $(wildcard src/*.h src/cli/*.h src/cli/*.def)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all check-messages deps deps-test deps-deb deb check-deb docs-check docs-update check unit golden golden-update oracle check-asan check-valgrind \
        check-symbols check-dict check-data data-update deps-data demo install uninstall clean bench fuzz vsix stress

all: $(BUILD)/tradlint $(BUILD)/libtradlint.so $(BUILD)/tradlint.pc

# $(call apt_install,TARGET,PACKAGES): apt-get them (as root, else sudo).
apt_install = echo "$(1): installing $(2)"; \
  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
  $$SUDO apt-get update -qq && \
  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(2) >/dev/null || \
  { echo "$(1): apt-get failed; install: $(2)" >&2; exit 1; }

# Install what pkg-config cannot find (Debian/Ubuntu). Idempotent: does nothing
# when every library and dictionary is already there.
deps:
	@missing=""; \
	for p in $(PKGS) cmocka; do pkg-config --exists $$p 2>/dev/null || missing=1; done; \
	for f in /usr/share/hunspell/pt_BR.dic /usr/share/hunspell/en_US.dic \
	  /usr/share/dictd/freedict-eng-por.index; do \
	  [ -f $$f ] || missing=1; done; \
	command -v hunspell >/dev/null 2>&1 || missing=1; \
	command -v python3 >/dev/null 2>&1 || missing=1; \
	dpkg -s libunistring-dev >/dev/null 2>&1 || missing=1; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing=1; \
	if [ -n "$$missing" ]; then $(call apt_install,deps,$(DEBPKGS)); fi

# What the test suite needs beyond the build (installed like deps).
deps-test: deps
	@missing=""; \
	python3 -c 'import jsonschema' 2>/dev/null || missing=1; \
	command -v chromium >/dev/null 2>&1 || missing=1; \
	command -v patch >/dev/null 2>&1 || missing=1; \
	command -v pre-commit >/dev/null 2>&1 || missing=1; \
	command -v xmllint >/dev/null 2>&1 || missing=1; \
	command -v go >/dev/null 2>&1 || missing=1; \
	/usr/bin/python3 -c 'import junitparser' 2>/dev/null || missing=1; \
	[ -d /usr/share/gocode/src/github.com/haya14busa/go-checkstyle ] || missing=1; \
	command -v nvim >/dev/null 2>&1 || missing=1; \
	command -v curl >/dev/null 2>&1 || missing=1; \
	command -v openssl >/dev/null 2>&1 || missing=1; \
	[ -x /usr/bin/time ] || missing=1; \
	pkgs="$(TESTPKGS)"; command -v npm >/dev/null 2>&1 || { missing=1; pkgs="$$pkgs $(NODEPKGS)"; }; \
	if [ -n "$$missing" ]; then $(call apt_install,deps-test,$$pkgs); fi
	@$(MAKE) -s tests/node/node_modules/.package-lock.json

# The test clients from npm, exactly as locked (never a browser download:
# playwright-core drives Debian's chromium).
tests/node/node_modules/.package-lock.json: tests/node/package-lock.json tests/node/package.json
	cd tests/node && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(BUILD)/obj/%.o: src/%.c $(HEADERS) | $(BUILD)/.deps-ok
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# The editor page of `tradlint serve`, embedded as a byte array.
$(BUILD)/gen/serve_page.c: src/serve_page.html tools/embed.py
	@mkdir -p $(@D)
	python3 tools/embed.py src/serve_page.html $@ tl_serve_page
$(BUILD)/obj/serve_page.o: $(BUILD)/gen/serve_page.c | $(BUILD)/.deps-ok
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# SKIP_DEPS=1: never run apt-get (package builds: Build-Depends did it)
$(BUILD)/.deps-ok:
	@[ -n "$(SKIP_DEPS)" ] || $(MAKE) -s deps
	@mkdir -p $(@D) && touch $@

# The English -> Portuguese word table (src/bilingual.h), from Debian's
# dict-freedict-eng-por: regenerated when its script changes.
$(BUILD)/gen/bilingual_table.c: tools/freedict_table.py | $(BUILD)/.deps-ok
	@mkdir -p $(@D)
	python3 tools/freedict_table.py $(FREEDICT_DIR) >$@.tmp && mv $@.tmp $@

$(BUILD)/gen/bilingual_table.o: $(BUILD)/gen/bilingual_table.c src/bilingual.h
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# The message catalogue (src/msg.h): po/en.po compiled in, so that English
# works under LC_ALL=C and without any locale installed. The build fails on
# an entry without its English text or with other conversions.
$(BUILD)/gen/messages_table.c: po/en.po tools/messages.py
	@mkdir -p $(@D)
	python3 tools/messages.py table po/en.po $@

$(BUILD)/gen/messages_table.o: $(BUILD)/gen/messages_table.c src/msg.h include/tradlint.h | $(BUILD)/.deps-ok
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# Every wrapped message has both texts; strict by default now that every
# module is converted: an unwrapped Portuguese literal (outside a module
# po/pending.txt lists, and outside the data po/data.txt lists) and a stale
# entry fail too (MESSAGES_STRICT=0 only lists them).
MSG_SRC = $(LIB_SRC) src/main.c $(CLI_SRC) src/cli/commands.def
MESSAGES_STRICT ?= 1
check-messages:
	@MESSAGES_STRICT=$(MESSAGES_STRICT) python3 tools/messages.py check po/en.po $(MSG_SRC)

$(BUILD)/libtradlint.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $(LIB_OBJ)

# The shared library: only the TL_API names are exported (-fvisibility).
$(BUILD)/libtradlint.so: $(LIB_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -shared -Wl,-soname,$(SONAME) -Wl,--no-undefined \
	  -o $@.$(VERSION) $(LIB_OBJ) $(LDLIBS)
	ln -sf libtradlint.so.$(VERSION) $(BUILD)/$(SONAME)
	ln -sf $(SONAME) $@

# pkg-config file; libdir and includedir relative to ${prefix} when they
# lie under it, so that PKG_CONFIG_SYSROOT_DIR works on a DESTDIR tree.
.PHONY: $(BUILD)/tradlint.pc
$(BUILD)/tradlint.pc: tradlint.pc.in
	@mkdir -p $(@D)
	sed -e 's|@PREFIX@|$(PREFIX)|' \
	    -e 's|@LIBDIR@|$(patsubst $(PREFIX)%,$${prefix}%,$(LIBDIR))|' \
	    -e 's|@INCLUDEDIR@|$(patsubst $(PREFIX)%,$${prefix}%,$(INCLUDEDIR))|' \
	    -e 's|@VERSION@|$(VERSION)|' -e 's|@REQUIRES@|$(LINK_PKGS)|' $< >$@

$(BUILD)/tradlint: $(BUILD)/obj/main.o $(CLI_OBJ) $(BUILD)/libtradlint.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/unit.h $(BUILD)/libtradlint.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-missing-prototypes -o $@ $< $(BUILD)/libtradlint.a $(LDLIBS) $(TEST_LIBS)

$(BUILD)/tests/inject.so: tests/fault/inject.c
	@mkdir -p $(@D)
	$(CC) -shared -fPIC -O2 -o $@ $< -ldl

$(BUILD)/tests/dump_words: tests/tools/dump_words.c $(BUILD)/libtradlint.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(BUILD)/libtradlint.a $(LDLIBS)


PATHOLOGICAL_LIMIT ?= 60
FUZZ_TARGETS = lint gloss config argv source gcache ptcache
FUZZ_REPLAY  = $(FUZZ_TARGETS:%=$(BUILD)/fuzz/replay-%)
FUZZ_TIME   ?= 60
CLANG       ?= clang
FUZZ_SAN     = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# The fuzz targets replayed over their seed corpora with any compiler.
$(BUILD)/fuzz/replay-%: tests/fuzz/fuzz_%.c tests/fuzz/driver.c $(CLI_OBJ) $(BUILD)/libtradlint.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-missing-prototypes -o $@ $< tests/fuzz/driver.c $(CLI_OBJ) $(BUILD)/libtradlint.a $(LDLIBS)

# libFuzzer builds (clang): every source instrumented for coverage.
FUZZ_OBJ = $(LIB_SRC:src/%.c=build/fuzz/obj/%.o) $(CLI_SRC:src/%.c=build/fuzz/obj/%.o) \
           build/fuzz/obj/serve_page.o build/fuzz/obj/gen/bilingual_table.o \
           build/fuzz/obj/gen/messages_table.o
build/fuzz/obj/serve_page.o: $(BUILD)/gen/serve_page.c
	@mkdir -p $(@D)
	$(CLANG) -O1 -c -o $@ $<
build/fuzz/obj/gen/bilingual_table.o: $(BUILD)/gen/bilingual_table.c src/bilingual.h
	@mkdir -p $(@D)
	$(CLANG) $(CPPFLAGS) -O1 -g $(WARN) -c -o $@ $<
build/fuzz/obj/gen/messages_table.o: $(BUILD)/gen/messages_table.c src/msg.h include/tradlint.h
	@mkdir -p $(@D)
	$(CLANG) $(CPPFLAGS) -O1 -g $(WARN) -c -o $@ $<
build/fuzz/obj/%.o: src/%.c $(HEADERS) | $(BUILD)/.deps-ok
	@mkdir -p $(@D)
	$(CLANG) $(CPPFLAGS) -O1 -g $(WARN) $(PKG_CFLAGS) -fsanitize=fuzzer-no-link $(FUZZ_SAN) -c -o $@ $<
build/fuzz/fuzz-%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ)
	$(CLANG) $(CPPFLAGS) -O1 -g $(PKG_CFLAGS) -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $< $(FUZZ_OBJ) $(LDLIBS)

.SECONDARY: $(FUZZ_OBJ)

# Run every libFuzzer target for FUZZ_TIME seconds on a copy of its seeds.
# intercept_tls_get_addr=0 as for check-asan: clang 14's LeakSanitizer,
# which libFuzzer runs whenever an input leaves more allocated (a cache
# grew), reads a bogus dynamic TLS range and its tracer crashes ("Tracer
# caught signal 11") depending only on the heap's layout
# (google/sanitizers#1322).
fuzz: $(FUZZ_TARGETS:%=build/fuzz/fuzz-%)
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p build/fuzz/corpus-$$t && cp -n tests/fuzz/corpus/$$t/* build/fuzz/corpus-$$t/ 2>/dev/null; \
	  echo "== fuzz-$$t for $(FUZZ_TIME) s"; \
	  dict=; [ -f tests/fuzz/$$t.dict ] && dict=-dict=tests/fuzz/$$t.dict; \
	  ASAN_OPTIONS=intercept_tls_get_addr=0$${ASAN_OPTIONS:+:$$ASAN_OPTIONS} \
	  build/fuzz/fuzz-$$t $$dict -max_total_time=$(FUZZ_TIME) -max_len=65536 -timeout=20 \
	    -rss_limit_mb=4096 -print_final_stats=1 build/fuzz/corpus-$$t tests/fuzz/corpus/$$t \
	    >build/fuzz/fuzz-$$t.log 2>&1 || { tail -40 build/fuzz/fuzz-$$t.log; exit 1; }; \
	  grep -E 'cov:|stat::number_of_executed_units' build/fuzz/fuzz-$$t.log | tail -2; \
	done; echo "fuzz: $(words $(FUZZ_TARGETS)) passed, 0 failed"

# Unit tests (cmocka), golden CLI cases, bad inputs, corpus memory safety,
# then the Hunspell oracle.
check: all $(UNIT_BIN) $(BUILD)/tests/dump_words $(BUILD)/tests/inject.so $(FUZZ_REPLAY)
	@$(MAKE) -s deps-test
	@$(MAKE) -s check-messages
	@tests/run-unit.sh $(UNIT_BIN)
	@for t in $(FUZZ_TARGETS); do FUZZ_NAME=$$t $(BUILD)/fuzz/replay-$$t tests/fuzz/corpus/$$t || exit 1; done
	@tests/run-cases.sh $(BUILD)/tradlint
	@PATHOLOGICAL_LIMIT=$(PATHOLOGICAL_LIMIT) tests/bad-input.sh $(BUILD)/tradlint
	@tests/corpus.sh $(BUILD)/tradlint sqlite
	@tests/corpus.sh $(BUILD)/tradlint postgresql
	@tests/concurrency.sh $(BUILD)/tradlint sqlite
	@tests/concurrency.sh $(BUILD)/tradlint postgresql
	@tests/reports.sh $(BUILD)/tradlint
	@tests/source.sh $(BUILD)/tradlint
	@tests/ci-formats.sh $(BUILD)/tradlint
	@tests/glossary-exchange.sh $(BUILD)/tradlint
	@tests/docs.sh $(BUILD)/tradlint
	@tests/hooks.sh $(BUILD)/tradlint
	@tests/precommit.sh $(BUILD)/tradlint
	@tests/cli.sh $(BUILD)/tradlint
	@tests/messages.sh $(BUILD)/tradlint
	@tests/jobs.sh $(BUILD)/tradlint
	@tests/cache.sh $(BUILD)/tradlint
	@tests/gloss-cache.sh $(BUILD)/tradlint
	@tests/ptpt-cache.sh $(BUILD)/tradlint
	@BUILD=$(BUILD) PROG_LDFLAGS="$(LDFLAGS)" tests/install.sh $(BUILD)/tradlint
	@ASAN_OPTIONS=verify_asan_link_order=0$${ASAN_OPTIONS:+:$$ASAN_OPTIONS} tests/fault.sh $(BUILD)/tradlint $(BUILD)/tests/inject.so
	@ASAN_OPTIONS=verify_asan_link_order=0$${ASAN_OPTIONS:+:$$ASAN_OPTIONS} tests/hostile.sh $(BUILD)/tradlint $(BUILD)/tests/inject.so
	@tests/oracle.sh $(BUILD)/tradlint $(BUILD)/tests/dump_words
	@tests/serve.sh $(BUILD)/tradlint
	@tests/browser.sh $(BUILD)/tradlint
	@$(MAKE) -s vsix >$(BUILD)/vsix.log 2>&1 || { cat $(BUILD)/vsix.log; exit 1; }
	@tests/lsp.sh $(BUILD)/tradlint

# The VS Code extension (editors/vscode) packaged as build/tradlint.vsix.
vsix: editors/vscode/node_modules/.package-lock.json
	@mkdir -p $(BUILD)
	cd editors/vscode && npx vsce package --no-update-package-json --skip-license \
	  --out $(abspath $(BUILD))/tradlint.vsix
editors/vscode/node_modules/.package-lock.json: editors/vscode/package-lock.json editors/vscode/package.json
	@$(MAKE) -s deps-test
	cd editors/vscode && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The heavy cases (.ci/run runs them; make check has small versions): a
# 200 MB line, articles of 1, 10 and 50 MB (peak memory asserted), corpus
# index of 100,000 articles; 8 writers x 250 documents on one memory, 2 of
# them killed with kill -9, on both backends (make check runs 4 x 30).
stress: all
	@$(MAKE) -s deps-test
	@tests/stress.sh $(BUILD)/tradlint
	@WRITERS=8 DOCS=250 KILLS=2 tests/concurrency.sh $(BUILD)/tradlint sqlite
	@WRITERS=8 DOCS=250 KILLS=2 tests/concurrency.sh $(BUILD)/tradlint postgresql

unit: $(UNIT_BIN)
	@tests/run-unit.sh $(UNIT_BIN)

golden: all
	@tests/run-cases.sh $(BUILD)/tradlint

# Rewrite the expected outputs of every golden case: review `git diff` after.
golden-update: all
	@UPDATE=1 tests/run-cases.sh $(BUILD)/tradlint

oracle: all $(BUILD)/tests/dump_words
	@tests/oracle.sh $(BUILD)/tradlint $(BUILD)/tests/dump_words

# ASan runs 3-5 times slower: the time limits of the shell suites grow with it
# (they catch hangs, not slowness). intercept_tls_get_addr=0: GCC 12's
# runtime takes a dynamic TLS block that malloc happened to place 16 bytes
# past a page boundary for a glibc 2.19 one and reads a bogus range from
# it, and LeakSanitizer's tracer then crashes at exit ("Tracer caught
# signal 11") after a passing test, depending only on the heap's layout
# (google/sanitizers#1322; fixed in GCC 14 and LLVM 17). Leaks are still
# found from every other root.
check-asan:
	@$(MAKE) -s deps
	ASAN_OPTIONS=intercept_tls_get_addr=0 LIMIT=120 CASE_LIMIT=180 $(MAKE) BUILD=build/asan OPT="-O1 -g" \
	  EXTRA_CFLAGS="$(SAN)" LDFLAGS="$(SAN)" PATHOLOGICAL_LIMIT=300 check

# Unit tests, golden cases and bad inputs under valgrind memcheck: no
# leaks, no errors (the pathological inputs are left to check-asan). The
# 5 MB line runs 50 times slower under memcheck: its limit catches a hang,
# not slowness, as under check-asan.
VG = valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
     --suppressions=$(CURDIR)/tests/valgrind.supp
check-valgrind: all $(UNIT_BIN)
	@command -v valgrind >/dev/null || { echo "check-valgrind: install valgrind" >&2; exit 1; }
	@VALGRIND="$(VG)" tests/run-unit.sh $(UNIT_BIN)
	@VALGRIND="$(VG)" tests/run-cases.sh $(BUILD)/tradlint
	@VALGRIND="$(VG)" TL_PATHOLOGICAL=0 LIMIT=120 PATHOLOGICAL_LIMIT=300 tests/bad-input.sh $(BUILD)/tradlint

check-symbols: $(BUILD)/libtradlint.a
	@lazy=$$(nm -g --defined-only $(BUILD)/obj/lazylib.o | awk 'NF==3 {print $$3}'); \
	bad=$$(nm -g --defined-only $(BUILD)/libtradlint.a | awk 'NF==3 && $$2 ~ /[TDBR]/ {print $$3}' | grep -v '^tl_' | \
	  grep -vxF "$$lazy" || true); \
	if [ -n "$$bad" ]; then echo "exported names without tl_ prefix:"; echo "$$bad"; exit 1; fi; \
	echo "check-symbols: OK"

# The counts in README.md against the code (docs-update rewrites them), the
# man page against --help, links inside the repository.
docs-check: all
	@tests/docs.sh $(BUILD)/tradlint
docs-update: all
	@UPDATE=1 tests/docs.sh $(BUILD)/tradlint

check-dict:
	@dictionaries/check-dict.sh dictionaries

# What hunspell-pt-pt and unmunch add to regenerate the committed pt-PT list.
deps-data: deps
	@missing=""; \
	[ -f /usr/share/hunspell/pt_PT.dic ] || missing=1; \
	command -v unmunch >/dev/null 2>&1 || missing=1; \
	if [ -n "$$missing" ]; then $(call apt_install,deps-data,$(DATAPKGS)); fi

# The committed generated data is what its generator makes from Debian's
# packages: dictionaries/pt-PT.tsv is rebuilt aside and compared.
check-data: deps-data
	@mkdir -p $(BUILD)/gen
	@python3 tools/ptpt_list.py $(BUILD)/gen/pt-PT.tsv
	@if diff -u dictionaries/pt-PT.tsv $(BUILD)/gen/pt-PT.tsv >$(BUILD)/gen/pt-PT.diff; then \
	  echo "check-data: 1 passed, 0 failed"; \
	else head -40 $(BUILD)/gen/pt-PT.diff; echo "check-data: 0 passed, 1 failed"; exit 1; fi

# Rewrite dictionaries/pt-PT.tsv from the dictionaries (review `git diff` after).
data-update: deps-data
	python3 tools/ptpt_list.py dictionaries/pt-PT.tsv

# Speed and memory against hunspell and wc -w on generated corpora (build/bench/);
# BENCH_FULL=1 adds the 100 MB corpus and hunspell on 10 MB.
bench: all
	@tests/bench/run.sh $(BUILD)/tradlint
	@$(MAKE) -s deps-test
	@tests/bench/serve.sh $(BUILD)/tradlint
	@tests/bench/store.sh $(BUILD)/tradlint

demo: all
	@echo "== tradlint check examples/  (artigos de exemplo)"
	@$(BUILD)/tradlint check --fail-on never examples/

# Everything under $(DESTDIR)$(PREFIX); the installed binary finds its data
# relative to itself (PREFIX/bin -> PREFIX/share/tradlint: tl_data_path).
install: all
	@ls glossary/*.tsv >/dev/null 2>&1 || { echo "install: glossary/*.tsv missing" >&2; exit 1; }
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(MANDIR_PT) \
	  $(DESTDIR)$(DATADIR)/dictionaries $(DESTDIR)$(DATADIR)/glossary \
	  $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(DOCDIR)
	install -m 755 $(BUILD)/tradlint $(DESTDIR)$(BINDIR)/tradlint
	install -m 644 $(BUILD)/libtradlint.a $(DESTDIR)$(LIBDIR)/libtradlint.a
	install -m 644 $(BUILD)/libtradlint.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libtradlint.so.$(VERSION)
	ln -sf libtradlint.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libtradlint.so
	install -m 644 include/tradlint.h $(DESTDIR)$(INCLUDEDIR)/tradlint.h
	install -m 644 $(BUILD)/tradlint.pc $(DESTDIR)$(PKGCONFIGDIR)/tradlint.pc
	install -m 644 docs/tradlint.1 $(DESTDIR)$(MANDIR)/tradlint.1
	install -m 644 docs/tradlint.pt_BR.1 $(DESTDIR)$(MANDIR_PT)/tradlint.1
	install -m 644 CHANGELOG.md README.md docs/ABI.md docs/rules.md $(DESTDIR)$(DOCDIR)/
	install -m 644 dictionaries/*.txt dictionaries/pt-PT.tsv dictionaries/README.md \
	  $(DESTDIR)$(DATADIR)/dictionaries/
	install -m 644 glossary/*.tsv glossary/README.md $(DESTDIR)$(DATADIR)/glossary/

# Debian packages (tradlint, libtradlint1, libtradlint-dev) built with
# dpkg-buildpackage from a copy of the tree's files (tracked and new, not
# ignored) in $(BUILD)/deb, then lintian, which fails on any error.
DEBPKGS_BUILD = debhelper dpkg-dev lintian
deps-deb:
	@missing=""; for c in dpkg-buildpackage dh lintian; do command -v $$c >/dev/null 2>&1 || missing=1; done; \
	if [ -n "$$missing" ]; then $(call apt_install,deps-deb,$(DEBPKGS_BUILD)); fi

deb: deps-deb
	@$(MAKE) -s deps
	rm -rf $(BUILD)/deb && mkdir -p $(BUILD)/deb/tradlint-$(VERSION)
	git ls-files -z -co --exclude-standard | \
	  tar --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -xf - -C $(BUILD)/deb/tradlint-$(VERSION)
	cd $(BUILD)/deb/tradlint-$(VERSION) && DEB_BUILD_OPTIONS=parallel=2 dpkg-buildpackage -us -uc >$(CURDIR)/$(BUILD)/deb/build.log 2>&1 || \
	  { tail -30 $(CURDIR)/$(BUILD)/deb/build.log; exit 1; }
	lintian --display-info --fail-on error $(BUILD)/deb/tradlint_$(VERSION)_*.changes | tee $(BUILD)/deb/lintian.log
	@ls $(BUILD)/deb/*.deb

# The packages built, linted, installed with dpkg, used, removed (tests/deb.sh).
check-deb: all
	@start=$$(date +%s); tests/deb.sh $(BUILD)/tradlint; s=$$?; \
	echo "check-deb: $$(( $$(date +%s) - start )) s"; exit $$s

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/tradlint $(DESTDIR)$(MANDIR)/tradlint.1 $(DESTDIR)$(MANDIR_PT)/tradlint.1
	rm -f $(DESTDIR)$(LIBDIR)/libtradlint.a $(DESTDIR)$(LIBDIR)/libtradlint.so* \
	  $(DESTDIR)$(INCLUDEDIR)/tradlint.h $(DESTDIR)$(PKGCONFIGDIR)/tradlint.pc
	rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR)

clean:
	rm -rf build tests/node/node_modules editors/vscode/node_modules
