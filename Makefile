# The README's two commands. Each installs what is missing (scripts/setup.sh), then builds.
BUILD   ?= build
JOBS    ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release

.PHONY: setup build demo test check clean format format-check lint bench-setup case-study fuzz \
  test-asan test-tsan

setup:
	@bash scripts/setup.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: setup $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@bash scripts/demo.sh $(BUILD)/groupfit

# The notebook test needs Debian's Jupyter, pandas, matplotlib and xgboost for Python; the MPI
# tests need OpenMPI, installed before the build configures so that --executor mpi is built.
test:
	@bash scripts/setup.sh --notebook --npm --mpi
	@$(MAKE) --no-print-directory build
	@bash scripts/npm_tools.sh $(BUILD)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The everyday loop: the in-process unit tests only (ctest label `unit`), a few seconds.
check: setup $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS) --target groupfit_unit_tests
	cd $(BUILD) && ctest -L unit --output-on-failure -j $(JOBS)

# Runs the case-study notebook at full scale and exports it to HTML and PDF (docs/case-study/).
# DuckDB (npm) writes its Parquet file, and OpenMPI runs its MPI experiment: both installed
# before the build configures, so that --executor mpi is built.
case-study:
	@bash scripts/setup.sh --case-study --npm --mpi
	@$(MAKE) --no-print-directory build
	@bash scripts/npm_tools.sh $(BUILD)
	@bash scripts/case_study.sh $(BUILD)/groupfit

bench-setup:
	@bash scripts/setup.sh --bench --npm
	@bash scripts/npm_tools.sh $(BUILD)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

# Fails when a C++ file differs from clang-format's layout.
format-check:
	clang-format --dry-run -Werror $$(git ls-files '*.cpp' '*.hpp')

# What CI checks after the tests: format everywhere, clang-tidy on recently changed sources
# (scripts/lint.sh; LINT_ALL=1 for every file).
lint: setup $(BUILD)/CMakeCache.txt
	@bash scripts/setup.sh --lint
	@bash scripts/lint.sh $(BUILD)

clean:
	rm -rf $(BUILD)

# --- Hostile input: fuzzing and sanitizer builds, each in its own build directory. ---

# Runs every libFuzzer target (fuzz/) for FUZZ_SECONDS on a scratch copy of its seed corpus, so
# the inputs it discovers never pollute fuzz/corpus/. Fails on the first target that crashes;
# the crashing input is left in build-fuzz/crashes/<target>/.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := csv_reader_fuzzer column_builder_fuzzer wire_format_fuzzer params_json_fuzzer \
  input_source_fuzzer iso_datetime_fuzzer parquet_reader_fuzzer
fuzz:
	@bash scripts/setup.sh --fuzz
	CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DGROUPFIT_FUZZ=ON -DGROUPFIT_TESTS=OFF
	cmake --build build-fuzz -j $(JOBS) --target $(FUZZ_TARGETS)
	@set -e; for t in $(FUZZ_TARGETS); do \
	  rm -rf build-fuzz/corpus/$$t build-fuzz/crashes/$$t; \
	  mkdir -p build-fuzz/corpus/$$t build-fuzz/crashes/$$t; \
	  cp fuzz/corpus/$$t/* build-fuzz/corpus/$$t/; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  build-fuzz/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=1 -artifact_prefix=build-fuzz/crashes/$$t/ \
	    build-fuzz/corpus/$$t 2> build-fuzz/$$t.log \
	    || { tail -n 60 build-fuzz/$$t.log; echo "fuzz: $$t FAILED"; exit 1; }; \
	  grep -E '^stat::number_of_executed_units|^Done' build-fuzz/$$t.log || true; \
	done

# The whole test suite built with AddressSanitizer and UndefinedBehaviorSanitizer (GCC); the
# end-to-end tests run the sanitized `groupfit`, and its worker processes are sanitized too.
# Leaks are errors (none needs a suppression). handle_segv=0: the fault-injection tests crash a
# worker on purpose and expect it killed by SIGSEGV, as without ASan, whose handler would make it
# exit with status 1 instead. Left out: the --worker-memory-limit test, since ASan's operator new
# aborts on an exhausted address space where the plain build throws std::bad_alloc.
# GROUPFIT_WORKER_STDERR=1: worker processes keep their stderr, so their sanitizer reports show.
# TinyMemoryLimit is left out for the same reason as the memory-limit test.
SANITIZER_ENV = ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:handle_segv=0 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 GROUPFIT_WORKER_STDERR=1
ASAN_EXCLUDE = RunawayAllocationStopsAtMemoryLimit|TinyMemoryLimit
test-asan: setup
	@bash scripts/setup.sh --notebook --npm
	@bash scripts/npm_tools.sh build-asan
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGROUPFIT_SANITIZE=address,undefined \
	  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG"  # line tables only: CI compiles faster
	cmake --build build-asan -j $(JOBS)
	cd build-asan && $(SANITIZER_ENV) ctest --output-on-failure -j $(JOBS) -E '$(ASAN_EXCLUDE)'

# The threaded code under ThreadSanitizer (clang, whose TSan build compiles several times faster
# than GCC's here): the executor contract (ThreadExecutor), the CSV reader (which parses slices on
# several threads), and end-to-end runs of the threads executor with one thread per model. Tests
# whose models run OpenMP regions on several threads are left out: libgomp is not instrumented,
# so TSan cannot see its synchronisation and reports races that are not there.
TSAN_TESTS = ExecutorContract|ThreadExecutorBudget|CsvReader|Trace\.|Resume\..*/threads
test-tsan: setup
	@bash scripts/setup.sh --fuzz
	CC=clang CXX=clang++ cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DGROUPFIT_SANITIZE=thread
	cmake --build build-tsan -j $(JOBS)
	cd build-tsan && TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 GROUPFIT_WORKER_STDERR=1 \
	  ctest --output-on-failure -j $(JOBS) -R '$(TSAN_TESTS)'
