"""In-article name coreference: a later "Schulman", "M. Schulman" or "il" -> "John Schulman".

Every PER entity is mapped to the most complete name the article gives for that person
(same surname, compatible first name). A subject pronoun ("il", "elle") points to the
latest person named before it in the same or the previous sentence. A definite title as
the subject of a move verb ("la consultante rejoindra Y") points to the one person
the article writes with that title ("la consultante X"), however far back; a subject "ce
dernier" to the last person named in its sentence or the one before.
"""
from __future__ import annotations

from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc, Span

from talentflow.nlp import extensions  # noqa: F401  (registers Doc attributes)
from talentflow.nlp.extensions import ROLES, TRIGGERS
from talentflow.nlp.lang import MOVE_KINDS, SUCCEED, get_pack, read_lines
from talentflow.nlp.careers import apposed_to_subject
from talentflow.nlp.doc_context import _tokens_among
from talentflow.nlp.quote_names import GENERATION_SUFFIXES


@Language.factory("talentflow_coref")
def make_coref(nlp: Language, name: str) -> "NameCoref":
    return NameCoref(nlp.lang)


class NameCoref:
    def __init__(self, lang: str):
        self.pack = get_pack(lang)
        self.title_words = name_title_words(self.pack)

    def bare_name(self, ent: Span) -> tuple[list[str], str]:
        """The name's words and its text as written, without honorifics or edge punctuation."""
        tokens = list(ent)
        while tokens and (tokens[0].lower_ in self.pack.honorifics or tokens[0].is_punct):
            tokens = tokens[1:]
        while tokens and tokens[-1].is_punct:
            tokens = tokens[:-1]
        # "Mark Ruiz Jr.": a generational suffix is no surname (GOLD.md lists the name without
        # it as well); kept when only one word would be left ("Pius XII")
        if len([t for t in tokens if not t.is_punct]) >= 3 and \
                tokens[-1].text.rstrip(".").lower() in GENERATION_SUFFIXES:
            tokens = tokens[:-1]
            while tokens and tokens[-1].is_punct:
                tokens = tokens[:-1]
        # "Justice Ana Ruiz", "président Novak", "General Ivo Pell": a title the NER took
        # into the name is no part of it (a capitalised one only with two words left:
        # "Dean Ruiz" may be a first name)
        while len(tokens) > 1 and tokens[0].lower_ in self.title_words and not tokens[0].is_stop \
                and (tokens[0].is_lower or len([t for t in tokens[1:] if t.is_alpha]) >= 2):
            tokens = tokens[1:]
        if not tokens:
            return [], ""
        # from the tokens, not doc.text: Doc.text rebuilds the whole article on each access
        text = "".join(t.text_with_ws for t in tokens[:-1]) + tokens[-1].text
        words = [t.text for t in tokens if not t.is_punct]
        return words, text

    def __call__(self, doc: Doc) -> Doc:
        persons = [ent for ent in doc.ents if ent.label_ == "PER"]
        # the names are final here: a title word inside one past its first word ("X Le
        # Maire") is part of the name, and would be read as a title of someone nearby
        inside = {i for ent in persons for i in range(ent.start + 1, ent.end)}
        if ROLES in doc.spans and inside:
            doc.spans[ROLES] = [r for r in doc.spans[ROLES]
                                if not inside.issuperset(range(r.start, r.end))]
        names = _without_glued_words({(ent.start, ent.end): self.bare_name(ent)
                                      for ent in persons}, self.pack.verb_triggers)
        canonical: dict[tuple[int, int], str] = {}
        full_names = [(words, text) for words, text in names.values() if len(words) >= 2]
        # each name is compared with the full names that can match it, and the same words
        # are resolved once: comparing every mention with every full name was quadratic
        candidates_of = _full_name_index(full_names)
        resolved: dict[tuple[str, ...], str | None] = {}
        for key, (words, text) in names.items():
            if not words:
                continue
            if tuple(words) not in resolved:
                resolved[tuple(words)] = self._resolved(words, full_names, candidates_of)
            canonical[key] = resolved[tuple(words)] or text
        doc._.tf_person_names = canonical
        doc._.tf_pronouns = self._pronouns(doc, persons, canonical)
        return doc

    @staticmethod
    def _resolved(words: list[str], full_names: list[tuple[list[str], str]],
                  candidates_of: dict[str, list[int]]) -> str | None:
        """The full name ``words`` stands for, or None to keep the mention as written."""
        candidates = sorted(set(candidates_of.get(_last_piece(words), []))
                            | set(candidates_of.get(words[0].lower(), []) if len(words) == 1
                                  else []))
        # built in full_names' order, as a scan of every full name would
        matches = {full_names[i][1] for i in candidates
                   if len(full_names[i][0]) > len(words) and _same_person(words, full_names[i][0])}
        longest = max(matches, key=len, default=None)
        # a bare surname shared by several people in the article stays as written
        if longest and (len(words) > 1 or all(longest.endswith(m) or m.endswith(longest)
                                              or longest.startswith(m.split()[0])
                                              for m in matches)):
            return longest
        if longest:
            return _dominant(words, [full_names[i] for i in candidates])
        return None

    def _pronouns(self, doc: Doc, persons: list[Span], canonical: dict) -> dict[int, str]:
        resolved: dict[int, str] = {}
        if not persons:
            return resolved
        # "sa nomination", "son recrutement": the possessive of a move noun stands for its person
        # ("son successeur" is someone else: succession nouns are left out)
        move_nouns = {t.start for t in doc.spans.get(TRIGGERS, [])
                      if t.label_ in MOVE_KINDS - {SUCCEED} and t[0].pos_ == "NOUN"}
        index = 0
        latest: Span | None = None
        # the last pronoun resolved, (token index, name): a biography keeps its subject
        # through "X ... . Elle ... . Puis elle ..." with the name far behind
        chained: tuple[int, str] | None = None
        titled = {i for span in doc.spans.get(ROLES, []) for i in range(span.start, span.end)}
        movers = {t.start for t in doc.spans.get(TRIGGERS, []) if t.label_ in MOVE_KINDS}
        starts = sorted(p.start for p in persons)
        for token in doc:
            while index < len(persons) and persons[index].end <= token.i:
                # the antecedent of "il"/"elle" is most often a subject, or the one a
                # relative clause is about ("X, who ... until she was dismissed")
                if any(t.dep_.startswith("nsubj") or t.dep_ == "ROOT" or apposed_to_subject(t)
                       or any(c.dep_ in ("relcl", "acl:relcl") for c in t.children)
                       for t in persons[index]):
                    latest = persons[index]
                index += 1
            if latest is None:
                continue
            # a determiner only: "Y's replacement" already names its owner
            possessive = token.lower_ in self.pack.possessives and token.i + 1 in move_nouns \
                and token.pos_ in ("DET", "PRON")
            # "il", "elle", or "l'animatrice" as the subject of a move
            subject = token.dep_.startswith("nsubj") and (
                token.lower_ in self.pack.pronouns
                or _title_subject(token, titled, movers, self.pack.definite_articles))
            if not possessive and not subject:
                continue
            if possessive and (self._other_subject_between(doc, latest, token)
                               or _named_between(starts, latest.end, token.i)):
                continue  # an organisation, or another person named since, may own it
            # only within the same or the previous sentence
            sent_start = token.sent.start
            previous_start = doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
            if latest.start >= previous_start:
                name = canonical.get((latest.start, latest.end))
                if name:
                    resolved[token.i] = name
                    chained = (token.i, name)
            elif chained is not None and chained[0] >= previous_start \
                    and not _named_between(starts, chained[0] + 1, token.i):
                # the previous sentence's subject pronoun, with nobody named since
                resolved[token.i] = chained[1]
                chained = (token.i, chained[1])
        self._title_holders(doc, persons, canonical, titled, movers, resolved)
        self._latter(doc, persons, canonical, resolved)
        return resolved

    def _latter(self, doc: Doc, persons: list[Span], canonical: dict,
                resolved: dict[int, str]) -> None:
        """"X a remplacé Y. Ce dernier rejoint Z": the subject "ce dernier" (the pack's
        ``latter_words`` after a determiner) stands for the last person named before it,
        in its sentence or the one before, whatever that person's role there."""
        starts = [p.start for p in persons]
        for token in _tokens_among(doc, self.pack.latter_words):
            if token.i in resolved or not token.dep_.startswith("nsubj") \
                    or not any(c.dep_ == "det" for c in token.children):
                continue
            k = bisect_left(starts, token.i) - 1
            if k < 0 or persons[k].end > token.i:
                continue
            sent_start = token.sent.start
            previous_start = doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
            name = canonical.get((persons[k].start, persons[k].end))
            if name and persons[k].start >= previous_start:
                resolved[token.i] = name

    def _title_holders(self, doc: Doc, persons: list[Span], canonical: dict, titled: set[int],
                       movers: set[int], resolved: dict[int, str]) -> None:
        """"La consultante rejoindra Y" with "la consultante X" written earlier,
        however far: a definite title as the subject of a move verb stands for the one
        person the article gives that title (beside the name: "la consultante X", "X,
        consultante"), when it gives it to one person only."""
        holders: dict[str, str | None] = {}
        person_at = {p.start: p for p in persons}
        person_before = {p.end: p for p in persons}
        for span in doc.spans.get(ROLES, []):
            person = person_at.get(span.end)
            if person is None and span.start >= 2 and doc[span.start - 1].text == ",":
                person = person_before.get(span.start - 1)
            name = canonical.get((person.start, person.end)) if person is not None else None
            if name:
                key = span.root.lemma_.lower()
                holders[key] = name if holders.get(key, name) == name else None
        if not holders:
            return
        for i in sorted(titled - set(resolved)):
            token = doc[i]
            name = holders.get(token.lemma_.lower())
            if name and token.pos_ == "NOUN" and token.dep_.startswith("nsubj") \
                    and token.head.i in movers and "Plur" not in token.morph.get("Number") \
                    and (self.pack.title_subject_beside_names
                         or not any(t.ent_type_ in ("PER", "PERSON") for t in token.sent)) \
                    and any(c.dep_ == "det" and c.lower_ in self.pack.definite_articles
                            for c in token.children):
                resolved[i] = name

    def _other_subject_between(self, doc: Doc, person: Span, possessive) -> bool:
        """"X ... Acme annonce son départ": an organisation subject closer to the possessive
        than X may be what the possessive stands for."""
        return any(t.dep_.startswith("nsubj") and (
            t.ent_type_ in ("ORG", "MISC") or t.lemma_.lower() in self.pack.generic_org_nouns)
                   for t in doc[person.end:possessive.i])


