"""Doc attributes through which the talentflow components hand results to each other.

Only plain Python values are stored (token indices, strings), so the converter can turn
them into core objects without passing spaCy types on.
"""
from __future__ import annotations

from spacy.tokens import Doc

ROLES = "tf_roles"          # doc.spans key: job titles
TRIGGERS = "tf_triggers"    # doc.spans key: move/founding/investment triggers, label = kind

_DOC_ATTRIBUTES = {
    "tf_blocked": None,          # {trigger start token: cue text} from modality
    "tf_person_names": None,     # {(start, end) of a PER ent: full canonical name} from coref
    "tf_pronouns": None,         # {pronoun token index: canonical name} from coref
    "tf_moves": None,            # list[MoveCandidate] from arguments
    "tf_move_reports": None,     # list[move_reports.Report]: trigger-person links without a move
    "tf_foundings": None,        # list[FoundingCandidate]
    "tf_investments": None,      # list[InvestmentCandidate]
    "tf_quotes": None,           # list[QuoteCandidate] from quotes
    "tf_quote_spans": None,      # list[QuoteSpan]: every quote, its speaker candidates
}


def register_extensions() -> None:
    for name, default in _DOC_ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
