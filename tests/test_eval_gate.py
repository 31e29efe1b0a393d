"""Eval gate: extraction on the shared seed and dev sets must not fall below pinned floors.

The floors live in tests/eval_floors.json (per set and language). The scoring is the
shared score.py, run as is by benchmarks/bench_extract.py. Skipped, with the reason,
when ../shared is not there.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FLOORS = json.loads((Path(__file__).parent / "eval_floors.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.model


def _bench_module():
    spec = importlib.util.spec_from_file_location("bench_extract",
                                                  ROOT / "benchmarks" / "bench_extract.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores(fr_nlp, tmp_path_factory):
    if not (SHARED / "bench" / "score.py").exists():
        pytest.skip(f"no shared bench at {SHARED / 'bench'}: the eval gate needs ../shared")
    report = _bench_module().run(SHARED, speed=False, out_dir=tmp_path_factory.mktemp("bench"))
    return report["scores"]


def _figure(result: dict, key: str):
    value = result
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


@pytest.mark.parametrize("label", [k for k in FLOORS if not k.startswith("_")])
def test_figures_stay_above_their_floors(scores, label):
    result = scores[label]
    below = []
    for key, floor in FLOORS[label].items():
        value = _figure(result, key)
        if value is None or value + 1e-9 < floor:
            below.append(f"{key} = {value} < floor {floor}")
    assert not below, f"{label}: " + "; ".join(below)
