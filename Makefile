# attune — the two commands a new machine needs: `make demo` and `make test`.
BUILD ?= build
JOBS ?= $(shell nproc)
DEMO_LISTEN ?= 127.0.0.1:8080
CMAKE_FLAGS ?= -DATTUNE_WERROR=ON
# ccache (installed by bootstrap) keeps compiled objects between builds and clones: paths
# below the checkout are hashed relative to it, so a fresh clone reuses a warm cache.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1

.PHONY: all bootstrap build configure web demo test check-layers test-cpp test-web test-contract test-e2e screenshots format clean

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
	@$(BUILD)/attune demo --data-dir var
	@echo "Open http://$(DEMO_LISTEN) — stop with Ctrl-C."
	@ATTUNE_LOG_FORMAT=text $(BUILD)/attune serve --data-dir var --listen $(DEMO_LISTEN)

test: build
	@$(MAKE) --no-print-directory check-layers test-cpp test-web test-contract test-e2e

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

format:
	@find src tests bench -name '*.cpp' -o -name '*.h' | xargs clang-format -i

clean:
	@rm -rf $(BUILD) web/dist
