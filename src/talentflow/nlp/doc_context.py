"""What the argument finders need to know about a whole article, computed once per Doc.

Organisation and person mentions with their canonical names, sentence and paragraph
indices, the article's most talked-about organisation, and the side marker in front of
each organisation ("quitte X" -> from, "rejoint X" -> to, "chez X" -> at).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import numpy
from spacy.attrs import IS_TITLE, LOWER
from spacy.tokens import Doc, Span

from talentflow.nlp.extensions import ROLES, TRIGGERS
from talentflow.nlp.lang import JOIN, LEAVE, LanguagePack, read_lines
from talentflow.nlp.org_ruler import GAZETTEER_KB_ID

_WEAK_ENT_LABELS = {"MISC", "LOC"}
_MAX_MARKER = 4
_INDEXED_FROM = 64   # lists shorter than this are scanned


@dataclass
class OrgMention:
    start: int
    end: int
    text: str
    marker: str | None          # "from", "to", "at", "desc" or None
    after_role: bool = False    # "PDG de X": the organisation of a title
    known: bool = False         # from the gazetteer or labelled ORG
    strong: bool = False        # the marker is explicit ("chez", "quitte", "rejoint")
    marker_words: tuple[str, ...] = ()


@dataclass
class PersonMention:
    start: int
    end: int
    name: str
    pronoun: bool = False


@dataclass
class DocContext:
    doc: Doc
    pack: LanguagePack
    orgs: list[OrgMention]
    persons: list[PersonMention]
    roles: list[Span]
    triggers: list[Span]
    blocked: dict[int, str]
    paragraph_of_sent: dict[int, int]
    main_org: str | None
    context_orgs: dict[int, dict[str, str]] = field(default_factory=dict)
    # person -> (paragraph, organisation) of their latest step read so far
    career_steps: dict[str, tuple[int, str]] = field(default_factory=dict)
    _affiliations: dict[str, str] | None = None
    _affiliation_titles: dict[str, str] = field(default_factory=dict)
    _text: str | None = None
    _topics: dict | None = None     # paragraph -> (its organisations, their starts' minima)
    _starts: dict = field(default_factory=dict)    # id(list) -> (list, its starts)
    # move_roles.person_titles, asked by the argument finder and the move features alike
    _person_titles: tuple | None = None

    def in_span(self, items, start: int, end: int):
        """The items (mentions or spans, each with .start and .end) inside [start, end)."""
        if len(items) < _INDEXED_FROM:
            return [item for item in items if start <= item.start and item.end <= end]
        # a long article asks this once per sentence: a scan of every item each time made
        # the argument finders quadratic, so a list kept in start order is bisected
        starts = self._starts.get(id(items))
        if starts is None or starts[0] is not items or len(starts[1]) != len(items):
            ordered = all(a.start <= b.start for a, b in zip(items, items[1:]))
            starts = (items, [item.start for item in items] if ordered else None)
            self._starts[id(items)] = starts
        if starts[1] is None:
            return [item for item in items if start <= item.start and item.end <= end]
        found = []
        # by index: a slice items[i:] would copy the rest of the list on every call
        for index in range(bisect_left(starts[1], start), len(items)):
            item = items[index]
            if item.start >= end:
                break
            if item.end <= end:
                found.append(item)
        return found

    def paragraph(self, sent: Span) -> int:
        return self.paragraph_of_sent.get(sent.start, 0)

    @property
    def text(self) -> str:
        """The article's text, built once (Doc.text joins every token on each access)."""
        if self._text is None:
            self._text = self.doc.text
        return self._text

    def affiliation(self, name: str) -> str | None:
        """The organisation of the person's title elsewhere: "X, directeur de Y" -> Y."""
        if self._affiliations is None:
            self._affiliations = {}
            # Only organisations that touch a person (within the 6-token gap, or ending
            # where a title before the person starts) can qualify, so each person looks
            # up those few by position instead of scanning every organisation: a long
            # article has thousands of both. Candidates are tried in the same list order
            # as a full scan, so the first match, hence the result, is unchanged.
            by_start: dict[int, list[int]] = {}
            by_end: dict[int, list[int]] = {}
            for index, org in enumerate(self.orgs):
                by_start.setdefault(org.start, []).append(index)
                by_end.setdefault(org.end, []).append(index)
            title_of: dict[tuple[int, int], Span] = {}
            titles_ending: dict[int, list[int]] = {}
            for role in self.roles:
                if (role.start, role.end) not in title_of:
                    title_of[(role.start, role.end)] = role
                    titles_ending.setdefault(role.end, []).append(role.start)
            for person in self.persons:
                if person.pronoun:
                    continue
                candidates = {i for at in range(person.end, person.end + 7)
                              for i in by_start.get(at, ())}
                candidates.update(i for at in range(person.start - 6, person.start + 1)
                                  for i in by_end.get(at, ()))
                candidates.update(i for at in titles_ending.get(person.start, ())
                                  for i in by_end.get(at, ()))
                for index in sorted(candidates):
                    org = self.orgs[index]
                    gap = org.start - person.end if org.start >= person.end else person.start - org.end
                    if org.after_role and org.known and 0 <= gap <= 6 \
                            and self.doc[org.start].sent.start == self.doc[person.start].sent.start:
                        self._affiliations.setdefault(person.name, org.text)
                        break
                    # "<org> <title> <person>": "Acme CFO Jane Doe"
                    title = title_of.get((org.end, person.start))
                    if org.known and org.marker != "desc" and org.end <= person.start and title:
                        self._affiliations.setdefault(person.name, org.text)
                        self._affiliation_titles.setdefault(person.name, title.text)
                        break
        return self._affiliations.get(name)

    def affiliation_title(self, name: str) -> str | None:
        """The title the affiliation comes with, when written between it and the name."""
        self.affiliation(name)
        return self._affiliation_titles.get(name)

    def topic_org(self, sent: Span) -> str | None:
        """First organisation named in the sentence's paragraph, else the article's main one."""
        if self._topics is None:
            # per paragraph, its known organisations in list order with the running minimum
            # of their starts: the first one before the sentence's end is then bisected (a
            # scan of every organisation for every sentence made long articles quadratic)
            self._topics = {}
            for org in self.orgs:
                if org.marker == "desc" or not org.known:
                    continue
                orgs, minima = self._topics.setdefault(
                    self.paragraph(self.doc[org.start].sent), ([], []))
                orgs.append(org)
                minima.append(-min(org.start, -minima[-1]) if minima else -org.start)
        orgs, minima = self._topics.get(self.paragraph(sent), ([], []))
        # minima holds minus the running minimum, so it rises: the first org starting before
        # sent.end is the first whose running minimum is under it
        index = bisect_right(minima, -sent.end)
        return orgs[index].text if index < len(orgs) else self.main_org

    def context_for(self, paragraph: int) -> dict[str, str]:
        """Organisations set by this paragraph, else by the one before (a headline, a lead)."""
        return self.context_orgs.get(paragraph) or self.context_orgs.get(paragraph - 1) or {}


