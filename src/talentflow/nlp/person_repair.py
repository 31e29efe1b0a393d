"""Relabel mislabelled person names as PER.

The statistical NER sometimes calls "Mira Murati" an ORG or "Durk Kingma" a MISC. A
name is relabelled when the same text is a PER elsewhere in the article, or when a job
title stands right before it ("la CTO Mira Murati"). Gazetteer organisations never change.

The reverse happens too: an unknown one-word organisation tagged PER ("rejoint Kyutai").
A one-word "person" that is the object of a joining or leaving verb is an organisation,
everywhere in the article: people are rarely "joined" or "left" by name in news.

A known first name (``first_names``, Faker's lists) is evidence too: "Nadia" untagged
before "Quellberg" typed ORG, "Quillmark Ines Dalmas" as one ORG after a title, "a déclaré
Ines Dalmas" typed LOC are people (see docs/model.md, "First names").
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from talentflow.nlp.extensions import ROLES
from talentflow.nlp.first_names import first_names, is_first_name, stop_words, street_words
from talentflow.nlp.lang import get_pack
from talentflow.nlp.org_ruler import GAZETTEER_KB_ID
from talentflow.nlp.quote_lexicon import _SPEECH
from talentflow.nlp.quote_names import _TITLE_WORDS, written_lowercase

_MAX_NAME_TOKENS = 4
# "First Last" or "First Middle Last": a longer name-shaped entity is an organisation's
_MAX_FIRST_NAME_TOKENS = 3
# how many tokens a title may stand before "ORG First Last" ("le président de l'ORG")
_TITLE_REACH = 4
_INITIAL = re.compile(r"^[A-Z]\.$")
# a place's prepositions: "at Lena X", "dans Jean Y" name a place named after a person
_IN_WORDS = frozenset({"at", "into", "in", "inside", "dans", "à", "au"})
# how far a verb of saying may stand from a name for it to be the name of who speaks
_SLOT_CHARS = 25
_VERB_AFTER_CHARS = 12  # "X Y a également déclaré" reaches it, "X Y, qui ..., a dit" not
# a preposition or article before a name makes it a thing's ("de", "sur", "la", "of")
_OF_WORDS = frozenset({"de", "du", "des", "d'", "sur", "pour", "à", "au", "aux", "la", "le",
                       "les", "l'", "chez", "par", "avec", "of", "on", "for", "at", "the",
                       "from", "by", "with", "in", "to"})
# capitalised particles that open a surname ("Le", "De", "Van")
_PARTICLES = frozenset({"Le", "La", "De", "Du", "Des", "Van", "Von", "Di", "Da", "Del", "Della"})


@Language.factory("talentflow_person_repair")
def make_person_repair(nlp: Language, name: str) -> "PersonRepair":
    return PersonRepair(nlp.lang)


class PersonRepair:
    def __init__(self, lang: str):
        self.pack = get_pack(lang)
        self.speech = _SPEECH.get(lang, _SPEECH["fr"])
        # words that end a place's name after a first name ("X County", "Y Street")
        self._place_words = self.pack.territory_nouns | street_words()
        first_names()  # built with the pipeline (0.2 s), not inside the first article

    def __call__(self, doc: Doc) -> Doc:
        self._text = None  # see _article_text
        object_orgs = self._object_orgs(doc)
        if object_orgs:
            doc.ents = [Span(doc, e.start, e.end, label="ORG")
                        if e.label_ == "PER" and len(e) == 1 and e.text in object_orgs else e
                        for e in doc.ents]
        role_starts = {span.start for span in doc.spans.get(ROLES, [])}
        # the tokens inside each name are looked up, not every title against every name
        if any(e.label_ == "PER" and any(i in role_starts for i in range(e.start + 1, e.end))
               for e in doc.ents):
            doc.ents = [self._before_title(e, role_starts) for e in doc.ents]
        if any(self._nationality_then_name(e) for e in doc.ents):
            doc.ents = [part for e in doc.ents for part in self._nationality_then_name(e) or [e]]
        named = self._first_name_beside(doc, {span.end for span in doc.spans.get(ROLES, [])})
        if named is not None:
            doc.ents = named
        person_texts = {ent.text for ent in doc.ents if ent.label_ == "PER"}
        role_ends = {span.end for span in doc.spans.get(ROLES, [])}
        changed = False
        ents = []
        for ent in doc.ents:
            if ent.label_ != "PER" and ent.kb_id_ != GAZETTEER_KB_ID and self._looks_like_name(ent):
                after_role = ent.start in role_ends or (
                    ent.start > 0 and doc[ent.start - 1].is_punct and ent.start - 1 in role_ends)
                if ent.text in person_texts or after_role \
                        or self._first_name_first(ent, role_starts):
                    ent = Span(doc, ent.start, ent.end, label="PER")
                    changed = True
            ents.append(ent)
        untagged = self._untagged_after_title(doc, role_ends)
        if untagged:
            ents = sorted(ents + untagged, key=lambda e: e.start)
            changed = True
        if changed:
            doc.ents = ents
        return doc

    def _untagged_after_title(self, doc: Doc, role_ends: set[int]) -> list[Span]:
        """"Governor Ana Ruiz Soto" left untagged: capitalised words right after a title."""
        tagged = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        found = []
        for end in sorted(role_ends):
            stop = end
            while stop < len(doc) and stop - end < _MAX_NAME_TOKENS and stop not in tagged \
                    and doc[stop].pos_ == "PROPN" and doc[stop].is_title:
                stop += 1
            if stop - end < 2 or stop < len(doc) and doc[stop].pos_ == "PROPN" \
                    and doc[stop].is_title:
                continue  # one word, or a longer capitalised run (an organisation's name)
            name = doc[end:stop]
            if not any(t.lower_ in self.pack.org_head_words or t.lower_ in self.pack.not_org_words
                       for t in name) and not any(doc[end].sent.start != t.sent.start for t in name):
                found.append(Span(doc, end, stop, label="PER"))
        return found

    def _nationality_then_name(self, ent: Span) -> list[Span] | None:
        """"le Ghanéen Kofi Mensah" read as one organisation: a nationality noun opening a
        name-shaped entity stands for the person named after it."""
        if ent.label_ == "PER" or ent.kb_id_ == GAZETTEER_KB_ID or not 3 <= len(ent) <= 4 \
                or ent[0].lower_ not in self.pack.nationalities_after_title:
            return None
        name = ent.doc[ent.start + 1:ent.end]
        if not all(t.is_title and t.is_alpha and t.lower_ not in self.pack.org_head_words
                   for t in name):
            return None
        return [Span(ent.doc, ent.start, ent.start + 1, label="MISC"),
                Span(ent.doc, ent.start + 1, ent.end, label="PER")]

    @staticmethod
    def _before_title(ent: Span, role_starts: set[int]) -> Span:
        """"nommé X Y Premier ministre": the name stops where a title starts."""
        if ent.label_ != "PER":
            return ent
        # a capitalised title word after a surname's particle is the surname itself
        # ("X Le Maire", "Y De Juge"): no title starts there
        cut = next((i for i in range(ent.start + 1, ent.end) if i in role_starts
                    and not (ent.doc[i].is_title and ent.doc[i - 1].text in _PARTICLES)), None)
        return ent if cut is None else Span(ent.doc, ent.start, cut, label="PER")

    def _object_orgs(self, doc: Doc) -> set[str]:
        """One-word PER entities right after a verb that joins or leaves an organisation."""
        found = set()
        for ent in doc.ents:
            if ent.label_ != "PER" or len(ent) != 1 or ent.start == 0:
                continue
            verb = doc[ent.start - 1]
            if verb.pos_ in ("VERB", "AUX") and (verb.lower_,) in self._verb_markers:
                found.add(ent.text)
        return found

    @property
    def _verb_markers(self) -> frozenset[tuple[str, ...]]:
        markers = getattr(self, "_markers", None)
        if markers is None:
            markers = frozenset(m for m in (*self.pack.to_markers, *self.pack.from_markers)
                                if len(m) == 1 and m not in self.pack.at_markers)
            self._markers = markers
        return markers

    def _first_name_beside(self, doc: Doc, role_ends: set[int]) -> list[Span] | None:
        """Names the NER cut at a first name, the first name being the evidence:
        "Nadia Quellberg" with "Nadia" untagged and "Quellberg" an ORG (the surname is a
        company's too) is one PER; "Quillmark Ines Dalmas" as one ORG is the organisation
        then the person who speaks for it, when a title comes just before ("la journaliste
        de Quillmark Ines Dalmas"): without one, such a run is more often one name
        ("San Tomas County", "Grand Lucas Arena"). None when nothing changes."""
        ents, changed = [], False
        tagged = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        for ent in doc.ents:
            if ent.label_ in ("ORG", "LOC", "MISC"):
                first = self._first_name_before(ent, tagged)
                if first is not None:
                    ents.append(Span(doc, first, ent.end, label="PER"))
                    changed = True
                    continue
                title = next((i for i in range(ent.start, ent.start - _TITLE_REACH - 1, -1)
                              if i in role_ends), None)
                if title is not None and self._org_then_person(ent, tagged) \
                        and not any(doc[i].is_sent_start for i in range(title, ent.start + 1)):
                    ents += [Span(doc, ent.start, ent.end - 2, label=ent.label_),
                             Span(doc, ent.end - 2, ent.end, label="PER")]
                    changed = True
                    continue
            ents.append(ent)
        return ents if changed else None

    def _first_name_before(self, ent: Span, tagged: set[int]) -> int | None:
        """Where the person's name starts when a first name, maybe with an initial
        ("Nadia Quellberg", "Nadia R. Quellberg"), stands untagged before ``ent``, one
        word (hyphens allowed: "Quell-Barton") the NER took for an organisation."""
        doc = ent.doc
        if " " in ent.text or doc[ent.start].is_sent_start or ent.start == 0:
            return None
        first = ent.start - 1
        if _INITIAL.match(doc[first].text) and first not in tagged:
            first -= 1
        if not self._first_name_token(doc, first, tagged) or doc[ent.start - 1].is_sent_start \
                or first > 0 and doc[first - 1].lower_ in _IN_WORDS:
            return None
        return first

    def _first_name_token(self, doc: Doc, i: int, tagged: set[int]) -> bool:
        """Token ``i`` is a capitalised first name outside any entity, and no common word of
        the article (one it also writes in lowercase)."""
        if i < 0 or i in tagged or not doc[i].is_title or not is_first_name(doc[i].text):
            return False
        return not written_lowercase(self._article_text(doc), doc[i].text)

    def _article_text(self, doc: Doc) -> str:
        """The article's text, read once per article and only when a name needs it."""
        if self._text is None:
            self._text = doc.text
        return self._text

    def _org_then_person(self, ent: Span, tagged: set[int]) -> bool:
        """"Quillmark Ines Dalmas": an organisation's name, then a first name and a
        capitalised surname at the end. Names of places and bodies after a person
        ("Fondation Jean X", "Stade Pierre Y", "Lycée de Z") keep their whole name:
        an organisation word, a lowercase word or a particle before the first name."""
        if ent.kb_id_ == GAZETTEER_KB_ID or len(ent) < 3 or len(ent) > _MAX_NAME_TOKENS + 1:
            return False
        first, surname = ent[-2], ent[-1]
        if not (surname.is_title and surname.is_alpha) \
                or surname.lower_ in self.pack.org_head_words:
            return False
        prefix = ent[:-2]
        if any(t.lower_ in self.pack.org_head_words or t.lower_ in self.pack.not_org_words
               or t.lower_.strip(".") in _TITLE_WORDS or not t.text[:1].isupper()
               or t.text in _PARTICLES or t.lower_ in stop_words() for t in prefix):
            return False  # "Stade Pierre X", "Los Alma County", "Miss Vera Quell"
        if is_first_name(prefix[-1].text):
            return False  # "Anna Maria X": a person's first names, not an organisation
        if not self._first_name_token(ent.doc, first.i, set()):
            return False
        # the word before the first name written in lowercase elsewhere is a common noun
        # naming what the person gives their name to ("Stade", "Lycée", "Rue")
        text = self._article_text(ent.doc)
        return not any(written_lowercase(text, t.text) for t in prefix)

    def _first_name_first(self, ent: Span, role_starts: set[int]) -> bool:
        """"a déclaré Kofi Mensah" with the name typed ORG or LOC: a known first name, then
        a capitalised surname, where a person stands: beside a verb of saying or before a
        title in apposition ("Kofi Mensah, directeur de ..."). Organisations, places and
        brands open with first names too ("Jade Kinetic", "Ruby Bay"), so the name alone
        is not enough. A first name the article also writes in lowercase is a common word
        there, and an organisation word anywhere in the entity keeps the organisation.
        Packs with ``first_names_alone`` (English) need no slot, only surname words the
        article never writes in lowercase and no street or territory word ("X County")."""
        if ent.label_ not in ("ORG", "LOC", "MISC") or len(ent) > _MAX_FIRST_NAME_TOKENS \
                or not is_first_name(ent[0].text) \
                or not all(t.is_alpha or t.text in _PARTICLES or "-" in t.text for t in ent):
            return False
        doc = ent.doc
        text = self._article_text(doc)
        if written_lowercase(text, ent[0].text):
            return False
        if ent.start > 0 and doc[ent.start - 1].lower_ in _OF_WORDS:
            return False  # "de Jade Kinetic", "sur Iris Radio": a thing's name, not a speaker's
        if self.pack.first_names_alone and not any(
                written_lowercase(text, t.text) or t.lower_ in self._place_words for t in ent[1:]):
            return True
        sent = ent.sent
        before = text[max(sent.start_char, ent.start_char - _SLOT_CHARS):ent.start_char]
        after = text[ent.end_char:min(sent.end_char, ent.end_char + _SLOT_CHARS)]
        titled = ent.end < len(doc) - 1 and doc[ent.end].text == "," and any(
            i in role_starts for i in range(ent.end + 1, min(ent.end + 3, len(doc))))
        if titled:
            return True
        # the verb right before the name ("a déclaré X Y") or right after it ("X Y a dit")
        told = before.rstrip(" ,\u00a0")
        if any(m.end() == len(told) for m in self.speech.finditer(told)):
            return True
        said = self.speech.search(after)
        return said is not None and said.start() <= _VERB_AFTER_CHARS

    def _looks_like_name(self, ent: Span) -> bool:
        if not 2 <= len(ent) <= _MAX_NAME_TOKENS:
            return False
        for token in ent:
            if token.lower_ in self.pack.org_head_words:
                return False
            if not (token.is_title or token.text[:1].isupper()) or token.like_num:
                return False
        return True
