"""Turn the components' Doc-level results into core objects; spaCy types stop here.

Dates and amounts are read here, once per article and only when something was found,
with :mod:`talentflow.nlp.dates` and :mod:`talentflow.nlp.money`. Reports of the same
move within one article are merged: one move per person per change, the best evidence
kept and the details united.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_left
from functools import lru_cache
from operator import attrgetter

from spacy.tokens import Doc

from talentflow.core import Article, Evidence, Extraction, Founding, Investment, Move, Quote
from talentflow.nlp.dates import find_dates
from talentflow.nlp.money import find_amounts
from talentflow.nlp.move_reports import same_change
from talentflow.nlp.records import FoundingCandidate, InvestmentCandidate, MoveCandidate


def doc_to_extraction(doc: Doc, article: Article, lang: str) -> Extraction:
    return candidates_to_extraction(doc._.tf_moves or [], doc._.tf_foundings or [],
                                    doc._.tf_investments or [], article, lang,
                                    quotes=doc._.tf_quotes or [])


def candidates_to_extraction(moves: list[MoveCandidate], foundings: list[FoundingCandidate],
                             investments: list[InvestmentCandidate], article: Article,
                             lang: str, *, quotes=()) -> Extraction:
    """The core objects for a Doc's candidates (also used on candidates kept without
    their Doc, as cross-validation does)."""
    text = article.text
    spans = [(c.sent_start, c.sent_end) for c in (*moves, *foundings, *investments)]
    spans += [(start, end) for c in moves for _, _, start, end in c.reports]
    dates = find_dates(text, lang, article.date, within=spans) if spans else []
    final_moves = tuple(_moves(text, moves, dates))
    return Extraction(
        article_id=article.id, lang=lang,
        moves=final_moves,
        foundings=tuple(_foundings(text, foundings, dates)),
        investments=tuple(_investments(text, investments, lang, dates)),
        quotes=tuple(_quotes(text, quotes, final_moves)))


@lru_cache(maxsize=8192)
def fold(name: str | None) -> str:
    if not name:
        return ""
    bare = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in bare if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in bare.casefold()).split())


def _date_near(dates, start: int, end: int, anchor: int, rivals: tuple[int, ...] = (),
               text: str | None = None) -> str | None:
    """The date in [start, end) closest to ``anchor`` and not closer to a rival trigger.

    A date before a trigger across a coordination or a clause of sequence ("soutient sa
    thèse en 2001, avant d'entrer chez B en 2004") belongs to the
    clause before, so it counts as far from that trigger."""
    def cost(date, trigger: int) -> int:
        distance = abs(date.start - trigger)
        if text is not None and date.end <= trigger and _coordination(text[date.end:trigger]):
            distance += _ACROSS_CLAUSES
        return distance

    # ``dates`` come in text order (find_dates): the sentence's own are bisected, where a
    # scan of every date of the article for every fact made long articles quadratic
    inside = [d for d in _starting_in(dates, start, end) if d.end <= end
              and all(cost(d, anchor) <= cost(d, r) for r in rivals)]
    if text is not None:
        # "directrice depuis mars 2018" dates a state, not the step the sentence reports
        inside = [d for d in inside if not _since(text, d)]
    if not inside and text is not None:
        # a date opening the sentence ("On Monday, X quit and Y took over") dates
        # every clause of it
        inside = [d for d in _starting_in(dates, start, start + 4) if d.end < end
                  and text[d.end:d.end + 1] == ","]
    if not inside:
        return None
    return min(inside, key=lambda d: cost(d, anchor)).value


_ACROSS_CLAUSES = 10_000


def _starting_in(dates, low: int, high: int):
    """The dates starting in [low, high), from a list in text order."""
    start_of = attrgetter("start")
    return dates[bisect_left(dates, low, key=start_of):bisect_left(dates, high, key=start_of)]


def _since(text: str, date) -> bool:
    before = text[max(0, date.start - 8):date.start].lower().split()
    return date.text.lower().startswith(("depuis", "since")) or bool(before) \
        and before[-1] in ("depuis", "since")


def _coordination(between: str) -> bool:
    padded = f" {between.lower()} "
    return any(word in padded for word in (" et ", " puis ", " avant de ", " avant d'",
                                           " and ", " then ", " before "))


# --- moves -----------------------------------------------------------------------------

def _moves(text: str, candidates: list[MoveCandidate], dates) -> list[Move]:
    merged: list[dict] = []
    # Two reports can only be one move of one person: comparing within one _person_key
    # keeps long articles linear.
    by_person: dict[tuple[str, str], list[dict]] = {}
    for cand in candidates:
        record = {"person": cand.person, "from": cand.from_org, "to": cand.to_org,
                  "role": cand.role, "kind": cand.kind, "trigger": cand.trigger,
                  "date": _date_near(dates, cand.sent_start, cand.sent_end, cand.trigger_char,
                                     cand.other_trigger_chars, text),
                  "evidence": (cand.sent_start, cand.sent_end), "confidence": cand.confidence,
                  "reports": cand.reports}
        key = _person_key(cand.person)
        same_person = by_person.setdefault(key, []) if key else []
        for existing in same_person:
            if _same_move(existing, record):
                _merge_into(existing, record)
                break
        else:
            merged.append(record)
            same_person.append(record)
    moves = []
    for record in merged:
        if not record["date"]:
            # told here without a date, elsewhere with one: "X left the agency" ... "X
            # stepped down on 3 May 2001" (after merging: a date can split two reports)
            record["date"] = next(filter(None, (
                _date_near(dates, start, end, char, (), text)
                for kind, char, start, end in record["reports"]
                if same_change(record["kind"], kind))), None)
        start, end = record["evidence"]
        moves.append(Move(person=record["person"], from_org=record["from"], to_org=record["to"],
                          role=record["role"], date=record["date"],
                          evidence=Evidence.of(text, start, end),
                          confidence=min(1.0, record["confidence"]), trigger=record["trigger"]))
    return moves


def _same_move(a: dict, b: dict) -> bool:
    if not _same_person(a["person"], b["person"]):
        return False
    if a["to"] is None and b["to"] is None and a["from"] and b["from"] and (
            not a["date"] or not b["date"] or a["date"] == b["date"]):
        return True  # one departure named twice ("Olympique Valmont", "l'OV")
    for side in ("from", "to"):
        if a[side] and b[side] and not same_org(a[side], b[side]):
            return False
    from_org = a["from"] or b["from"]
    to_org = a["to"] or b["to"]
    if from_org and to_org and same_org(from_org, to_org):
        return False  # joined and later left the same place: two changes
    if a["to"] and b["to"] and _other_post(a["role"], b["role"]):
        return False  # first named treasurer, later elected mayor: two posts
    same_sides = all(same_org(a[s], b[s]) if a[s] and b[s] else not a[s] and not b[s]
                     for s in ("from", "to"))
    if a["date"] and b["date"] and not same_sides and not (
            a["date"].startswith(b["date"]) or b["date"].startswith(a["date"])):
        return False  # same person, different dates and sides: two changes
    if a["date"] and b["date"] and a["date"][:4] != b["date"][:4]:
        return False  # joined in one year, promoted there years later: two steps of a career
    return True


def same_org(a: str, b: str) -> bool:
    """"GM" and "General Motors (GM) Europe", "OpenAI" and "OpenAI Inc": one organisation."""
    wa, wb = fold(a).split(), fold(b).split()
    if not wa or not wb:
        return False
    if set(wa) <= set(wb) or set(wb) <= set(wa):
        return True
    for short, long in ((wa, wb), (wb, wa)):
        if len(short) == 1 and len(long) > 1 and short[0] == "".join(w[0] for w in long):
            return True
    return False


_TITLE_LINKS = {"of", "to", "the"}


def _other_post(a: str | None, b: str | None) -> bool:
    """Two titles with no word in common and neither the other's initials ("CEO", "chief
    executive officer"): two different posts."""
    # link words of a title's complement ("secretary of state", "ambassador to") are no
    # common ground between two posts
    wa = [w for w in fold(a).split() if w not in _TITLE_LINKS]
    wb = [w for w in fold(b).split() if w not in _TITLE_LINKS]
    if not wa or not wb or set(wa) & set(wb):
        return False
    for short, long in ((wa, wb), (wb, wa)):
        initials = "".join(w[0] for w in long)
        if len(short) == 1 and (short[0].startswith(initials) or initials.startswith(short[0])):
            return False
    return True


def _same_person(a: str, b: str) -> bool:
    """Same surname and first initial, accents and case aside."""
    key = _person_key(a)
    return key is not None and key == _person_key(b)


def _person_key(name: str) -> tuple[str, str] | None:
    """(folded surname, first initial): what two spellings of one person share; reports
    are indexed by it so that long articles compare only within one key."""
    folded = fold(name).split()
    return (folded[-1], folded[0][0]) if folded else None


def _merge_into(existing: dict, record: dict) -> None:
    better = record["confidence"] > existing["confidence"]
    for key in ("from", "to", "role", "date"):
        if not existing[key] and record[key]:
            existing[key] = record[key]
        elif key == "date" and record[key] and len(record[key]) > len(existing[key] or ""):
            existing[key] = record[key]
    existing["reports"] = existing["reports"] + record["reports"]
    if len(record["person"]) > len(existing["person"]):
        existing["person"] = record["person"]
    if better:
        existing["evidence"] = record["evidence"]
        existing["trigger"] = record["trigger"]
    # several reports of one move make it more certain
    existing["confidence"] = min(1.0, max(existing["confidence"], record["confidence"]) + 0.1)


# --- foundings and investments ------------------------------------------------------------

def _foundings(text: str, candidates: list[FoundingCandidate], dates) -> list[Founding]:
    merged: dict[str, dict] = {}
    for cand in candidates:
        date = (_date_near(dates, cand.sent_start, cand.sent_end, cand.trigger_char)
                if cand.dated else None)
        key = fold(cand.org)
        record = merged.get(key)
        if record is None:
            merged[key] = {"org": cand.org, "founders": list(cand.founders), "date": date,
                           "evidence": (cand.sent_start, cand.sent_end),
                           "confidence": cand.confidence}
            continue
        for founder in cand.founders:
            if not any(_same_person(founder, f) for f in record["founders"]):
                record["founders"].append(founder)
        record["date"] = record["date"] or date
        if cand.confidence > record["confidence"]:
            record["evidence"] = (cand.sent_start, cand.sent_end)
            record["confidence"] = cand.confidence
    return [Founding(org=r["org"], founders=tuple(r["founders"]), date=r["date"],
                     evidence=Evidence.of(text, *r["evidence"]), confidence=r["confidence"])
            for r in merged.values()]


def _investments(text: str, candidates: list[InvestmentCandidate], lang: str,
                 dates) -> list[Investment]:
    merged: dict[tuple[str, str], Investment] = {}
    for cand in candidates:
        amounts = find_amounts(text[cand.sent_start:cand.sent_end], lang)
        amount = currency = None
        if amounts:
            anchor = cand.trigger_char - cand.sent_start
            best = min(amounts, key=lambda m: abs(m.start - anchor))
            amount, currency = best.amount, best.currency
        if cand.needs_amount and amount is None:
            continue
        key = (fold(cand.investor), fold(cand.investee))
        if key in merged and merged[key].amount is not None:
            continue
        merged[key] = Investment(
            investor=cand.investor, investee=cand.investee, amount=amount, currency=currency,
            date=_date_near(dates, cand.sent_start, cand.sent_end, cand.trigger_char),
            evidence=Evidence.of(text, cand.sent_start, cand.sent_end),
            confidence=cand.confidence)
    return list(merged.values())


# --- quotes ------------------------------------------------------------------------------

def _quotes(text: str, candidates, moves: tuple[Move, ...]) -> list[Quote]:
    """Each quote linked to its speaker's move in the final moves: the one reported last
    before the quote (a mover speaks about the move just told), else the first after it."""
    # moves indexed by _person_key: a scan of every move per quote made long articles
    # quadratic
    by_person: dict[tuple[str, str], list[int]] = {}
    for i, m in enumerate(moves):
        key = _person_key(m.person)
        if key:
            by_person.setdefault(key, []).append(i)
    quotes = []
    for cand in candidates:
        key = _person_key(cand.speaker)
        own = by_person.get(key, []) if key else []
        before = [i for i in own if moves[i].evidence.start <= cand.start]
        move = before[-1] if before else (own[0] if own else None)
        speaker = moves[move].person if move is not None and \
            len(moves[move].person) > len(cand.speaker) else cand.speaker
        quotes.append(Quote(speaker=speaker, evidence=Evidence.of(text, cand.start, cand.end),
                            move=move, style=cand.style))
    return quotes