_ROLE_INDEX = "_tf_role_index"


def role_index(doc: Doc) -> tuple[set[int], set[int]]:
    """(tokens inside a title, ends of titles of three or more tokens), built once per
    title list: the argument finders ask about one token at a time, and a scan of every
    title each time made long articles quadratic."""
    roles = doc.spans.get(ROLES, [])
    cached = doc.user_data.get(_ROLE_INDEX)
    if cached is None or cached[0] is not roles:
        tokens = {i for span in roles for i in range(span.start, span.end)}
        long_ends = {span.end for span in roles if len(span) >= 3}
        cached = (roles, tokens, long_ends)
        doc.user_data[_ROLE_INDEX] = cached
    return cached[1], cached[2]


def build_context(doc: Doc, pack: LanguagePack) -> DocContext:
    roles = list(doc.spans.get(ROLES, []))
    role_ends = {span.end for span in roles}
    persons = _persons(doc, pack)
    person_tokens = {i for p in persons for i in range(p.start, p.end)}
    orgs = _orgs(doc, pack, role_ends, person_tokens)
    # "Musée Y-Jean Dupont": a name hyphenated onto an organisation's is part of it
    hyphenated = {o.end + 1 for o in orgs if o.end + 1 < len(doc) and doc[o.end].text in "-–"
                  and not doc[o.end - 1].whitespace_ and not doc[o.end].whitespace_}
    persons = [p for p in persons if p.start not in hyphenated]
    paragraph_of_sent = {}
    paragraph = 0
    text = doc.text
    for sent in doc.sents:
        paragraph_of_sent[sent.start] = paragraph
        last = doc[sent.end - 1]
        # a slice of doc.text: Span.text_with_ws would build the sentence token by token
        if "\n" in text[sent.start_char:last.idx + len(last.text_with_ws)] or (
                sent.end < len(doc) and last.is_space):
            paragraph += 1
    counts = Counter(o.text for o in orgs if o.known)
    main_org = counts.most_common(1)[0][0] if counts and counts.most_common(1)[0][1] >= 2 else None
    return DocContext(doc, pack, orgs, persons, roles, list(doc.spans.get(TRIGGERS, [])),
                      doc._.tf_blocked or {}, paragraph_of_sent, main_org)