def name_title_words(pack) -> frozenset[str]:
    """Single words of the pack's job titles ("justice", "président", "general"), without
    the function words that glue longer titles together ("de", "of")."""
    words = {w for line in read_lines(pack.files["roles"]) for w in line.lower().split()
             if w.isalpha() and len(w) > 2}
    return frozenset(words - set(pack.of_words) - set(pack.definite_articles))


def _named_between(starts: list[int], low: int, high: int) -> bool:
    """Whether a person starts in [low, high): bisected, where a scan of every person for
    every pronoun made long articles quadratic."""
    index = bisect_left(starts, low)
    return index < len(starts) and starts[index] < high


# lower-cased particles that open a surname in either language
_PARTICLES = frozenset({"le", "la", "de", "du", "des", "van", "von", "di", "da", "del", "della",
                        "dos", "das", "al", "el", "bin", "ben", "ter", "ten", "st", "st."})


def _without_glued_words(names: dict, move_verbs) -> dict:
    """"Kestrels Hire Ana Ruiz" in a headline: words the NER glued before a full name the
    article also writes alone (two words or more) are no part of it when one of them is a
    move verb, else the glued form, the longest, would name every mention. Measured and
    not kept: any word the article also writes in lower case ("Novelist X"): CV en 0.507
    -> 0.509, but the retrained model then added a wrong-looking dev move (dev en
    precision 0.949 -> 0.925, under its floor). A first name before a two-word surname
    ("Olga Sanz Ruiz", "Sanz Ruiz") is no move verb."""
    alone = {tuple(words) for words, _ in names.values() if len(words) >= 2}

    def cut(words: list[str]) -> int:
        # how many first words to drop: the shortest rest written alone, no particle first
        return next((k for k in range(1, len(words) - 1) if tuple(words[k:]) in alone
                     and words[k].lower() not in _PARTICLES), 0)
    glued = {key: (words, text, cut(words)) for key, (words, text) in names.items()
             if len(words) >= 3}
    glued = {key: value for key, value in glued.items() if value[2]}
    if not glued:
        return names
    common = set(move_verbs)
    cleaned = dict(names)
    for key, (words, text, k) in glued.items():
        if any(w.lower() in common for w in words[:k]) and text.startswith(" ".join(words[:k])):
            cleaned[key] = (words[k:], text[len(" ".join(words[:k])):].lstrip())
    return cleaned


