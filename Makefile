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

# The second build (clang, ASan + UBSan, libFuzzer coverage) serves both the fuzz targets and
# the sanitizer run of the C++ tests, so CI compiles the code twice, not three times.
SAN_BUILD ?= build-san
SAN_CXX ?= clang++-16
FUZZ_SECONDS ?= 60
TEST_FUZZ_SECONDS ?= 10
# CI has 90 minutes on two cores from a cold cache, so the sanitizer run covers the layers
# that read outside input or manage memory by hand: core, crypto, store, live, and the HTTP
# tests of parsing and serving (http_serving_tests: the real server, built with the
# sanitizers, under odd input). The use-case suites (app, ops, mail, delivery, content, the
# rest of http) run in the normal build only.
SAN_TESTS ?= core_tests crypto_tests store_tests live_tests http_serving_tests
FUZZ_TARGETS := $(notdir $(wildcard fuzz/corpus/*))
export UBSAN_OPTIONS ?= print_stacktrace=1:halt_on_error=1
export ASAN_OPTIONS ?= strict_string_checks=1:detect_stack_use_after_return=1

.PHONY: all bootstrap build configure web demo install deb test check-layers test-cpp test-web test-contract test-e2e test-install test-install-root screenshots format clean san-build test-sanitize test-fuzz fuzz

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

# test-fuzz and test-sanitize share the second (clang ASan+UBSan) build; docs/security.md
# says what it costs in CI's budget.
test: build
	@$(MAKE) --no-print-directory check-layers test-cpp test-web test-contract test-e2e test-install \
	  test-fuzz test-sanitize

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

san-build: bootstrap
	@cmake -S . -B $(SAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_COMPILER=$(SAN_CXX) -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
	  $(if $(shell command -v ccache),-DCMAKE_CXX_COMPILER_LAUNCHER=ccache) \
	  -DATTUNE_SANITIZE=ON -DATTUNE_FUZZ=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(SAN_BUILD) -j $(JOBS) --target $(SAN_TESTS) \
	  $(addprefix fuzz_,$(FUZZ_TARGETS)) $(addprefix replay_,$(FUZZ_TARGETS))

# The C++ tests again, under AddressSanitizer and UndefinedBehaviorSanitizer.
test-sanitize: san-build
	@cd $(SAN_BUILD) && ctest --output-on-failure -j $(JOBS) --timeout 1200 \
	  -R '^($(subst $() ,|,$(SAN_TESTS))|fuzz_replay_.*)$$'

# Each fuzz target briefly from its kept corpus (fuzz/corpus/<target>); `make fuzz` longer.
test-fuzz: san-build
	@scripts/run-fuzzers $(SAN_BUILD) $(TEST_FUZZ_SECONDS)

fuzz: san-build
	@scripts/run-fuzzers $(SAN_BUILD) $(FUZZ_SECONDS)

format:
	@find src tests bench -name '*.cpp' -o -name '*.h' | xargs clang-format -i

clean:
	@rm -rf $(BUILD) $(SAN_BUILD) web/dist
