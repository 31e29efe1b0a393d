"""Other reports of a person's move: a sentence where the person is linked to a move trigger
of the same kind but no organisation ("X stepped down on 3 May 2001", "X's resignation
in 2001", "X, who was recruited as finance director in June 2011").

The argument finder keeps them (``doc._.tf_move_reports``); a move whose own sentence gives
no date takes the date of such a report (see convert), since an article often tells the
move once with its organisation and once with its date.
"""
from __future__ import annotations

from talentflow.nlp.lang import APPOINT, JOIN, LEAVE

# (person's canonical name, trigger kind, trigger start char, sentence start, sentence end)
Report = tuple[str, str, int, int, int]
# what a move keeps of one: (trigger kind, trigger start char, sentence start, sentence end)
Site = tuple[str, int, int, int]

# kinds that report one change: leaving, or arriving (appointed or joining)
_SAME_CHANGE = {LEAVE: {LEAVE}, APPOINT: {APPOINT, JOIN}, JOIN: {APPOINT, JOIN}}


def sites_of(reports: list[Report], name: str, same_person) -> tuple[Site, ...]:
    """The report sites of the person ``name`` (``same_person`` compares two names)."""
    return tuple((kind, char, start, end) for person, kind, char, start, end in reports
                 if same_person(person, name))


def same_change(move_kind: str, site_kind: str) -> bool:
    return site_kind in _SAME_CHANGE.get(move_kind, ())
