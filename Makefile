# attune — the two commands a new machine needs: `make demo` and `make test`.
BUILD ?= build
JOBS ?= $(shell nproc)
DEMO_LISTEN ?= 127.0.0.1:8080
PREFIX ?= /usr/local
CMAKE_FLAGS ?= -DATTUNE_WERROR=ON
# ccache (installed by bootstrap) keeps compiled objects between builds and clones: paths
# below the checkout are hashed relative to it, so a fresh clone reuses a warm cache.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1

.PHONY: all bootstrap build configure web demo install deb test check-layers test-cpp test-web test-contract test-e2e test-install test-install-root screenshots format clean

all: build

bootstrap:
	@scripts/bootstrap

configure:
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  $(if $(shell command -v ccache),-DCMAKE_CXX_COMPILER_LAUNCHER=ccache) $(CMAKE_FLAGS) >/dev/null

build: bootstrap configure
	@cmake --build $(BUILD) -j $(JOBS)
	@cd web && npm run --silent build

demo: build
	@ATTUNE_LISTEN=$(DEMO_LISTEN) $(BUILD)/attune demo --data-dir var
	@echo "Starting it now — stop with Ctrl-C."
	@ATTUNE_LOG_FORMAT=text $(BUILD)/attune serve --data-dir var --listen $(DEMO_LISTEN)

# The binary, the web client, the content library and the systemd unit under $(PREFIX)
# (and /etc/attune/attune.toml, kept if present); DESTDIR=dir stages them there instead.
install: build
	@DESTDIR=$(if $(DESTDIR),$(abspath $(DESTDIR))) cmake --install $(BUILD) --prefix $(PREFIX) --strip

# The Debian package (CPack): $(BUILD)/packages/attune_<version>_<arch>.deb.
deb: build
	@cd $(BUILD) && cpack -G DEB

test: build
	@$(MAKE) --no-print-directory check-layers test-cpp test-web test-contract test-e2e test-install

# Every #include points down the layers (ARCHITECTURE.md); the build enforces most of it.
check-layers:
	@scripts/check_layers

test-cpp:
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS) --timeout 600

test-web:
	@cd web && npm run --silent test

# docs/openapi.yaml: linted (Spectral, Redocly), its ErrorCode enum equal to the server's
# codes, and the real server checked against it through Prism (tests/contract/).
test-contract:
	@node tests/contract/lint.mjs
	@node scripts/check-error-codes.mjs
	@ATTUNE_BIN=$(abspath $(BUILD))/attune node tests/contract/flow.mjs

test-e2e:
	@ATTUNE_BIN=$(abspath $(BUILD))/attune node tests/e2e/run.mjs

# Retakes docs/screenshots/ (and their outlines, which test-e2e compares) from the app.
screenshots: build
	@ATTUNE_UPDATE_SCREENSHOTS=1 ATTUNE_BIN=$(abspath $(BUILD))/attune node tests/e2e/run.mjs tests/e2e/screenshots.e2e.mjs

# Builds the package, installs it (and `make install DESTDIR=…`) into throwaway roots without
# root, and serves from each (scripts/test-install).
test-install:
	@scripts/test-install $(BUILD)

# As root: dpkg -i, upgrade and purge with the real maintainer scripts, inside a private mount
# namespace over throwaway overlays of /etc, /usr and /var (scripts/test-install-root).
test-install-root:
	@scripts/test-install-root $(BUILD)

format:
	@find src tests bench -name '*.cpp' -o -name '*.h' | xargs clang-format -i

clean:
	@rm -rf $(BUILD) web/dist
