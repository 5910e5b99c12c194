# The two commands of the README: `make site` and `make test`.
# Both install what a fresh Debian machine with Swift lacks (libcmark-dev), then build.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BRIEFGEN := .build/release/briefgen

.PHONY: site test deps build validate clean

## deps: install libcmark-dev (and pkg-config) with apt-get when pkg-config cannot find libcmark.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark; then \
		echo "Installing libcmark-dev and pkg-config with apt-get..."; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev pkg-config; \
	fi
	@pkg-config --exists libcmark || { echo "libcmark is still missing: install libcmark-dev" >&2; exit 1; }

## build: the release binary at .build/release/briefgen.
build: deps
	$(SWIFT) build -c release --product briefgen

## site: build the sample site from Content/ and Templates/ into Output/.
site: build
	$(BRIEFGEN) build --content Content --templates Templates --output Output

## test: the whole test suite.
test: deps
	$(SWIFT) test

clean:
	rm -rf .build Output .briefgen-cache
