"""Foundings ("fondée en 2021 par", "co-fondateur de X", "X, qu'il a fondé") and
investments ("Amazon a misé 4 milliards de dollars dans X"); acquisitions are not
investments. Results go to ``doc._.tf_foundings`` and ``doc._.tf_investments``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from talentflow.nlp import extensions  # noqa: F401  (registers Doc attributes)
from talentflow.nlp.arguments import _nearest, _sent_end_char, context_of
from talentflow.nlp.doc_context import DocContext, OrgMention
from talentflow.nlp.lang import FOUND, INVEST, get_pack
from talentflow.nlp.records import FoundingCandidate, InvestmentCandidate

_FOUNDER_WINDOW = 8


@Language.factory("talentflow_deals")
def make_deals(nlp: Language, name: str) -> "Deals":
    return Deals(nlp.lang)


class Deals:
    def __init__(self, lang: str):
        self.pack = get_pack(lang)

    def __call__(self, doc: Doc) -> Doc:
        foundings: list[FoundingCandidate] = []
        investments: list[InvestmentCandidate] = []
        triggers = [t for t in doc.spans.get("tf_triggers", []) if t.label_ in (FOUND, INVEST)]
        if triggers:
            ctx = context_of(doc, self.pack)
            for trigger in triggers:
                if trigger.start in ctx.blocked:
                    continue
                if trigger.label_ == FOUND:
                    found = self._founding(ctx, trigger)
                    if found:
                        foundings.append(found)
                else:
                    investment = self._investment(ctx, trigger)
                    if investment:
                        investments.append(investment)
        doc._.tf_foundings = foundings
        doc._.tf_investments = investments
        return doc

    # --- foundings ------------------------------------------------------------------

    def _founding(self, ctx: DocContext, trigger: Span) -> FoundingCandidate | None:
        doc = ctx.doc
        sent = trigger.sent
        orgs = ctx.in_span(ctx.orgs, sent.start, sent.end)
        persons = ctx.in_span(ctx.persons, sent.start, sent.end)
        word = trigger[0].lower_
        founders: list[str] = []
        org: OrgMention | None = None
        if word in self.pack.founder_nouns or trigger[0].pos_ == "NOUN":
            # "X, co-fondateur de Y" / "le co-fondateur de Y, X"
            after = [o for o in orgs if 0 < o.start - trigger.end <= 3]
            if not after:
                return None
            org = after[0]
            near = [p for p in persons if not p.pronoun and (
                0 <= trigger.start - p.end <= _FOUNDER_WINDOW or 0 < p.start - org.end <= 2)]
            if near:
                founders = [_nearest(near, trigger).name]
            dated = False
        else:
            # verb: "fondée en 2021 par A et B", "A a fondé Y", "Y, qu'il a fondé"
            by = [t for t in doc[trigger.end:sent.end]
                  if t.lower_ in self.pack.agent_prepositions][:1]
            if trigger[0].lemma_.lower() in self.pack.weak_founding_verbs:
                # "créer" founds only as "X, créée en 1992 / par Y", never "créer un poste"
                if "Part" not in trigger[0].morph.get("VerbForm"):
                    return None
                soon = doc[trigger.end:min(sent.end, trigger.end + 3)]
                dated_soon = any(t.like_num and len(t.text) == 4 for t in soon)
                if not dated_soon and not (by and by[0].i - trigger.end <= 1):
                    return None
                near_orgs = [o for o in orgs if 0 <= trigger.start - o.end <= 6]
                if not near_orgs:
                    return None
                orgs = near_orgs
                if not by or by[0].i - trigger.end > 4:
                    by = [doc[trigger.end]]  # founders, if any, come after
            if by and by[0].i - trigger.end <= 4:
                founders = [p.name for p in persons if p.start > by[0].i]
                candidates = [o for o in orgs if o.end <= trigger.start and o.marker != "desc"
                              and not any(p.start <= o.start < p.end for p in persons)]
                org = candidates[-1] if candidates else None
            else:
                subjects = [p for p in persons if p.end <= trigger.start]
                founders = [subjects[-1].name] if subjects else []
                after = [o for o in orgs if o.start >= trigger.end]
                before = [o for o in orgs if o.end <= trigger.start]
                org = after[0] if after else (before[-1] if before else None)
            dated = True
        org_name = org.text if org else None
        if org_name is None:
            # "Fondée en 2021 par ..., la jeune pousse": the organisation the paragraph is about
            lowered = sent.text.lower()
            if not any(noun in lowered for noun in self.pack.generic_org_nouns):
                return None
            org_name = _paragraph_topic(ctx, sent)
            if org_name is None:
                return None
        founders = [f for f in dict.fromkeys(founders) if org_name not in f]
        return FoundingCandidate(org=org_name, founders=founders, trigger_char=trigger.start_char,
                                 sent_start=sent.start_char, sent_end=_sent_end_char(sent),
                                 confidence=0.6 if org else 0.4, dated=dated)

    # --- investments ----------------------------------------------------------------

    def _investment(self, ctx: DocContext, trigger: Span) -> InvestmentCandidate | None:
        sent = trigger.sent
        if any(t.lemma_.lower() in self.pack.acquisition_lemmas for t in sent):
            return None
        orgs = [o for o in ctx.in_span(ctx.orgs, sent.start, sent.end) if o.marker != "desc"]
        raising = trigger[0].lemma_.lower() in self.pack.raising_lemmas
        before = [o for o in orgs if o.end <= trigger.start]
        after = [o for o in orgs if o.start >= trigger.end]
        investor = investee = None
        if raising:
            investee = before[-1].text if before else None
            investor = after[0].text if after else None
        else:
            investor = before[-1].text if before else None
            if investor is None:
                # "Le milliardaire X a investi 300 millions dans Y": a person can invest too
                people = [p for p in ctx.in_span(ctx.persons, sent.start, trigger.start)
                          if not p.pronoun]
                investor = people[-1].name if people else None
            investee = after[0].text if after else None
        guessed = investee is None
        if guessed:
            investee = ctx.main_org
        if investee is None or investee == investor:
            return None
        return InvestmentCandidate(investor=investor, investee=investee,
                                   trigger_char=trigger.start_char, sent_start=sent.start_char,
                                   sent_end=_sent_end_char(sent),
                                   confidence=0.4 if guessed else 0.6,
                                   # an amount is what tells money apart from other
                                   # senses ("investir du temps", "lever le voile")
                                   needs_amount=True)


def _paragraph_topic(ctx: DocContext, sent: Span) -> str | None:
    """First organisation named in the sentence's paragraph, else the article's main one."""
    paragraph = ctx.paragraph(sent)
    for org in ctx.orgs:
        if org.marker == "desc" or not org.known:
            continue
        org_sent = ctx.doc[org.start].sent
        if ctx.paragraph(org_sent) == paragraph and org.start < sent.end:
            return org.text
    return ctx.main_org
