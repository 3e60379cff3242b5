# Thin aliases over cargo. `make demo` and `make check` are the README's
# two set-up commands.
CARGO ?= cargo
DEMO_PAGE ?= fixtures/wordpress-classic.html
BENCH_ARGS ?=

.PHONY: build demo fmt lint test doc newscheck-fixtures check bench

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
	$(CARGO) run --quiet -p newscheck -- fixtures/*.html fixtures/*.html.gz fixtures/*.expected.*

check:
	$(CARGO) fmt --all --check
	$(MAKE) lint
	$(MAKE) test
	$(MAKE) doc
	$(MAKE) newscheck-fixtures

bench:
	$(CARGO) build --release --workspace
	$(CARGO) run --quiet --release -p newsprint-bench -- $(BENCH_ARGS)