_TITLE_WORDS: dict[str, frozenset[str]] = {}


def _title_words(pack: LanguagePack) -> frozenset[str]:
    words = _TITLE_WORDS.get(pack.code)
    if words is None:
        titles = {w for line in read_lines(pack.files["roles"]) for w in line.split()}
        words = frozenset(titles | set(pack.not_org_words) | set(pack.org_head_words))
        _TITLE_WORDS[pack.code] = words
    return words


_COMMON_WORDS: dict[str, frozenset[str]] = {}


def plausible_name(name: str, pack: LanguagePack) -> bool:
    """Two or more words, capitalised, none of them a title or a common word."""
    words = name.replace("\u00a0", " ").split()
    if len(words) < 2 or not words[0][:1].isupper() or not _capitalised_surname(words[-1]):
        return False
    titles = _title_words(pack)
    common = _COMMON_WORDS.get(pack.code)
    if common is None:  # built once per pack, not once per name
        common = _COMMON_WORDS[pack.code] = frozenset(set(pack.not_org_words) - _role_words(pack))
    # a common word ends some real names ("Nora May", "Alan Walker"): only titles and
    # organisation words count past the first word
    # a capitalised particle opens some names ("De Vries", "Van Dijk"): no title
    particles = set(pack.of_words) | _NAME_PARTICLES
    return not any(w.lower().strip(".,") in titles
                   and (i == 0 or w.lower().strip(".,") not in common)
                   and not (i == 0 and w.lower() in particles)
                   for i, w in enumerate(words))


#: particles that open surnames, capitalised when the name is given without a first name
_NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "del", "della",
                             "dos", "das", "du", "des", "ter", "ten", "le"})


def _capitalised_surname(word: str) -> bool:
    """"Novak", or an Arabic or Berber surname with its article: "al-Rashid", "el-Amin",
    "ben-Ali" (lower-case before the hyphen, capitalised after)."""
    if word[:1].isupper():
        return True
    head, _, rest = word.partition("-")
    return head in ("al", "el", "ad", "ash", "as", "an", "ar", "ben", "bin", "ibn", "abu") \
        and rest[:1].isupper()


def _role_words(pack: LanguagePack) -> frozenset[str]:
    return _title_words(pack) - set(pack.not_org_words) | set(pack.org_head_words)


