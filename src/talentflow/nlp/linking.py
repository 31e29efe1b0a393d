"""Geometry and syntax helpers for attaching people and organisations to triggers.

Language-neutral: token distances, coordination lists, dependency links, the side an
organisation's marker puts it on. Word lists come from the language pack.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from talentflow.nlp.doc_context import OrgMention, PersonMention
from talentflow.nlp.lang import LEAVE, LanguagePack


_BARE_OF = {("de",), ("du",), ("d'",), ("des",), ("de", "la"), ("de", "l'")}
# French and English list words: "A, B et C", "A, B and C", "A as well as B"
_LIST_WORDS = {",", "et", "ou", "encore", "du", "de", "la", "le", "l'", "des", "d'", "celle",
               "celui", "ceux", "celles", "ainsi", "que", "puis", "aussi", "ni", "-", "–",
               "and", "or", "as", "well", "the", "of", "also", "nor"}
# passive marks in the UD (French) and ClearNLP (English) dependency schemes
_PASSIVE_DEPS = frozenset({"aux:pass", "nsubj:pass", "auxpass", "nsubjpass"})


def _coordination_groups(doc: Doc, persons: list[PersonMention]) -> list[list[PersonMention]]:
    groups: list[list[PersonMention]] = []
    for person in persons:
        if groups and _coordinated(doc, groups[-1][-1], person):
            groups[-1].append(person)
        else:
            groups.append([person])
    return groups


def _coordinated(doc: Doc, first: PersonMention, second: PersonMention) -> bool:
    """Two people in one list: only commas, "et", titles and short appositions between."""
    if any(p.pronoun and (doc[p.start].pos_ == "DET" or doc[p.start].dep_ == "poss")
           for p in (first, second)):
        return False  # "son départ" stands for its owner, in no list
    between = doc[first.end:second.start]
    if len(between) > 18 or any(t.pos_ in ("VERB", "AUX") for t in between):
        return False
    return any(t.lower_ in _LIST_WORDS for t in between)


def _comma_between(doc: Doc, a: Span, b) -> bool:
    start, end = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    return any(t.text == "," for t in doc[start:end])


def _conjoined_with(doc: Doc, person: PersonMention, subjects) -> bool:
    """The person is coordinated with a subject ("A et B rejoignent", "A and B joined")."""
    subject_ids = {c.i for c in subjects}
    for i in range(person.start, person.end):
        head = doc[i]
        for _ in range(3):
            if head.dep_ != "conj" or head.head is head:
                break
            head = head.head
            if head.i in subject_ids:
                return True
    return False


def _nationality_shaped(token) -> bool:
    """"Lithuanian", "Congolese", "Danish" left untagged by the NER, by their form."""
    return token.is_title and token.pos_ in ("ADJ", "PROPN") and token.ent_type_ == "" \
        and token.lower_.endswith(("ian", "ean", "ese", "ish", "ic", "an", "i")) \
        and len(token) > 4


def _syntactic_link(doc: Doc, trigger: Span, person: PersonMention,
                    through_governor: bool = True) -> bool:
    """The person's head chain reaches the trigger, or the other way round, in two steps.

    With ``through_governor`` the subject of the verb governing the trigger counts too.
    """
    root = trigger[0]
    for token in doc[person.start:person.end]:
        head = token
        for _ in range(2):
            head = head.head
            if head.i == root.i:
                return True
    head = root
    ancestors = []
    for _ in range(2):
        head = head.head
        ancestors.append(head.i)
        if person.start <= head.i < person.end:
            return True
    # the subject of the governing verb: "X va prendre la tête", "X a décidé de quitter"
    return through_governor and any(doc[i].dep_ == "nsubj" and doc[i].head.i in ancestors and doc[i].head.i != root.i
               for i in range(person.start, person.end))


def _past(doc: Doc, role: Span, pack: LanguagePack) -> bool:
    before = doc[role.start - 1].lower_ if role.start > 0 else ""
    # "ex-directrice" is one token for the tokenizer, the title with its past marker
    glued = any(doc[role.start].lower_.startswith(a) for a in pack.past_adjectives
                if a.endswith("-"))
    return before in pack.past_adjectives or glued


def _side(org: OrgMention, kind: str) -> str | None:
    if org.marker in ("from", "to"):
        return org.marker
    if org.marker == "desc":
        return None
    return "from" if kind == LEAVE else "to"


def _nearest(spans, item):
    best, best_distance = None, None
    for span in spans:
        distance = _distance(span, item)
        if best_distance is None or distance < best_distance:
            best, best_distance = span, distance
    return best


def _distance(a, b) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


def _same_org(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a == b or a in b or b in a


def _implied_org(role: str, pack: LanguagePack) -> str | None:
    lowered = role.lower()
    for head, org in pack.implied_orgs.items():
        if lowered == head or lowered.startswith(head + " "):
            return org
    return None


def _sent_end_char(sent: Span) -> int:
    """End of the sentence without trailing spaces or newlines."""
    end = sent.end
    while end > sent.start + 1 and sent.doc[end - 1].is_space:
        end -= 1
    return sent.doc[end - 1].idx + len(sent.doc[end - 1].text)


def _files_the_noun(doc: Doc, trigger: Span, person: PersonMention,
                    pack: LanguagePack) -> bool:
    """"X submits a resignation (letter)": X is the subject of the verb whose object
    is the trigger noun, or a document named after it."""
    noun = trigger[0]
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in pack.document_nouns:
        noun = noun.head
    verb = noun.head
    if noun.dep_ not in ("dobj", "obj") or verb.pos_ != "VERB" \
            or verb.lemma_.lower() not in pack.filing_verbs:
        return False
    for i in range(person.start, person.end):
        token = doc[i]
        if token.dep_ == "appos":
            token = token.head  # "The commander of Y, X, submits..."
            for _ in range(4):  # the parser may hang X on Y: back up to "commander"
                if token.dep_ not in ("pobj", "prep", "nmod", "compound") or token.head is token:
                    break
                token = token.head
        if token.dep_.startswith("nsubj") and token.head.i == verb.i \
                or verb.dep_ == "acl" and verb.head.i == token.i:  # the parse may hang the verb on X
            return True
    return False


def _own_post_follows(doc: Doc, trigger: Span, person: PersonMention,
                      pack: LanguagePack) -> bool:
    """"appointed X to her position": the words after the appointee send them back to
    the post they hold."""
    after = max(trigger.end, person.end)
    words = tuple(t.lower_ for t in doc[after:after + 3])
    return any(words[:len(m)] == m for m in pack.own_post_markers)


def _transfer_side(doc: Doc, trigger: Span, person: PersonMention, org: OrgMention,
                   pack: LanguagePack) -> str | None:
    """"A traded X to B": A, the verb's subject, is the origin; B, after "to", the
    destination. None for other verbs and other organisations."""
    root = trigger[0]
    if root.lemma_.lower() not in pack.transfer_verbs:
        return None
    if any(doc[i].dep_ == "nsubj" and doc[i].head.i == root.i for i in range(org.start, org.end)):
        return "from"
    before = doc[org.start - 1] if org.start > 0 else None
    if before is not None and before.lower_ in {a.strip() for a in pack.articles} \
            and org.start > 1:
        before = doc[org.start - 2]
    if org.start >= max(person.end, trigger.end) and before is not None \
            and before.lower_ in pack.transfer_to_words:
        return "to"
    return None


def _transferred(doc: Doc, trigger: Span, person: PersonMention, pack: LanguagePack) -> bool:
    """With a transfer verb, only its object moves ("traded X", "X was traded"), not a
    source quoted further on."""
    root = trigger[0]
    if root.lemma_.lower() not in pack.transfer_verbs:
        return True
    return any(doc[i].head.i == root.i and doc[i].dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass")
               for i in range(person.start, person.end))


def _title_between(doc: Doc, org: OrgMention, person: PersonMention) -> bool:
    """"<org> <title> <person>": the organisation is the one the person works for now."""
    return any(r.start == org.end and r.end == person.start
               for r in doc.spans.get("tf_roles", []))


def _complement_chain(doc: Doc, trigger: Span, person: PersonMention, steps: int = 5) -> bool:
    """The person hangs on the trigger noun through complements and appositions only
    ("la démission de ses fonctions de <titre> du <titre> X")."""
    token = doc[person.start]
    for _ in range(steps):
        if token.dep_ not in ("nmod", "appos", "flat:name", "obl", "obl:mod") or token.head is token:
            return False
        token = token.head
        if trigger.start <= token.i < trigger.end:
            return True
    return False


def _introduced_post(doc: Doc, trigger: Span, pack: LanguagePack, reach: int = 15) -> Span | None:
    """The first title introduced ("comme", "en tant que", "au poste de") a few words after
    the trigger, in its sentence: "accueille A, B et C comme administrateurs"."""
    end = min(trigger.sent.end, trigger.end + reach)
    for role in doc.spans.get("tf_roles", []):
        if not trigger.end < role.start < end:
            continue
        words = tuple(t.lower_ for t in doc[max(trigger.end, role.start - 3):role.start])
        if any(words[-len(m):] == m for m in pack.role_intro_markers if len(m) <= len(words)):
            return role
    return None
