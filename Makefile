# The front door. `make run` and `make test` do all set-up on a fresh Debian 12 machine.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
BUILD_DIR ?= build
DEBUG_DIR ?= build-debug
CMAKE_FLAGS ?= -G Ninja
LISTEN ?= 127.0.0.1:8080
DB ?= sqlite:var/tongxin.db

.PHONY: all deps web-deps build build-debug web run test test-cpp test-web bench format lint clean

all: build

deps:
	@bash scripts/install-deps.sh

web-deps: deps
	@bash scripts/web-deps.sh

# Release server binary at build/tongxin and the web app at web/dist.
build: deps web
	cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Release -DTONGXIN_TESTS=OFF
	cmake --build $(BUILD_DIR) -j $(JOBS) --target tongxin

web: web-deps
	cd web && npm run build

# Debug build with AddressSanitizer + UndefinedBehaviorSanitizer and all tests.
build-debug: deps
	cmake -S . -B $(DEBUG_DIR) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Debug -DTONGXIN_SANITIZE=ON
	cmake --build $(DEBUG_DIR) -j $(JOBS)

run: build
	@bash scripts/run.sh "$(BUILD_DIR)/tongxin" "$(DB)" "$(LISTEN)"

# Every test: C++ (both engines), API scenarios, web units, browser journeys.
test: build-debug web
	@bash scripts/test.sh "$(DEBUG_DIR)"

bench: build
	@bash bench/run.sh "$(BUILD_DIR)/tongxin"

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

lint: build-debug
	@git ls-files 'src/*.cpp' | xargs clang-tidy -p $(DEBUG_DIR) --quiet --extra-arg=-Wno-unknown-warning-option

clean:
	rm -rf $(BUILD_DIR) $(DEBUG_DIR) web/dist
