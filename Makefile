# Jisr: `make run` serves the platform, `make test` runs every check. Both install what is
# missing first (see README.md). Run them from the repository's root.

SHELL := /bin/bash
# apt-get needs root; anyone else goes through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CARGO_LEPTOS_VERSION := 0.3.10
# The wasm-bindgen CLI must be the very version of the crate in Cargo.lock.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
# wasm-opt comes from npm's binaryen (end2end/package.json): Debian's is too old for this WASM.
export PATH := $(CURDIR)/end2end/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CARGO_TERM_COLOR ?= never

# cargo-leptos builds the debug site with these two set; giving clippy and the tests the same
# lets one build of the dependencies serve them all (other RUSTFLAGS would rebuild everything).
# cargo-leptos itself gets only the name: it adds the flag, and would add it twice.
DEV_ENV := RUSTFLAGS="--cfg erase_components" LEPTOS_OUTPUT_NAME=jisr

LOGS := target/test-logs
APT_UPDATED := target/.apt-updated

.PHONY: help run build bench test deps-build deps-test apt-install check-fmt check-migrations clippy unit integration-sqlite integration-postgres e2e fuzz clean

help:
	@echo "make run    install what is missing, build the release site, serve it on http://127.0.0.1:3000"
	@echo "make test   install what is missing, then fmt, clippy, unit, integration (SQLite, PostgreSQL), Playwright"
	@echo "make bench  build the release site and measure it (what a first visit downloads)"

## ---- set-up: each step does nothing when its tool is already there ----

deps-build:
	@rustup component list --installed | grep -q '^clippy' \
	  && rustup component list --installed | grep -q '^rustfmt' \
	  || rustup component add clippy rustfmt
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@cargo leptos --version 2>/dev/null | grep -qF "$(CARGO_LEPTOS_VERSION)" \
	  || { echo "installing cargo-leptos $(CARGO_LEPTOS_VERSION) (about 16 minutes on 2 cores)"; \
	       cargo install cargo-leptos --version $(CARGO_LEPTOS_VERSION) --locked; }
	@wasm-bindgen --version 2>/dev/null | grep -qxF "wasm-bindgen $(WASM_BINDGEN_VERSION)" \
	  || { echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 3 minutes)"; \
	       cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); } # not --locked: one of its locked dependencies is gone from crates.io
	@command -v npm >/dev/null || $(MAKE) --no-print-directory apt-install PACKAGES="nodejs npm"
	@[ "$$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ] \
	  || { echo "Playwright needs Node.js 20 or newer; this machine has $$(node --version)"; exit 1; }
	@[ end2end/node_modules/.package-lock.json -nt end2end/package-lock.json ] \
	  || (cd end2end && npm ci --no-audit --no-fund)

deps-test: deps-build
	@command -v python3 >/dev/null || $(MAKE) --no-print-directory apt-install PACKAGES=python3
	@# The API fuzzer's virtual environment (scripts/fuzz-partner-api) needs venv and pip.
	@python3 -c "import ensurepip, venv" 2>/dev/null || $(MAKE) --no-print-directory apt-install PACKAGES=python3-venv
	@[ -x /usr/bin/chromium ] || $(MAKE) --no-print-directory apt-install PACKAGES=chromium
	@ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 && command -v pg_virtualenv >/dev/null \
	  || $(MAKE) --no-print-directory apt-install PACKAGES="postgresql"

apt-install:
	@[ -f $(APT_UPDATED) ] || { $(SUDO) apt-get update -qq && mkdir -p target && touch $(APT_UPDATED); }
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(PACKAGES)

## ---- run ----

# --precompress writes .br and .gz beside each site file; the server sends them as they are.
# --split: the wizard's pages are lazy routes, each fetched as its own WASM file when opened.
# erase_components: type-erased components, a third less WASM (and the dev builds use it too).
# The console has a WASM of its own (scripts/build-console): none of it reaches the applicants.
build: deps-build
	RUSTFLAGS="--cfg erase_components" cargo leptos build --release --precompress --split
	scripts/build-console release

run: build
	LEPTOS_ENV=PROD ./target/release/server serve

# Figures, not pass/fail tests: what the first visit downloads (budget 250 KB).
bench: build
	scripts/bench

## ---- test ----

test: deps-test
	@rm -rf $(LOGS) && mkdir -p $(LOGS)
	$(MAKE) --no-print-directory check-fmt check-migrations clippy unit integration-sqlite integration-postgres e2e fuzz
	@scripts/test-summary $(LOGS)

check-fmt:
	cargo fmt --all -- --check

# A migration that has landed on main is never edited (a new one changes the schema); the
# generated ones are compared with their source by a unit test (server/src/schema.rs).
check-migrations:
	scripts/check-migrations 2>&1 | tee $(LOGS)/check-migrations.log

clippy:
	$(DEV_ENV) cargo clippy -p app -p server --all-targets --features app/ssr -- -D warnings
	$(DEV_ENV) cargo clippy -p app -p frontend --target wasm32-unknown-unknown --features app/hydrate -- -D warnings
	$(DEV_ENV) cargo clippy -p app -p console --target wasm32-unknown-unknown --features app/hydrate,app/console -- -D warnings

unit:
	$(DEV_ENV) cargo test -p app --features ssr --lib 2>&1 | tee $(LOGS)/unit-app.log
	$(DEV_ENV) cargo test -p server --lib --bins 2>&1 | tee $(LOGS)/unit-server.log

integration-sqlite:
	$(DEV_ENV) cargo test -p server --test integration 2>&1 | tee $(LOGS)/integration-sqlite.log

# A throwaway PostgreSQL cluster, created and removed by pg_virtualenv around the run.
integration-postgres:
	$(DEV_ENV) pg_virtualenv sh -c 'export JISR_TEST_POSTGRES_URL="postgres://$$PGUSER:$$PGPASSWORD@$$PGHOST:$$PGPORT/$$PGDATABASE"; \
	  cargo test -p server --test integration --test schema_parity -- --include-ignored' 2>&1 \
	  | tee $(LOGS)/integration-postgres.log

# The debug site, a server on a free port and a fresh SQLite file, Playwright in headless Chromium.
e2e:
	LEPTOS_OUTPUT_NAME=jisr cargo leptos build --split
	scripts/build-console debug
	E2E_PORT=$$(scripts/free-port) && E2E_DATA_DIR=$$(mktemp -d) && [ -n "$$E2E_PORT" ] \
	  && trap 'rm -rf "$$E2E_DATA_DIR"' EXIT && cd end2end && E2E_PORT=$$E2E_PORT E2E_DATA_DIR=$$E2E_DATA_DIR npx playwright test 2>&1 \
	  | tee ../$(LOGS)/e2e-chromium.log

# The partners' API fuzzed from its OpenAPI document (schemathesis from PyPI, seeded), against
# the debug server the end-to-end run built.
fuzz:
	scripts/fuzz-partner-api 2>&1 | tee $(LOGS)/fuzz-partner-api.log

# Build output only: ./data (the database) is never removed by make.
clean:
	cargo clean
	rm -rf end2end/node_modules end2end/test-results