def _title_subject(token, titled: set[int], movers: set[int], articles: frozenset[str]) -> bool:
    """"En mai, la chroniqueuse a quitté X": a definite title as the subject of a
    move verb, in a sentence naming nobody, stands for the person just talked about."""
    return (token.i in titled and token.pos_ == "NOUN" and token.dep_.startswith("nsubj")
            and token.head.i in movers
            and any(c.dep_ == "det" and c.lower_ in articles for c in token.children)
            and not any(t.ent_type_ == "PER" for t in token.sent))


def _dominant(words: list[str], full_names: list[tuple[list[str], str]]) -> str | None:
    """The full name a shared bare surname stands for when one bearer dominates the article.

    "Varga" with "Tomas Varga" named three times and "Ilona Varga" once is Tomas: the
    bare surname is the main subject's, unless the article names two bearers about as often.
    """
    by_first: dict[str, list[str]] = {}
    for other, text in full_names:
        if len(other) > len(words) and _same_person(words, other):
            by_first.setdefault(other[0].lower(), []).append(text)
    if len(by_first) < 2:
        return None
    ranked = sorted(by_first.values(), key=len, reverse=True)
    if len(ranked[0]) < 2 * len(ranked[1]):
        return None
    return max(ranked[0], key=len)


def _last_piece(words: list[str]) -> str:
    """What follows the last space of the folded, space-joined words."""
    return " ".join(words).lower().rsplit(" ", 1)[-1]