def _known_mononym(name: str, counts: Counter, pack: LanguagePack) -> bool:
    """A one-word name ("Zinhão") the article uses several times and never completes."""
    return (" " not in name and counts[name] >= 2 and len(name) >= 4 and name[:1].isupper()
            and name.lower() not in _title_words(pack))


def _persons(doc: Doc, pack: LanguagePack) -> list[PersonMention]:
    names = doc._.tf_person_names or {}
    counts = Counter(names.values())
    persons = []
    for ent in doc.ents:
        if ent.label_ != "PER":
            continue
        name = names.get((ent.start, ent.end), ent.text).strip(" \"«»“”'")
        if plausible_name(name, pack) or _known_mononym(name, counts, pack):
            persons.append(PersonMention(ent.start, ent.end, name))
    for index, name in (doc._.tf_pronouns or {}).items():
        persons.append(PersonMention(index, index + 1, name, pronoun=True))
    persons.sort(key=lambda p: p.start)
    return persons


def _orgs(doc: Doc, pack: LanguagePack, role_ends: set[int],
          person_tokens: set[int]) -> list[OrgMention]:
    orgs = []
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ == "ORG" or ent.kb_id_ == GAZETTEER_KB_ID or _institution(ent, pack):
            marker = _marker(doc, ent.start, pack)
            orgs.append(OrgMention(ent.start, ent.end, _clean(ent, pack), marker,
                                   _after_role(doc, ent.start, role_ends, pack), known=True))
            covered.update(range(ent.start, ent.end))
        elif ent.label_ in _WEAK_ENT_LABELS:
            # a misc name counts as an organisation in an argument slot ("chez X"); a place
            # only as the domain of a title ("président du Pérou"), never "quitte Québec"
            marker = _marker(doc, ent.start, pack, strong_only=True)
            if ent.label_ == "LOC":
                marker = _marker(doc, ent.start, pack) if _after_role(doc, ent.start, role_ends, pack) \
                    or _after_team_noun(doc, ent.start, pack) else _verb_marked(doc, ent.start, pack)
            if marker:
                orgs.append(OrgMention(ent.start, ent.end, _clean(ent, pack), marker,
                                       _after_role(doc, ent.start, role_ends, pack)))
            covered.update(range(ent.start, ent.end))
    # unlabelled capitalised names right after "chez", "rejoint", "quitte"...
    for index in numpy.flatnonzero(doc.to_array(IS_TITLE)).tolist():
        token = doc[index]
        if token.i in covered or token.i in person_tokens:
            continue
        if token.lower_ in pack.not_org_words or token.is_sent_start:
            continue
        marker = _marker(doc, token.i, pack, strong_only=True)
        if not marker and _after_role(doc, token.i, role_ends, pack):
            marker = _marker(doc, token.i, pack)  # "le président de la Cour"
        if not marker:
            continue
        end = token.i + 1
        while end < len(doc) and end not in covered and end not in person_tokens and (
                doc[end].is_title or doc[end].text.isupper()):
            end += 1
        orgs.append(OrgMention(token.i, end, doc[token.i:end].text, marker,
                               _after_role(doc, token.i, role_ends, pack)))
        covered.update(range(token.i, end))
    orgs.extend(_untagged_employers(doc, pack, covered, person_tokens, role_ends))
    # "le gouvernement portugais": the usual destination of a minister
    for token in _tokens_among(doc, pack.government_words):
        if token.i not in covered:
            end = token.i + 1
            if end < len(doc) and doc[end].pos_ == "ADJ":
                end += 1
            orgs.append(OrgMention(token.i, end, doc[token.i:end].text,
                                   _marker(doc, token.i, pack), False, known=False))
    orgs.extend(_public_bodies(doc, pack, covered, person_tokens, role_ends))
    # a title is not an employer: "ministre de l'Intérieur" tagged ORG by the NER
    role_tokens = {i for span in doc.spans.get(ROLES, []) for i in range(span.start, span.end)}
    orgs = [o for o in orgs if o.start not in role_tokens]
    # "Acme Freight CFO" tagged as one organisation: the title is not part of the name
    roles_by_start = sorted(doc.spans.get(ROLES, []), key=lambda r: r.start)
    role_starts = [r.start for r in roles_by_start]
    for org in orgs:
        # only the titles that open inside the organisation's name: bisected, not scanned
        inside = roles_by_start[bisect_right(role_starts, org.start):
                                bisect_left(role_starts, org.end)]
        cut = min((r.start for r in inside if r.end >= org.end), default=None)
        if cut is not None:
            org.end = cut
            org.text = doc[org.start:cut].text.strip(" ,.;:«»\"'")
    party_titles = {span.start for span in doc.spans.get(ROLES, [])
                    if span.text.lower() in pack.party_member_titles}
    # "governor of <country> commonwealth of X": the outer place only situates X
    for org in orgs:
        after = doc[org.end:org.end + 3]
        if org.after_role and len(after) == 3 and after[0].lower_ in pack.territory_nouns \
                and after[1].lower_ in pack.of_words \
                and any(o.start in (org.end + 2, org.end + 3) and o.after_role for o in orgs):
            org.after_role = False
            org.marker = "desc"
    for org in orgs:
        _, org.strong, org.marker_words = marker_of(doc, org.start, pack)
        if any(org.start < start <= org.end for start in party_titles) \
                or _party_after_title(doc, org, pack):
            org.marker = "desc"  # "Labour MP X": the party is a label, not the employer
    orgs.sort(key=lambda o: o.start)
    return orgs


