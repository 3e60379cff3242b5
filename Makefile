# Thin aliases over cargo. `make demo` and `make check` are the README's
# two set-up commands.
CARGO ?= cargo
DEMO_PAGE ?= fixtures/wordpress-classic.html
BENCH_ARGS ?=

.PHONY: build demo fmt lint test doc newscheck-fixtures check bench profile fuzz fuzz-build

build:
	$(CARGO) build --release --workspace

demo:
	$(CARGO) run --quiet --release -p news2json -- $(DEMO_PAGE)

fmt:
	$(CARGO) fmt --all

lint:
	$(CARGO) clippy --workspace --all-targets -- -D warnings

test:
	$(CARGO) test --workspace

doc:
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --no-deps --workspace --quiet

newscheck-fixtures:
	$(CARGO) build --quiet -p news2json -p news2csv -p news2md -p newscheck
	@out=$$(mktemp -d) && \
	$(CARGO) run --quiet -p news2json -- fixtures/ > $$out/fixtures.jsonl && \
	$(CARGO) run --quiet -p news2csv -- fixtures/ > $$out/fixtures.csv && \
	$(CARGO) run --quiet -p news2md -- fixtures/ > $$out/fixtures.md && \
	$(CARGO) run --quiet -p newscheck -- fixtures/*.html fixtures/*.html.gz \
		fixtures/*.expected.* $$out/fixtures.jsonl $$out/fixtures.csv $$out/fixtures.md; \
	status=$$?; rm -rf $$out; exit $$status

check:
	$(CARGO) fmt --all --check
	$(MAKE) lint
	$(MAKE) test
	$(MAKE) doc
	$(MAKE) newscheck-fixtures

bench:
	$(CARGO) build --release --workspace
	$(CARGO) run --quiet --release -p newsprint-bench -- $(BENCH_ARGS)

# A CPU profile of `news2json -j 1` over the bench pages with perf (where
# installed): the hottest functions, then `perf report -i` on the data for more.
PROFILE_DATA ?= $${CARGO_TARGET_DIR:-target}/news2json.perf.data
profile:
	$(CARGO) build --release -p news2json
	perf record -F 999 -g -o $(PROFILE_DATA) $${CARGO_TARGET_DIR:-target}/release/news2json \
		-q -j 1 ../shared/bench/scrapinghub/html ../shared/bench/wcxb-dev/html > /dev/null
	perf report -i $(PROFILE_DATA) --no-children -g none --sort dso,symbol --stdio 2>/dev/null \
		| grep -v '^#' | grep -v '^$$' | head -40

# cargo-fuzz needs nightly compiler flags; RUSTC_BOOTSTRAP lets the stable
# toolchain accept them. Each target runs FUZZ_SECONDS, seeded with fixtures/;
# new inputs go to fuzz/corpus/TARGET, crashes to fuzz/artifacts/TARGET.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= extract render_json render_csv render_markdown
FUZZ_FLAGS = --fuzz-dir fuzz -s none
fuzz-build:
	RUSTC_BOOTSTRAP=1 $(CARGO) fuzz build $(FUZZ_FLAGS)

fuzz:
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p fuzz/corpus/$$t && \
		RUSTC_BOOTSTRAP=1 $(CARGO) fuzz run $(FUZZ_FLAGS) $$t fuzz/corpus/$$t fixtures \
			-- -max_total_time=$(FUZZ_SECONDS) -max_len=1048576 -rss_limit_mb=4096 || exit 1; \
	done
