# coopmap: build, test and the sample map.  `make V=1` shows the commands.

PREFIX ?= /usr/local
CC ?= cc
CFLAGS ?= -O2 -g
PKGS = igraph libcgraph libgvc libxml-2.0
DEB_PACKAGES = gcc make pkg-config libigraph-dev libgraphviz-dev graphviz libcmocka-dev \
	libxml2-dev libxml2-utils locales-all valgrind python3-networkx python3-igraph \
	gettext xxd chromium

# Recursive (=) so that pkg-config is asked only when a recipe runs, after `make deps`.
CM_CFLAGS = -std=c11 -D_GNU_SOURCE -Wall -Wextra -Iinclude -Isrc -I$(BUILD)/gen \
	-DCM_LOCALEDIR='"$(PREFIX)/share/locale"' \
	$(shell pkg-config --cflags $(PKGS)) -MMD -MP
CM_LIBS = $(shell pkg-config --libs $(PKGS)) -lm
TEST_LIBS = $(shell pkg-config --libs cmocka)

ifeq ($(V),1)
Q =
msg = @true
else
Q = @
msg = @printf '  %-6s %s\n'
endif

BUILD = build
# The version, as include/coopmap/common.h defines it (one place).
VERSION := $(shell sed -n 's/^#define COOPMAP_VERSION "\(.*\)"/\1/p' include/coopmap/common.h)
BIN = coopmap
LIB = $(BUILD)/libcoopmap.a

# The library's folders, in the order of the data path: a folder may include
# only the headers of the folders before it (`make check-layers`; src/README.md).
LAYERS = base model filter load measure present
# Every .c file of a folder is built: adding a file or a command touches no list here.
LIB_SRCS = $(foreach d,$(LAYERS),$(sort $(wildcard src/$(d)/*.c src/$(d)/*/*.c)))
LIB_OBJS = $(patsubst %.c,$(BUILD)/%.o,$(LIB_SRCS))
CLI_OBJS = $(patsubst %.c,$(BUILD)/%.o,$(sort $(wildcard src/cli/*.c)))

# Unit tests mirror the tree: tests/unit/<folder>/test_<file>.c.
UNIT_TESTS = $(patsubst %.c,$(BUILD)/%,$(sort $(wildcard tests/unit/*/test_*.c tests/unit/*/*/test_*.c)))

TOOLS = \
	$(BUILD)/tests/gen_network

SAMPLE = graphs/cites-educatives

# Translations (po/README.md): po/LANG.po compiled into the build tree, where
# the binary looks first when it runs from this folder, and installed under PREFIX.
LINGUAS = fr
LOCALES = $(foreach l,$(LINGUAS),$(BUILD)/locale/$(l)/LC_MESSAGES/coopmap.mo)

$(BUILD)/locale/%/LC_MESSAGES/coopmap.mo: po/%.po
	$(msg) MSGFMT $<
	$(Q)mkdir -p $(dir $@)
	$(Q)msgfmt --check -o $@ $<

# The report's assets (src/present/report/README.md): the pan/zoom library, the
# page's script and style, embedded with the hashes its Content-Security-Policy lists.
REPORT_ASSETS = third_party/svg-pan-zoom/svg-pan-zoom.min.js third_party/svg-pan-zoom/LICENSE \
	src/present/report/report.js src/present/report/report.css
$(BUILD)/gen/report_assets.h: src/present/report/embed.sh $(REPORT_ASSETS)
	$(msg) EMBED $@
	$(Q)mkdir -p $(dir $@)
	$(Q)sh src/present/report/embed.sh $@ cm_report_lib_js=third_party/svg-pan-zoom/svg-pan-zoom.min.js \
		cm_report_lib_license=third_party/svg-pan-zoom/LICENSE cm_report_js=src/present/report/report.js \
		cm_report_css=src/present/report/report.css
$(BUILD)/src/present/report/report.o: $(BUILD)/gen/report_assets.h

# po/coopmap.pot from the sources (run by hand when messages change; then msgmerge po/fr.po).
POT ?= po/coopmap.pot
pot:
	xgettext --from-code=UTF-8 -k_ -kN_ -kR_ -kRN_:1,2 -kdngettext:2,3 -kCM_IG:2 -kcm_error_from_igraph:2 --add-comments=TRANSLATORS: \
		--package-name=coopmap --package-version=$(VERSION) -o $(POT) $$(cat po/POTFILES)

.PHONY: all deps test map install clean pot unit-tests build-tests check-layers check check-asan check-valgrind bench \
	fuzz fuzz-deps fuzz-build bench-render bench-diff bench-twomode
.DEFAULT_GOAL := all

all: $(BIN) $(LOCALES)

$(BIN): $(CLI_OBJS) $(LIB)
	$(msg) LINK $@
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJS) $(LIB) $(CM_LIBS)

# One `ar` call on a new archive: members of the same base name from two folders
# (measure/brokers.o, present/results/brokers.o) are then all kept, where an
# update of an existing archive would replace one with the other.
$(LIB): $(LIB_OBJS)
	$(msg) AR $@
	$(Q)rm -f $@
	$(Q)ar rcs $@ $(LIB_OBJS)

