"""The training commands (`make train`, `cv`) end to end on a tiny invented labelled set: both
read the articles through the pipeline, `cv` scores out-of-fold runs with score.py, `train`
writes weights that load."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from talentflow.nlp import move_training, quote_training
from talentflow.nlp.move_model import MoveModel
from talentflow.nlp.quote_speakers import SpeakerModel

SCORE = move_training.DEFAULT_SHARED / "bench" / "score.py"

# (person, from, to, role) of each invented article; every second one quotes its mover
PEOPLE = [("Aline Varenne", "Korvia", "Belmonte Conseil", "directrice financière"),
          ("Bruno Quessard", "Ostrel", "Navarix", "directeur général"),
          ("Claire Dumontet", "Veltra Energie", "Sorelis", "directrice juridique"),
          ("Denis Ravelle", "Altiq", "Brunmark", "directeur technique"),
          ("Emma Lorvain", "Quintessa", "Hydrel", "présidente"),
          ("Fabien Morlac", "Tessane", "Corvalis", "directeur commercial")]


def _article(n: int, person: str, origin: str, destination: str, role: str) -> tuple[dict, dict]:
    text = (f"{person} quitte {origin} pour rejoindre {destination} comme {role}. "
            f"L'entreprise compte deux cents salariés.")
    quotes = []
    if n % 2 == 0:
        said = "J'avais envie d'un nouveau défi."
        # a second person named near the quote, so the speaker has a rival candidate
        text += f" Le maire, Paul Verdalle, a salué la nouvelle. « {said} », a déclaré {person}."
        start = text.index(said)
        quotes = [{"speaker": person, "evidence": {"start": start, "end": start + len(said)}}]
    article = {"id": f"invented-fr-{n}", "lang": "fr", "text": text}
    gold = {"id": article["id"], "lang": "fr",
            "moves": [{"person": person, "from": origin, "to": destination, "role": role,
                       "date": None}],
            "foundings": [], "investments": [], "quotes": quotes}
    return article, gold


@pytest.fixture(scope="module")
def labelled(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("labelled")
    corpus, data = root / "corpus", root / "data"
    corpus.mkdir()
    data.mkdir()
    pairs = [_article(n, *row) for n, row in enumerate(PEOPLE)]
    for name, rows in (("corpus/articles.jsonl", [a for a, _ in pairs]),
                       ("data/fr-1.jsonl", [g for _, g in pairs])):
        (root / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                                         for r in rows), encoding="utf-8")
    return data, corpus


def _options(labelled, command: str, out: Path) -> list[str]:
    data, corpus = labelled
    return [command, "--lang", "fr", "--data", str(data), "--corpus", str(corpus),
            "--out", str(out), "--folds", "2", "--score", str(SCORE)]


@pytest.mark.skipif(not SCORE.exists(), reason="needs ../shared/bench/score.py")
def test_move_cv_scores_rules_and_out_of_fold_runs(labelled, tmp_path, capsys):
    assert move_training.main(_options(labelled, "cv", tmp_path)) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[2] for line in lines] == ["rules", "model", "learned"]
    assert all(" moves P " in line and "gold 6)" in line for line in lines)
    assert (tmp_path / "fr.gold.jsonl").read_text(encoding="utf-8").count("\n") == 6


@pytest.mark.skipif(not SCORE.exists(), reason="needs ../shared/bench/score.py")
def test_quote_cv_scores_the_rules_and_the_learned_speakers(labelled, tmp_path, capsys):
    assert quote_training.main(_options(labelled, "cv", tmp_path)) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[2] for line in lines] == ["rules", "quotes"]
    assert all(" quotes P " in line and "gold 3)" in line for line in lines)


def test_train_writes_weights_that_load(labelled, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(move_training, "model_path", lambda lang: tmp_path / f"moves.{lang}.json")
    monkeypatch.setattr(quote_training, "model_path", lambda lang: tmp_path / f"quotes.{lang}.json")
    assert move_training.main(_options(labelled, "train", tmp_path)) == 0
    assert quote_training.main(_options(labelled, "train", tmp_path)) == 0
    said = capsys.readouterr().err
    assert "fr: 6 articles" in said and "model written to" in said
    assert MoveModel.from_json(json.loads((tmp_path / "moves.fr.json").read_text())).lang == "fr"
    assert SpeakerModel.from_json(json.loads((tmp_path / "quotes.fr.json").read_text()))