def _party_after_title(doc: Doc, org: OrgMention, pack: LanguagePack) -> bool:
    """"maire du PRV", "député du Parti vert": a party (an acronym, or a name opening
    with one of the pack's party words) right after an elected title."""
    if not pack.party_words or not org.after_role:
        return False
    words = org.text.split()
    letters = org.text.replace("-", "").replace(".", "")
    if not (len(words) == 1 and letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 6
            or words and words[0].lower() in pack.party_words):
        return False
    i = org.start - 1
    while i > 0 and any(doc[i].lower_ == a.strip() for a in pack.articles):
        i -= 1
    return any(r.end == i and r.text.lower() in pack.party_member_titles
               for r in doc.spans.get(ROLES, []))


def _untagged_employers(doc: Doc, pack: LanguagePack, covered: set[int],
                        person_tokens: set[int], role_ends: set[int]) -> list[OrgMention]:
    """"The Westmoor Wolves fired X" with the team left untagged: a name of two or more
    capitalised words that is the subject of a hiring or firing verb is the employer."""
    found = []
    for trigger in doc.spans.get(TRIGGERS, []):
        root = trigger[0]
        if root.lemma_.lower() not in pack.agent_verbs:
            continue
        for subject in root.children:
            if subject.dep_ != "nsubj" or subject.pos_ not in ("PROPN", "NOUN") \
                    or not subject.is_title or subject.i in covered \
                    or subject.i in person_tokens:
                continue
            start = subject.i
            while start - 1 >= subject.sent.start and doc[start - 1].pos_ == "PROPN" \
                    and doc[start - 1].is_title and start - 1 not in covered | person_tokens:
                start -= 1
            words = doc[start:subject.i + 1]
            # one word is enough when it is a proper noun and the verb's object a person:
            # "Vantor has hired Lucie Marchetti"
            lone_employer = len(words) == 1 and subject.pos_ == "PROPN" and any(
                c.dep_ in ("dobj", "obj") and c.ent_type_ == "PER" for c in root.children)
            if len(words) < 2 and not lone_employer or not all(t.is_title for t in words) or any(
                    t.lower_ in pack.not_org_words or start - 1 in role_ends for t in words):
                continue
            found.append(OrgMention(start, subject.i + 1, words.text, None, False))
            covered.update(range(start, subject.i + 1))
    return found


