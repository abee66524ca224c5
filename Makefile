# papergraph — build, test, demo, bench and graphs.
# Every target installs the Debian packages it needs when they are missing.

SWIFT ?= swift
APT_PACKAGES := libcmark-dev libsqlite3-dev libgraphviz-dev libicu-dev fonts-wqy-microhei pkg-config
CORPUS ?= ../shared/corpus
WEEK49 ?= $(CORPUS)/2025-w49.zh-CN.md
DEMO_DB ?= out/demo.sqlite

.PHONY: deps pydeps browserdeps build release test lint demo bench graphs train cross-validate fuzz crash-test clean

# Installs those of the Debian packages $(1) that are missing (updating the lists if needed).
apt_install = missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  apt-get install -y $$missing >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y $$missing; }; \
	fi

deps:
	@$(call apt_install,$(APT_PACKAGES))
	@# libgvc finds its layout plugins through config6a; write it if a package install skipped it.
	@ls /usr/lib/*/graphviz/config6* >/dev/null 2>&1 || { command -v dot >/dev/null || apt-get install -y graphviz >/dev/null; dot -c; }

build: deps
	$(SWIFT) build

# Readers that are not ours, for the export tests: networkx, PyYAML, bibtexparser; and
# Selenium, which drives Chromium through the site's pages.
PYPI_PACKAGES := networkx pyyaml bibtexparser selenium
pydeps:
	@python3 -c "import networkx, yaml, bibtexparser, selenium" 2>/dev/null || python3 -m pip install -q $(PYPI_PACKAGES)

# Headless Chromium and its WebDriver, for the site's browser tests.
BROWSER_PACKAGES := chromium chromium-driver
browserdeps:
	@$(call apt_install,$(BROWSER_PACKAGES))

test: deps pydeps browserdeps
	$(SWIFT) test

# Formatting as .swift-format says (4 spaces, 160 columns); `swift format format -i -r Sources Tests` fixes it.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests

demo: deps
	$(SWIFT) build
	@mkdir -p out && rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	.build/debug/papergraph ingest --db $(DEMO_DB) examples
	.build/debug/papergraph stats --db $(DEMO_DB)
	.build/debug/papergraph papers --db $(DEMO_DB)
	.build/debug/papergraph show --db $(DEMO_DB) VGGT
	.build/debug/papergraph map lineage --db $(DEMO_DB) -o out/demo-lineage.svg
	@echo "the demo site (open it in a browser):"
	@.build/debug/papergraph site --db $(DEMO_DB) out/demo-site

# Fit the relation model on all of ../shared/gold and write the committed weights.
GOLD ?= ../shared/gold
MODEL := Sources/PaperGraph/Resources/relation-model.tsv
train: deps
	$(SWIFT) build
	.build/debug/papergraph train $(GOLD) --corpus $(CORPUS) -o $(MODEL)

# Leave-one-week-out over the gold weeks: the figure to quote and improve.
cross-validate: deps
	$(SWIFT) build
	.build/debug/papergraph eval --cross-validate $(GOLD) --corpus $(CORPUS)

# The release binary links the Swift runtime statically: a query is a whole process, and
# resolving the runtime's symbols at start-up was a fifth of a short one.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

bench: release
	.build/release/papergraph-bench $(CORPUS) --week $(WEEK49)

graphs: deps
	$(SWIFT) build
	@mkdir -p out && rm -f out/graphs.sqlite*
	.build/debug/papergraph ingest -q --db out/graphs.sqlite $(WEEK49)
	.build/debug/papergraph map topics --db out/graphs.sqlite -o graphs/2025-w49-topics.dot
	.build/debug/papergraph map topics --db out/graphs.sqlite -o graphs/2025-w49-topics.svg
	.build/debug/papergraph map lineage --db out/graphs.sqlite -o graphs/2025-w49-lineage.dot
	.build/debug/papergraph map lineage --db out/graphs.sqlite -o graphs/2025-w49-lineage.svg

# libFuzzer on both targets at once (one core each) for FUZZ_SECONDS: arbitrary bytes through
# the digest reader, extractor and store (fuzz-digest); arbitrary names, titles, topics and
# links through the DOT writer, every export, the maps, the vault and the site, each read
# back by a reader of its format (fuzz-formats). Seeds: our fixtures, plus fragments of the
# real digests in CORPUS cut at run time into out/fuzz/seeds (never committed). A crash
# leaves out/fuzz/TARGET-crash-*: copy it to Tests/PaperGraphTests/Fixtures/fuzz/TARGET-NAME.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS := fuzz-digest fuzz-formats
fuzz: deps
	@for t in $(FUZZ_TARGETS); do $(SWIFT) build -c release --product $$t --scratch-path .build-fuzz --sanitize=fuzzer || exit 1; done
	@rm -rf out/fuzz/seeds && mkdir -p out/fuzz
	python3 Fuzz/seeds.py out/fuzz/seeds Tests/PaperGraphTests/Fixtures examples $(CORPUS)
	@for t in $(FUZZ_TARGETS); do \
	  kind=$${t#fuzz-}; mkdir -p out/fuzz/$$t-corpus; \
	  ( SWIFT_BACKTRACE=enable=no .build-fuzz/release/$$t out/fuzz/$$t-corpus out/fuzz/seeds/$$kind Tests/PaperGraphTests/Fixtures/fuzz \
	      -dict=Fuzz/$$kind.dict -max_len=6000 -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	      -artifact_prefix=out/fuzz/$$t- > out/fuzz/$$t.log 2>&1; echo $$? > out/fuzz/$$t.status ) & \
	done; wait
	@for t in $(FUZZ_TARGETS); do \
	  echo "== $$t (exit $$(cat out/fuzz/$$t.status)), log out/fuzz/$$t.log"; \
	  grep -E "^#[0-9]+\s+DONE|stat::number_of_executed_units|stat::average_exec_per_sec|SUMMARY|Test unit written" out/fuzz/$$t.log; \
	done
	@! grep -l "Test unit written" $(FUZZ_TARGETS:%=out/fuzz/%.log)

# SIGKILL during ingest of the whole corpus, 50 times (make test does it 3 times).
CRASH_KILLS ?= 50
crash-test: deps
	PAPERGRAPH_CRASH_KILLS=$(CRASH_KILLS) $(SWIFT) test --filter CrashTests

clean:
	rm -rf .build .build-fuzz out
