# The two commands of the README:
#   make graphs   install what is missing, build, regenerate Graphs/ from Examples/
#   make test     install what is missing, build, run every test (and the explorer in headless Chromium)
SWIFT ?= swift
BIN = .build/debug/twingraph

.PHONY: setup build graphs test clean

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build --product twingraph

graphs: build
	scripts/make-graphs.sh $(BIN)

test: setup
	$(SWIFT) test
	scripts/browser-test.sh $(BIN)

clean:
	rm -rf .build