def _institution(ent: Span, pack: LanguagePack) -> bool:
    """"l'université de Valmont" tagged as a place: an institution by its first noun."""
    words = [t.lower_ for t in ent if t.lower_ not in ("l'", "l’", "la", "le", "les")]
    return ent.label_ in _WEAK_ENT_LABELS and len(words) >= 2 \
        and words[0] in pack.institution_words


def _verb_marked(doc: Doc, start: int, pack: LanguagePack) -> str | None:
    """"rejoint Valmont", "quitte Valmont": a place right after a verb of joining or leaving
    is the team or body named after it; "pour Valmont", "moved to Valmont" are trips, and
    "joining Valmont's coach" names the place only to situate someone."""
    kind, strong, words = marker_of(doc, start, pack, strong_only=True)
    if kind not in ("from", "to") or not strong or not words:
        return None
    ent = doc[start]
    end = start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if end < len(doc) and doc[end].lower_ in pack.possessive_markers:
        return None
    verb = next((t for t in doc[max(0, start - _MAX_MARKER):start]
                 if t.lower_ == words[0]), None)
    if verb is None or verb.pos_ not in ("VERB", "AUX") or ent.ent_type_ != "LOC":
        return None
    kinds = (JOIN, LEAVE)
    return kind if pack.verb_triggers.get(verb.lemma_.lower()) in kinds \
        or pack.verb_forms.get(verb.lower_) in kinds else None


def _after_team_noun(doc: Doc, start: int, pack: LanguagePack) -> bool:
    """"le club de Valmont": a city named as its team."""
    if start < 2 or doc[start - 1].lower_ not in pack.of_words:
        return False
    i = start - 2
    while i > 0 and doc[i].pos_ == "ADJ" and start - i <= 3:
        i -= 1  # "le club espagnol de Valmont"
    return doc[i].lower_ in pack.team_nouns


def _public_bodies(doc: Doc, pack: LanguagePack, covered: set[int], person_tokens: set[int],
                   role_ends: set[int]) -> list[OrgMention]:
    """"chef d'état-major de la marine", "trésorier du parti écologiste de X": a public body
    named by a common noun is the employer of the title that governs it. A body given its
    own name right after ("le parti Renaissance") is left to that name."""
    found = []
    articles = {a.strip() for a in pack.articles} | {"un", "une"}
    for token in _tokens_among(doc, pack.public_body_nouns):
        if token.i in covered or token.i in person_tokens:
            continue
        i = token.i - 1
        while i > 0 and doc[i].lower_ in articles:
            i -= 1
        if not (doc[i].lower_ in pack.of_words and i in role_ends):
            continue
        sent_end = token.sent.end
        end = token.i + 1
        while end < sent_end and doc[end].pos_ == "ADJ" and end not in covered:
            end += 1  # "parti écologiste", "marine nationale"
        if end < sent_end and (doc[end].ent_type_ in ("ORG", "MISC", "PER")
                               or doc[end].is_title and not doc[end].is_sent_start):
            continue
        # the place it serves: "du parti de Normandie", "de la police à Nantes"
        if end + 1 < sent_end and (doc[end].lower_ in pack.of_words or doc[end].lower_ == "à") \
                and doc[end + 1].ent_type_ == "LOC" and doc[end + 1].ent_iob_ == "B":
            end += 2
            while end < sent_end and doc[end].ent_iob_ == "I":
                end += 1
        found.append(OrgMention(token.i, end, doc[token.i:end].text, _marker(doc, token.i, pack),
                                True, known=False))
        covered.update(range(token.i, end))
    return found


def _tokens_among(doc: Doc, lower_forms: frozenset[str]):
    """The tokens whose lower-case form is one of ``lower_forms``, in order. One array read
    finds them: a Python pass over every token of every article costs more than the
    search it serves."""
    if not lower_forms or not len(doc):
        return
    wanted = numpy.array([doc.vocab.strings[form] for form in lower_forms], dtype="uint64")
    for index in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), wanted)).tolist():
        yield doc[index]