def _full_name_index(full_names: list[tuple[list[str], str]]) -> dict[str, list[int]]:
    """Positions in ``full_names`` by the keys _same_person needs in common: the last piece
    (every match but one ends the same way) and each inner word (the first of two surnames)."""
    index: dict[str, list[int]] = {}
    for position, (words, _) in enumerate(full_names):
        for key in {_last_piece(words), *(w.lower() for w in words[1:-1])}:
            index.setdefault(key, []).append(position)
    return index


def _same_person(short: list[str], full: list[str]) -> bool:
    """"Schulman" or "J. Schulman" or "John Schulman" against "John Schulman"."""
    fold = [w.lower() for w in short]
    other = [w.lower() for w in full]
    if len(fold) < len(other) and other[-len(fold):] == fold:
        return True  # "Lindqvist Berg" of "Ana Lindqvist Berg"
    if len(fold) == 1 and len(other) >= 3 and fold[0] in other[1:-1]:
        return True  # the first of two surnames: "Garcia" of "Ana Garcia Lopez"
    if fold[-1] != other[-1]:
        # a surname given alone may be the full name's last word(s) ("Van Houtte")
        tail = " ".join(other[-len(fold):])
        return len(fold) < len(other) and tail == " ".join(fold)
    if len(fold) == 1:
        return True
    return fold[0][0] == other[0][0]
