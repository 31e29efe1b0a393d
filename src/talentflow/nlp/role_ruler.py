"""Job titles ("directeur financier", "CTO", "ministre de la Défense") as ``doc.spans``.

Titles are matched case-insensitively from the pack's list, longest first. A minister's
portfolio ("ministre de la Défense") is kept with the title because it names the post.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from talentflow.nlp.extensions import ROLES
from talentflow.nlp.lang import get_pack, read_lines
from talentflow.nlp.lang.fr import CALENDAR_WORDS

# Titles that take their domain along: "ministre de l'Intérieur", "secrétaire d'État au Budget"
_PORTFOLIO_TITLES = {"ministre", "ministre délégué", "ministre déléguée", "secrétaire d'état",
                     "haut-commissaire", "haute-commissaire"}
_PORTFOLIO_DETS = {"de", "du", "des", "d'", "à", "au", "aux"}
# Head titles whose field follows them, in a lexicon that cannot list every field
_DOMAIN_TITLES = {"directeur", "directrice", "responsable", "chef", "cheffe", "director", "head",
                  "vice-président", "vice-présidente", "vice-president", "délégué", "déléguée",
                  "ambassadeur", "ambassadrice", "conseiller", "conseillère"}
_DOMAIN_LINKS = {"de", "du", "des", "d'", "d’", "of"}
_DOMAIN_ARTICLES = {"la", "l'", "l’", "le", "les"}
# fields that are places, times or the employer itself, not a field of work
_NOT_A_FIELD = {"groupe", "société", "entreprise", "cabinet", "company", "firm", "group",
                "the", "depuis", "since", "pendant", "during", "chez", "at", "pour", "for",
                "jusqu'en", "until", "an", "ans", "année", "années", "year", "years", "mois",
                "équipe", "team", "club", "maison", "start-up", "startup", "banque", "bank",
                "journal", "quotidien", "chaîne", "station", "rédaction", "un", "une", "a",
                "parti", "party", "gouvernement", "government", "ministère", "ministry",
                "coalition", "comité", "commission", "fédération", "association", "armée",
                "état", "pays", "country", "ville", "city", "région", "département", "file"}


# Rank titles that make the title written right after them another post ("Deputy" + "Prime
# Minister", "deputy" + "chairman"): both are listed, and the rank is part of the post
_RANKS = {"deputy", "vice", "assistant", "associate", "adjoint", "adjointe"}


def _joined(doc: Doc, spans: list[Span]) -> list[Span]:
    """A listed rank title and the listed title right after it are one title. Unlisted
    qualifiers ("acting", "interim") stay out: the post's name is what lexicons look up."""
    out: list[Span] = []
    for span in spans:
        if out and out[-1].end == span.start and out[-1].text.lower() in _RANKS \
                and doc[span.start].ent_type_ != "PER":
            out[-1] = Span(doc, out[-1].start, span.end, label="ROLE")
            continue
        out.append(span)
    return out


@Language.factory("talentflow_role_ruler")
def make_role_ruler(nlp: Language, name: str) -> "RoleRuler":
    return RoleRuler(nlp, read_lines(get_pack(nlp.lang).files["roles"]))


class RoleRuler:
    def __init__(self, nlp: Language, titles: list[str]):
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # "l'ex-PDG de X": the tokenizer keeps "ex-" glued to the title's first word
        titles = set(titles) | {f"ex-{title}" for title in titles}
        self.matcher.add("ROLE", [nlp.make_doc(title) for title in sorted(titles)])

    def __call__(self, doc: Doc) -> Doc:
        spans = _joined(doc, filter_spans(
            [Span(doc, s, e, label="ROLE") for _, s, e in self.matcher(doc)]))
        doc.spans[ROLES] = filter_spans(
            [self._with_domain(doc, self._with_portfolio(doc, span)) for span in spans])
        return doc

    @staticmethod
    def _with_domain(doc: Doc, span: Span) -> Span:
        """"directeur des affaires publiques", "head of investor relations": a head title
        takes the lower-case field after it; a capitalised word is the employer and stops it."""
        words = span.text.lower().removeprefix("ex-").split()
        if len(words) != 1 or words[0] not in _DOMAIN_TITLES:
            return span
        end = span.end
        if end >= len(doc) or doc[end].lower_ not in _DOMAIN_LINKS:
            return span
        end += 1
        while end < len(doc) and doc[end].lower_ in _DOMAIN_ARTICLES:
            end += 1
        field_start = end
        content = 0
        while end < len(doc) and content < 4 and doc[end].is_lower and doc[end].is_alpha \
                and not doc[end].ent_type_ and doc[end].lower_ not in _NOT_A_FIELD:
            end += 1
            content += 1
            if end < len(doc) and doc[end].lower_ in ("et", "and") and end + 1 < len(doc) \
                    and doc[end + 1].is_lower:
                end += 1  # "directrice de la stratégie et de l'innovation"
                while end < len(doc) and doc[end].lower_ in _DOMAIN_LINKS | _DOMAIN_ARTICLES:
                    end += 1
        while end > field_start and not doc[end - 1].is_alpha or end > field_start \
                and doc[end - 1].lower_ in _DOMAIN_LINKS | _DOMAIN_ARTICLES | {"et", "and"}:
            end -= 1
        if end == field_start:
            return span
        return Span(doc, span.start, end, label="ROLE")

    @staticmethod
    def _with_portfolio(doc: Doc, span: Span) -> Span:
        if span.text.lower().removeprefix("ex-") not in _PORTFOLIO_TITLES or span.end >= len(doc):
            return span
        end = span.end
        if doc[end].lower_ not in _PORTFOLIO_DETS:
            return span
        end += 1
        while end < len(doc) and doc[end].lower_ in {"la", "l'", "les", "le"}:
            end += 1
        # the portfolio: one or more content words, joined by "et" ("de l'Économie et des Finances")
        while end < len(doc) and doc[end].ent_type_ != "PER" and (
                doc[end].is_alpha and not doc[end].is_stop
                or doc[end].lower_ in {"et", "des", "de", "la", "l'"}):
            if doc[end].is_title and doc[end - 1].is_title and doc[end - 1].is_alpha \
                    and not doc[end - 1].is_stop:
                break  # "ministre de la Culture Ana Roy", the name tagged as a place
            if doc[end].is_lower and doc[end].lower_ in CALENDAR_WORDS:
                break  # "nommé ministre de la Culture mardi": the day ends the portfolio
            end += 1
        while end > span.end and doc[end - 1].lower_ in {"et", "des", "de", "la", "l'", "du"}:
            end -= 1
        if end <= span.end + 1:
            return span
        return Span(doc, span.start, end, label="ROLE")