def _clean(ent: Span, pack: LanguagePack) -> str:
    # a dash closing an aside ("... du FC Y -") is no part of the name
    text = ent.text.strip(" ,.;:«»\"'").rstrip(" -–—")
    for article in pack.articles:
        if text.lower().startswith(article):
            text = text[len(article):]
    return text or ent.text


def _after_role(doc: Doc, start: int, role_ends: set[int], pack: LanguagePack) -> bool:
    # "PDG de X" / "ministre de l'X" / "CEO of the X": a title, then "de"/"of" (and an article)
    i = start - 1
    while i >= 0 and any(doc[i].lower_ == a.strip() for a in pack.articles):
        i -= 1
    if i >= 2 and doc[i].lower_ in pack.possessive_markers:
        i -= 1  # "director of Ruritania's agency": past the owner and its "'s"
        while i > 0 and doc[i].ent_iob_ == "I":
            i -= 1
        i -= 1
    if i >= 1 and doc[i].lower_ in pack.of_words and i in role_ends:
        return True
    if not pack.territory_nouns or not (i >= 1 and doc[i].lower_ in pack.of_words):
        return False
    # "mayor of the city of X", "governor of <country> commonwealth of X": past a noun of
    # territory (and the place it belongs to) back to the title
    j = i - 1
    while j > 0 and any(doc[j].lower_ == a.strip() for a in pack.articles):
        j -= 1
    if doc[j].lower_ not in pack.territory_nouns:
        return False
    j -= 1
    while j > 0 and i - j <= 6 and (doc[j].ent_type_ == "LOC"
                                    or any(doc[j].lower_ == a.strip() for a in pack.articles)):
        j -= 1
    return doc[j].lower_ in pack.of_words and j in role_ends


def _marker(doc: Doc, start: int, pack: LanguagePack, strong_only: bool = False) -> str | None:
    kind, _, _ = marker_of(doc, start, pack, strong_only)
    return kind


@lru_cache(maxsize=64)
def _by_last_word(markers: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Markers by their last word, each list longest first: "helm of" decides before the
    bare "of" it ends with, and only markers that can end at the word are tried."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for marker in sorted(markers, key=len, reverse=True):
        grouped.setdefault(marker[-1], []).append(marker)
    return {word: tuple(group) for word, group in grouped.items()}


def marker_of(doc: Doc, start: int, pack: LanguagePack,
              strong_only: bool = False) -> tuple[str | None, bool, tuple[str, ...]]:
    """Which side the words right before an organisation put it on.

    With ``strong_only`` the bare prepositions ("à", "de", "dans") do not count: a place
    name after "à" is not an employer.
    """
    first = start  # the sentence's start or _MAX_MARKER back, without building the sentence
    while first > max(0, start - _MAX_MARKER) and not doc[first].is_sent_start:
        first -= 1
    before = [t.lower_.replace("\u2019", "'") for t in doc[first:start]]
    candidates = [before]
    if before and any(before[-1] == a.strip() for a in pack.articles):
        candidates.append(before[:-1])  # "quitte la BCE"
    if any(w in pack.source_words for w in before):
        return "desc", True, ()  # "selon les informations du Monde", "a confié au Parisien"
    for words in candidates:
        if words and words[-1] in pack.of_words and any((w,) in pack.description_markers for w in words[-4:-1]):
            return "desc", True, ()  # "l'un des co-fondateurs d'X", "vétéran d'X"
        for kind, markers in (("from", pack.from_markers), ("to", pack.to_markers),
                              ("at", pack.at_markers)):
            for marker in _by_last_word(markers).get(words[-1], ()) if words else ():
                n = len(marker)
                if n <= len(words) and tuple(words[-n:]) == marker:
                    strong = kind != "at" or marker in pack.strong_at_markers
                    if strong_only and not strong:
                        break
                    return kind, strong, marker
    return None, False, ()
