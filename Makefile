# breachdesk — the two commands that matter are `make run` and `make test`.
# Everything builds out of tree under build/<flavour>/.

JOBS       ?= $(shell nproc)
LAUNCHER   := $(shell command -v ccache >/dev/null 2>&1 && echo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
CMAKE_GEN  := -G Ninja $(LAUNCHER)
LISTEN     ?= 127.0.0.1:8080
DB         ?= sqlite:data/breachdesk.db
FUZZ_SECONDS ?= 20

.PHONY: all deps build run test test-build check-layers fuzz bench format lint clean

all: build

deps:
	@scripts/install-deps

# Release build of the server and CLI.
build: deps
	@cmake -S . -B build/release $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBD_TESTS=OFF >/dev/null
	@cmake --build build/release -j $(JOBS) --target breachdesk

# Starts the server on an embedded SQLite file; DEMO=1 loads the seed scenarios.
run: build
	@mkdir -p data
	./build/release/breachdesk serve --db $(DB) --listen $(LISTEN) $(if $(DEMO),--demo,)

# The test build: ASan + UBSan, warnings as errors.
test-build: deps
	@cmake -S . -B build/test $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DBD_SANITIZE=ON -DBD_WERROR=ON >/dev/null
	@cmake --build build/test -j $(JOBS)

check-layers:
	@scripts/check-layers

# Every test: layering, unit, integration (SQLite, PostgreSQL, SMTP), browser, fuzzers.
test: check-layers test-build
	@cd build/test && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS) --timeout 600
	@$(MAKE) --no-print-directory fuzz

# libFuzzer targets (clang), each run for FUZZ_SECONDS on its seed corpus.
fuzz: deps
	@CC=clang CXX=clang++ cmake -S . -B build/fuzz $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DBD_FUZZ=ON -DBD_TESTS=OFF >/dev/null
	@cmake --build build/fuzz -j $(JOBS)
	@scripts/run-fuzzers build/fuzz $(FUZZ_SECONDS)

# Benchmarks print figures; they are not pass/fail tests.
bench: deps
	@cmake -S . -B build/bench $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release -DBD_BENCH=ON -DBD_TESTS=OFF >/dev/null
	@cmake --build build/bench -j $(JOBS)
	@bench/run-all build/bench

format:
	@git ls-files '*.h' '*.cc' | xargs clang-format -i

lint: test-build
	@git ls-files 'src/*.cc' | xargs clang-tidy -p build/test --quiet

clean:
	rm -rf build
