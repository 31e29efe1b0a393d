"""Who said a quote, decided by a model trained on data/train (``quote_training``).

The rules of ``quotes`` find each quote and the speaker they would pick; this module lists
the people who could have said it -- everyone named in the quote's sentence, the three
before it and the one after it, plus the rules' pick and the previous quote's speaker -- and
describes each one by what a reader looks at: where the name stands (before or after the
quote, how many sentences away, how many other people stand between), whether a verb of
saying ties it to the quote, whether the attribution is a pronoun or a title and whether its
gender agrees with what the article shows of the person ("elle", "a-t-il", "Mme",
"la ministre", "she", "Mr"), whether they move in the article, and whether the rules chose
them. A logistic regression scores each candidate; the best one speaks if its probability
reaches the model's threshold, else the quote is dropped (no named person said it).

The candidates and their features are built by
:mod:`talentflow.nlp.quote_speaker_features`. The weights are JSON (feature -> weight) under ``nlp/models/``, scored with a dictionary
look-up; without a model file for the language the rules decide alone.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from talentflow.nlp.convert import fold
from talentflow.nlp.records import QuoteCandidate

MODEL_DIR = Path(__file__).resolve().parent / "models"
# the probability a candidate needs when the attribution names no person (see ``choose``)
NO_PERSON_THRESHOLD = 0.5


@dataclass
class SpeakerCandidate:
    name: str                  # canonical name, as coref gives it
    features: list[str]


@dataclass
class QuoteSpan:
    """One quote the rules found, with their pick (None when they found no one)."""
    start: int
    end: int
    style: str
    rule: str | None
    candidates: list[SpeakerCandidate] = field(default_factory=list)
    how: str = ""          # how the rules found their pick; "no_person": "a dit la mairie"


@dataclass(frozen=True)
class SpeakerModel:
    lang: str
    weights: dict[str, float]
    bias: float
    threshold: float
    meta: dict

    def probability(self, features: list[str]) -> float:
        score = self.bias + sum(self.weights.get(f, 0.0) for f in set(features))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def to_json(self) -> dict:
        return {"lang": self.lang, "bias": round(self.bias, 5), "threshold": self.threshold,
                "meta": self.meta,
                "weights": {f: round(w, 5) for f, w in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: dict) -> "SpeakerModel":
        return cls(data["lang"], dict(data["weights"]), data["bias"], data["threshold"],
                   data.get("meta", {}))


def model_path(lang: str) -> Path:
    return MODEL_DIR / f"quotes.{lang}.json"


@lru_cache(maxsize=8)
def load_speaker_model(path: str) -> SpeakerModel | None:
    file = Path(path)
    if not file.exists():
        return None
    return SpeakerModel.from_json(json.loads(file.read_text(encoding="utf-8")))


def choose(span: QuoteSpan, model: SpeakerModel | None,
           previous: str | None = None) -> str | None:
    """The speaker of ``span``: the rules' pick without a model, else the best-scored
    candidate when it is likely enough. ``previous`` is the speaker chosen for the quote
    before (see ``with_previous``)."""
    # interview answers, block quotes and labelled turns have their speaker by the layout
    # (the interviewee, the attribution line, the label), not by an attribution clause
    if model is None or span.style != "marks":
        return span.rule
    # words borrowed into an English sentence that says nothing of speaking ('X steered
    # the paper to "a ..."'): a phrase, not a quote (CV en: 6 right, 11 wrong when scored)
    if span.how in ("phrase", "work_title"):
        return None
    best, best_p = None, -1.0
    for cand in _gender_agreeing(span.candidates):
        p = model.probability(with_previous(cand, previous))
        if p > best_p:
            best, best_p = cand.name, p
    # an attribution the rules read as naming no person ("a indiqué le service de presse",
    # "précise le communiqué", but also "a expliqué le magistrat" about someone named
    # before): institutions and unnamed sources do not speak (GOLD.md), so the person
    # must be clearly likelier than usual. Dropping all of them lost 105 French gold
    # quotes of 114 (CV fr F1 0.681 -> 0.688 with this threshold instead)
    if span.how == "no_person":
        return best if best_p >= max(model.threshold, NO_PERSON_THRESHOLD) else None
    return best if best_p >= model.threshold else None


def _gender_agreeing(candidates: list[SpeakerCandidate]) -> list[SpeakerCandidate]:
    """The candidates grammar allows: when the attributing pronoun or title ("a-t-elle",
    "la ministre") agrees with someone whose gender the text itself shows, a candidate the
    text shows to be of the other gender cannot be the speaker. Grammar, not a weight the
    model may outvote: a few hundred training quotes do not learn it reliably."""
    allowed = candidates
    for cue in ("pronoun", "title"):
        if any(f"{cue}=agree" in c.features for c in allowed):
            # (a candidate merged from two names may carry both: it is not ruled out)
            allowed = [c for c in allowed if f"{cue}=clash" not in c.features
                       or f"{cue}=agree" in c.features]
    # the rules' pick is the one person the text shows to be of the pronoun's gender ("Mr
    # X ... Y praised ... ', he said"): someone whose gender the text does not show is
    # not preferred to them (CV: +1 quote in each language)
    only = [c for c in allowed if "rule" in c.features and "pronoun_only_agree" in c.features
            and "pronoun=agree" in c.features]
    return only or allowed


def with_previous(cand: SpeakerCandidate, previous: str | None) -> list[str]:
    """The candidate's features and whether they said the quote before, as decided when
    the quotes are read in order: the model's own choice for that quote, where the
    candidates' "previous" features have the rules' (CV fr F1 0.694 -> 0.702). A model
    trains on the rules' chain of speakers (``previous_speakers``)."""
    if previous is None:
        return cand.features + ["said_before=none"]
    return cand.features + ["said_before" if _same_name(cand.name, previous)
                            else "said_before=other"]


@lru_cache(maxsize=1 << 12)
def _same_name(a: str, b: str) -> bool:
    """One person to a reader (and to score.py): the same name, accents and case aside,
    or the same surname and first initial ("Georges X" and "George X")."""
    fa, fb = fold(a).split(), fold(b).split()
    return bool(fa) and (fa == fb or len(fa) >= 2 and len(fb) >= 2
                         and fa[-1] == fb[-1] and fa[0][0] == fb[0][0])


def previous_speakers(spans: list[QuoteSpan]) -> list[str | None]:
    """For each span, the last speaker the rules gave a quote before it."""
    found, last = [], None
    for span in spans:
        found.append(last)
        last = choose(span, None) or last
    return found


def quotes_of(spans: list[QuoteSpan], model: SpeakerModel | None) -> list[QuoteCandidate]:
    """The quotes whose speaker ``choose`` finds, in text order."""
    found = []
    previous = None
    for span in spans:
        speaker = choose(span, model, previous)
        if speaker is not None:
            found.append(QuoteCandidate(speaker=speaker, start=span.start, end=span.end,
                                        style=span.style))
            previous = speaker
    return found


# --- candidates and their features ----------------------------------------------------------