$(BUILD)/%.o: %.c
	$(msg) CC $<
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(CM_CFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/%.c $(LIB)
	$(msg) CC $<
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(CM_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(CM_LIBS) $(TEST_LIBS)

# Install the Debian packages that are missing (through sudo when not root).
deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	fi

build-tests: $(BIN) $(LOCALES) $(UNIT_TESTS) $(TOOLS)

unit-tests: build-tests
	$(Q)COOPMAP=./$(BIN) sh tests/run.sh $(UNIT_TESTS)

# Each folder includes and calls only the folders before it (tests/layers/check.sh).
check-layers: $(LIB_OBJS) $(CLI_OBJS)
	$(Q)BUILD=$(BUILD) sh tests/layers/check.sh

# The README's two commands: each installs what is missing, then works.
test: deps
	$(Q)$(MAKE) --no-print-directory check-layers
	$(Q)$(MAKE) --no-print-directory unit-tests

map: deps
	$(Q)$(MAKE) --no-print-directory coopmap
	./coopmap summary $(SAMPLE)
	./coopmap render $(SAMPLE) -o map.svg --highlight isolated
	@echo "wrote map.svg; to type coopmap without ./ in this shell: export PATH=\"$$PWD:$$PATH\""

# The whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer, then valgrind.
SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
# Every process also writes its reports to a file of its own in these folders
# (forked drawing children included), and a stage fails when one is not empty:
# a report fails the build even where a test accepts several exit statuses or
# only looks at the output.  Status 99 for any report, as valgrind's.
SAN_REPORTS = build/asan/reports
VG_REPORTS = build/valgrind-reports
VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	--show-leak-kinds=definite --suppressions=tests/valgrind.supp --num-callers=30 \
	--log-file=$(CURDIR)/$(VG_REPORTS)/vg.%p

# reports DIR: print the non-empty report files of DIR and fail if there is one
reports = found=$$(find $(1) -type f -size +0 2>/dev/null | sort); \
	if [ -n "$$found" ]; then \
		for f in $$found; do echo "=== report $$f"; head -n 80 "$$f"; done; \
		echo "$(2): $$(echo "$$found" | wc -l) report(s), see $(1)/"; exit 1; \
	fi; echo "$(2): no report"

check: deps
	$(Q)$(MAKE) --no-print-directory check-asan
	$(Q)$(MAKE) --no-print-directory check-valgrind
	$(Q)$(MAKE) --no-print-directory fuzz

# Any sanitizer report stops the process with a stack; LeakSanitizer ignores only
# the fontconfig and Graphviz plugin-loader leaks listed (and explained) in tests/lsan.supp.
check-asan: export ASAN_OPTIONS = halt_on_error=1:detect_leaks=1:print_stacktrace=1:fast_unwind_on_malloc=0:strict_string_checks=1:detect_stack_use_after_return=1:exitcode=99:log_path=$(CURDIR)/$(SAN_REPORTS)/asan
check-asan: export UBSAN_OPTIONS = halt_on_error=1:print_stacktrace=1:exitcode=99:log_path=$(CURDIR)/$(SAN_REPORTS)/ubsan
check-asan: export LSAN_OPTIONS = suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
# (the CLI cases generate their big inputs with the normal build's build/tests/gen_network)
check-asan: $(TOOLS)
	$(Q)rm -rf $(SAN_REPORTS) && mkdir -p $(SAN_REPORTS)
	$(Q)rc=0; $(MAKE) --no-print-directory BUILD=build/asan BIN=build/asan/coopmap \
		CFLAGS="$(SAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" unit-tests || rc=1; \
	$(call reports,$(SAN_REPORTS),check-asan); exit $$rc

check-valgrind: build-tests
	$(Q)rm -rf $(VG_REPORTS) && mkdir -p $(VG_REPORTS)
	$(Q)rc=0; CM_TEST_WRAPPER="$(VALGRIND)" COOPMAP_WRAPPER="$(VALGRIND)" COOPMAP=./$(BIN) \
		sh tests/run.sh $(UNIT_TESTS) || rc=1; \
	$(call reports,$(VG_REPORTS),check-valgrind); exit $$rc

# libFuzzer targets (tests/fuzz/): built with clang into build/fuzz/, each run
# FUZZ_SECONDS over its corpus in tests/fuzz/corpus/<target>/ (new inputs go to
# build/fuzz/new/, the committed corpus is not changed).  docs/reliability.md.
FUZZ_PACKAGES = clang libclang-rt-14-dev
FUZZ_CC = clang
FUZZ_SECONDS ?= 20
FUZZ_JOBS ?= 2
FUZZ_TARGETS = csv_edges csv_nodes graphml gml gexf pajek dot options render convert check twomode
FUZZ_FLAGS = -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer

fuzz-deps:
	$(Q)$(MAKE) --no-print-directory deps DEB_PACKAGES="$(FUZZ_PACKAGES)"

fuzz: fuzz-deps
	$(Q)$(MAKE) --no-print-directory BUILD=build/fuzz CC=$(FUZZ_CC) CFLAGS="$(FUZZ_FLAGS)" fuzz-build
	$(Q)FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_JOBS=$(FUZZ_JOBS) sh tests/fuzz/run.sh $(FUZZ_TARGETS)

fuzz-build: $(addprefix $(BUILD)/fuzz_,$(FUZZ_TARGETS))

FUZZ_CLI_OBJS = $(filter-out %/main.o,$(CLI_OBJS))

# Only the options target links the CLI objects (it defines the command table itself).
$(BUILD)/fuzz_options: FUZZ_OBJS = $(FUZZ_CLI_OBJS)
$(BUILD)/fuzz_options: $(FUZZ_CLI_OBJS)

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h tests/fuzz/fuzz_net.h $(LIB)
	$(msg) FUZZ $@
	$(Q)$(CC) $(CM_CFLAGS) $(shell pkg-config --cflags libxml-2.0) $(CFLAGS) -fsanitize=fuzzer \
		-o $@ $< $(FUZZ_OBJS) $(LIB) $(CM_LIBS) $(shell pkg-config --libs libxml-2.0)

# The scale benchmark (not a test): coopmap beside python-igraph, graph-tool and NetworkX
# on generated networks; writes tests/benchmarks/results/scale-DATE.md.  BENCH_LARGE=1
# adds 1M actors / 10M ties (about an hour, 4 GB of memory).  Then the speed benchmark
# (tests/benchmarks/speed/run.sh, speed-DATE.md): the standard analysis at 100k against
# python-igraph, --jobs against --jobs 1, the loader and metrics at 1M (SPEED_LARGE=0: not
# them; 15-30 minutes, 3 GB).
BENCH_PACKAGES = time python3-igraph python3-graph-tool python3-networkx
BENCH_SIZES ?= 10000:50000 100000:500000
BENCH_LARGE ?= 0

bench: deps
	$(Q)$(MAKE) --no-print-directory deps DEB_PACKAGES="$(BENCH_PACKAGES)"
	$(Q)$(MAKE) --no-print-directory coopmap $(TOOLS) $(BUILD)/tests/benchmarks/scale/load_only
	$(Q)BENCH_SIZES="$(BENCH_SIZES)" BENCH_LARGE="$(BENCH_LARGE)" sh tests/benchmarks/scale/run.sh
	$(Q)sh tests/benchmarks/speed/run.sh

# coopmap render against sfdp -Tsvg on 20,000 actors (RENDER_ACTORS, RENDER_ROUNDS): not a test.
bench-render: deps
	$(Q)$(MAKE) --no-print-directory coopmap $(BUILD)/tests/gen_network
	$(Q)sh tests/benchmarks/render/run.sh

# coopmap diff of two 100,000-actor networks against one metrics run (DIFF_ACTORS, DIFF_ROUNDS): not a test.
bench-diff: deps
	$(Q)$(MAKE) --no-print-directory deps DEB_PACKAGES="time bc"
	$(Q)sh tests/benchmarks/diff/run.sh

# projecting 100,000 actors, 20,000 events, 500,000 participations against one metrics run (TM_*): not a test.
bench-twomode: deps
	$(Q)$(MAKE) --no-print-directory deps DEB_PACKAGES="time bc"
	$(Q)sh tests/benchmarks/twomode/run.sh

# pkg-config file of the installed library: `pkg-config --cflags --libs coopmap`.
# The library is static, so its dependencies are public (Requires, not .private).
# Written at every install, for the PREFIX of that install.
.PHONY: $(BUILD)/coopmap.pc
$(BUILD)/coopmap.pc:
	$(Q)mkdir -p $(dir $@)
	$(Q)printf '%s\n' 'prefix=$(PREFIX)' 'includedir=$${prefix}/include' 'libdir=$${prefix}/lib' '' \
		'Name: coopmap' 'Description: map and analyse cooperation networks' 'Version: $(VERSION)' \
		'Requires: $(PKGS)' 'Cflags: -I$${includedir}' \
		'Libs: -L$${libdir} -lcoopmap -lm' > $@

install: coopmap $(LIB) $(BUILD)/coopmap.pc $(LOCALES)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include/coopmap
	install -m 755 coopmap $(DESTDIR)$(PREFIX)/bin/coopmap
	install -m 644 $(LIB) $(DESTDIR)$(PREFIX)/lib/libcoopmap.a
	install -m 644 $(BUILD)/coopmap.pc $(DESTDIR)$(PREFIX)/lib/pkgconfig/coopmap.pc
	install -m 644 include/coopmap/*.h $(DESTDIR)$(PREFIX)/include/coopmap/
	for l in $(LINGUAS); do \
		install -d $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES && \
		install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/coopmap.mo $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES/; \
	done

clean:
	rm -rf $(BUILD) coopmap map.svg

-include $(LIB_OBJS:.o=.d) $(CLI_OBJS:.o=.d) $(addsuffix .d,$(UNIT_TESTS) $(TOOLS))
