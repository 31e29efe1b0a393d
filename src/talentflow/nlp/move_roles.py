"""Which title of a move's sentence is the mover's: after "au poste de"/"as", right before the
name, in apposition, or right after the trigger; a past title ("ancien", "ex-") only for a
departure."""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span

from talentflow.nlp.doc_context import DocContext, PersonMention
from talentflow.nlp.lang import LEAVE, MOVE_KINDS, SUCCEED, LanguagePack
from talentflow.nlp.linking import _introduced_post, _past

#: Tokens between a person and a title set in apposition ("X, ancien directeur")
ROLE_APPOSITION_GAP = 3


def move_role(ctx: DocContext, pack: LanguagePack, sent: Span, trigger: Span, kind: str,
              person: PersonMention, persons: list[PersonMention],
              orgs: tuple[str | None, ...] = ()) -> str | None:
    """The title the move gives the person, in the article's own words, or None; ``orgs``
    are the move's organisations, which an apposed title may name."""
    doc = ctx.doc
    office = office_role(doc, pack, sent, trigger, person)
    if office is not None and not office.lower().startswith(VAGUE_OFFICES):
        return office  # "prend la présidence de X": the post the move itself names
    roles = [r for r in ctx.in_span(ctx.roles, sent.start, sent.end)
             if r.text.lower() not in pack.founder_nouns]
    if not roles:
        return office
    # the next person bounds this one's titles, unless it is the agent ("by Y as his...")
    next_person = min((p.start for p in persons if p.start > person.start and not any(
        t.lower_ in pack.agent_prepositions for t in doc[max(0, p.start - 3):p.start])),
        default=sent.end)
    if trigger[0].lemma_.lower() in pack.role_bound_verbs:
        post = _introduced_post(doc, trigger, pack)
        if post is not None and person.end <= post.start:
            return post.text  # the whole list takes the post: "accueille A et B comme T"
    # 1. "au poste de X", "en tant que X", "nommé X" after the person, before the next one
    for role in roles:
        # the post is also the one after the person replaced ("succède à Y comme T")
        near = person.end <= role.start < next_person or trigger.end <= role.start <= trigger.end + 2 \
            or trigger.label_ == SUCCEED and role.start >= trigger.end
        # and, announced, between the trigger and the person ("le départ de son poste
        # de T de l'ingénieur X")
        marked_only = trigger.end <= role.start < person.start and not any(
            trigger.end <= p.start < person.start for p in persons)
        if near or marked_only:
            words = [t.lower_ for t in doc[max(sent.start, role.start - 3):role.start]]
            for marker in pack.role_intro_markers:
                if tuple(words[-len(marker):]) == marker:
                    return role.text
            if not near:
                continue
            # past an owner and its adjectives: "named as the league's new treasurer"
            i = role.start - 1
            while i > max(sent.start, role.start - 7) and (
                    doc[i].pos_ in ("ADJ", "NUM", "PROPN", "PRON", "DET", "NOUN")
                    and doc[i].ent_type_ != "PER"
                    or doc[i].lower_ in pack.possessive_markers or doc[i].lower_ in pack.possessives):
                i -= 1
            if i < role.start - 1 and doc[i].lower_ in {
                    m[0] for m in pack.role_intro_markers if len(m) == 1}:
                return role.text
    # 2. a title right before the name: "la CTO Mira Murati"; for a pronoun, before the
    # name it stands for in this sentence ("Chair X, who ... until she was dismissed")
    named = [person] if not person.pronoun else [
        p for p in persons if not p.pronoun and p.name == person.name and p.end <= person.start]
    for mention in named:
        for role in roles:
            gap = doc[role.end:mention.start]
            if role.end <= mention.start and len(gap) <= 3 and all(t.is_punct or t.pos_ in ("ADJ", "VERB") for t in gap):
                if _held(doc, role, pack) and kind != LEAVE:
                    continue
                # "le cardinal X, archevêque de Y, quitte Y": the apposed title names the
                # post the move is about, the one before the name only a rank
                apposed = next((r for r in roles if 0 <= r.start - person.end <= ROLE_APPOSITION_GAP
                                and r.start < next_person and _names_org(doc, sent, r, orgs)
                                and not (_held(doc, r, pack) and kind != LEAVE)), None)
                return (apposed or role).text
    # 2b. a title of an organisation set before the name: "the head of Y, X, quits"
    for role in roles:
        titled = [o for o in ctx.in_span(ctx.orgs, role.end, person.start)
                  if o.after_role and o.start <= role.end + 2]
        if titled and all(t.is_punct for t in doc[titled[-1].end:person.start]) \
                and person.start - titled[-1].end <= 2 and not person.pronoun \
                and not (_held(doc, role, pack) and kind != LEAVE):
            return role.text
    # 3. apposition: "X, ancien directeur scientifique", "nommé X Premier ministre"
    for role in roles:
        gap = role.start - person.end
        if 0 <= gap <= ROLE_APPOSITION_GAP and role.start < next_person:
            if _held(doc, role, pack) and kind != LEAVE:
                continue
            return role.text
    # 4. a title right after the trigger: "nommé PDG", "devient directrice", also past
    # an owner and an ordinal ("started serving as the league's third commissioner")
    for role in roles:
        gap = doc[trigger.end:role.start]
        if role.start < trigger.start:
            continue  # a title inside the trigger counts ("assumed the chairmanship")
        if len(gap) <= 2 or len(gap) <= 5 and role.start <= next_person and all(
                t.pos_ in ("DET", "ADJ", "PROPN", "NUM", "PART") or t.lower_ in
                pack.possessive_markers for t in gap):
            return role.text
    return office


# offices that say only "at the head": a title of the sentence, when there is one, says more
VAGUE_OFFICES = ("tête", "rênes")
_OFFICE_PREPS = {"à", "de"}
_OFFICE_DETS = {"la", "les"}
_OFFICE_LINKS = {"de", "du", "des", "d'", "d’", "au", "aux"}
_OFFICE_WORDS = 8


def office_role(doc, pack: LanguagePack, sent: Span, trigger: Span,
                person: PersonMention) -> str | None:
    """The office a move takes or leaves named by its noun ("prend la présidence de X",
    "nommé à la tête de Y", "la démission de X de la présidence"): gold keeps such words
    as the role, and no title lexicon lists them, being common nouns in other senses."""
    if not pack.office_nouns:
        return None
    noun = next((t for t in trigger if t.lower_ in pack.office_nouns), None)
    if noun is None:
        # right after the trigger or the person: "nommé (mardi) à la présidence de"
        for anchor in (trigger.end, person.end if person.start >= trigger.end else None):
            if anchor is None:
                continue
            for i in range(anchor + 2, min(anchor + 5, sent.end)):
                if doc[i].lower_ in pack.office_nouns and doc[i - 1].lower_ in _OFFICE_DETS \
                        and doc[i - 2].lower_ in _OFFICE_PREPS and not any(
                            t.is_punct or t.ent_type_ == "PER" for t in doc[anchor:i - 2]):
                    noun = doc[i]
                    break
            if noun is not None:
                break
    if noun is None and trigger.label_ == SUCCEED and person.start >= trigger.end:
        # "X nommé à la présidence de Z en remplacement de Y": Y leaves the post X takes
        noun = next((t for t in reversed(doc[sent.start:trigger.start])
                     if t.lower_ in pack.office_nouns and t.i > sent.start
                     and doc[t.i - 1].lower_ in _OFFICE_DETS), None)
    if noun is None:
        return None
    end = noun.i + 1
    while end < sent.end and doc[end].is_lower and doc[end].pos_ == "ADJ":
        end += 1  # "direction générale", "présidence exécutive"
    if end < sent.end and doc[end].lower_ in _OFFICE_LINKS:
        last = end
        i = end + 1
        while i < sent.end and i - end <= _OFFICE_WORDS and not doc[i].is_punct \
                and not doc[i].text[0].isdigit() and doc[i].lower_ not in pack.calendar_words \
                and doc[i].ent_type_ != "PER" and (
                    doc[i].pos_ in ("NOUN", "PROPN", "ADJ", "DET")
                    or doc[i].lower_ in _OFFICE_LINKS or doc[i].lower_ in ("l'", "l’")):
            if doc[i].pos_ in ("NOUN", "PROPN", "ADJ"):
                last = i + 1
            i += 1
        if last > end + 1:
            end = last
    return doc[noun.i:end].text


def _names_org(doc, sent: Span, role: Span, orgs: tuple[str | None, ...]) -> bool:
    """Whether the title, or its complement in the next few words, names one of ``orgs``."""
    text = doc[role.start:min(sent.end, role.end + ROLE_COMPLEMENT_WORDS)].text
    return any(org and org in text for org in orgs)


ROLE_COMPLEMENT_WORDS = 6


def nearest_office(doc, pack: LanguagePack, sent: Span, triggers: list[Span],
                   person: PersonMention) -> str | None:
    """The office named by the move trigger nearest to the person (see office_role)."""
    moving = [t for t in triggers if t.label_ in MOVE_KINDS]
    if not pack.office_nouns or not moving:
        return None
    trigger = min(moving, key=lambda t: abs(t.start - person.start))
    return office_role(doc, pack, sent, trigger, person)


def person_titles(ctx: DocContext) -> dict[str, str]:
    """Each person's first current title written right beside one of their mentions ("la
    ministre X", "X, directeur de Y"), wherever in the article: a move reported without a
    title ("X a démissionné") keeps the post the article gives the person elsewhere."""
    key = (len(ctx.persons), len(ctx.roles))
    if ctx._person_titles is not None and ctx._person_titles[0] == key:
        return ctx._person_titles[1]
    titles = _person_titles(ctx)
    ctx._person_titles = (key, titles)
    return titles


def _person_titles(ctx: DocContext) -> dict[str, str]:
    doc = ctx.doc
    titles: dict[str, str] = {}
    roles = sorted(ctx.roles, key=lambda r: r.start)
    starts = [r.start for r in roles]
    # tokens beside a name: a title there is that person's, not a fuller form of another's
    # (a title or pronoun standing for someone is no name: "le délégué à X a démissionné")
    named = {i for p in ctx.persons if not p.pronoun
             for i in range(p.start - _BESIDE, p.end + _BESIDE)}
    for person in ctx.persons:
        if person.pronoun or person.name in titles:
            continue
        low = bisect_left(starts, person.start - _BESIDE - 8)
        for role in roles[low:]:
            if role.start > person.end + _BESIDE:
                break
            if not _beside(doc, role, person) or _held(doc, role, ctx.pack):
                continue
            titles[person.name] = _fuller(roles, role, named) or complemented(doc, role.sent, role)
            break
    return titles


def _fuller(roles: list[Span], role: Span, named: set[int]) -> str | None:
    """The first longer form of a bare title that the article writes with no name beside it
    ("le délégué X" ... "le délégué à la jeunesse a démissionné"): the
    post in full."""
    bare = role.text.lower() + " "
    return next((r.text for r in roles if r.text.lower().startswith(bare)
                 and not named.intersection(range(r.start, r.end + 1))), None)


_BESIDE = 2


def _beside(doc, role: Span, person: PersonMention) -> bool:
    """A title right before or after the name, with at most punctuation, an article or an
    adjective between ("la ministre X", "X, PDG de Y")."""
    gap = doc[role.end:person.start] if role.end <= person.start \
        else doc[person.end:role.start] if role.start >= person.end else None
    return gap is not None and len(gap) <= _BESIDE \
        and all(t.is_punct or t.pos_ in ("ADJ", "DET") for t in gap)


def titled_other(doc, role: Span, person: PersonMention, persons: list[PersonMention]) -> bool:
    """Whether the title is set beside another person's name, not this one's: "remplacée par
    Y, député" gives Y's title, not the post of the one replaced."""
    return not _beside(doc, role, person) and any(
        not other.pronoun and other.name != person.name and _beside(doc, role, other)
        for other in persons)


# "l'actuel directeur", "the current CFO": the post held now, which a new post replaces
_CURRENT = {"actuel", "actuelle", "current", "incumbent"}


def _held(doc, role: Span, pack: LanguagePack) -> bool:
    """A title the person had before the move: past ("ancien") or current ("actuel")."""
    return _past(doc, role, pack) or role.start > 0 and doc[role.start - 1].lower_ in _CURRENT


# Titles whose post is named by what follows "of"/"to": "Leader of the Opposition",
# "ambassador to Japan", "governor of the province"; without it the bare head says little
_COMPLEMENTED = {"leader", "secretary", "ambassador", "governor", "president", "chancellor",
                 "speaker", "premier", "mayor", "chairman", "chairwoman", "chair", "head",
                 "commissioner", "envoy", "representative", "member", "minister", "staff"}
_COMPLEMENT_LINKS = {"of", "to"}
_COMPLEMENT_WORDS = 4
# "Secretary of the Cabinet Office of X": names link at most this many bodies
_COMPLEMENT_CHAIN = 3


def title_with_complement(ctx: DocContext, sent: Span, role: str | None) -> str | None:
    """The title with the body or place it serves written right after it ("Secretary of
    Homeland Security", "ambassador to the U.S."), as the article words the post. Only the
    returned text grows: the title's span, which lexicons and features read, stays as it is."""
    if not role or role.split()[-1].lower() not in _COMPLEMENTED:
        return role
    for span in ctx.in_span(ctx.roles, sent.start, sent.end):
        if span.text == role:
            return complemented(ctx.doc, sent, span)
    return role


def complemented(doc, sent: Span, span: Span) -> str:
    """The title span's text with its complement (see title_with_complement)."""
    role = span.text
    if role.split()[-1].lower() not in _COMPLEMENTED:
        return role
    end = span.end
    for link in range(_COMPLEMENT_CHAIN):
        if end >= sent.end or doc[end].lower_ not in _COMPLEMENT_LINKS:
            break
        end += 1
        if end < sent.end and doc[end].lower_ == "the":
            end += 1
        start = end
        while end < sent.end and end - start < _COMPLEMENT_WORDS and doc[end].ent_type_ != "PER" \
                and (doc[end].is_alpha or doc[end].text.replace(".", "").isalpha()) \
                and doc[end].pos_ in ("PROPN", "NOUN", "ADJ") \
                and (link == 0 or not doc[end].is_lower):
            end += 1
        if end == start or end < sent.end and doc[end].is_lower and doc[end].pos_ == "NOUN":
            return role  # a phrase cut short: "governor of X territory of Y"
        if end < sent.end and doc[end].lower_ in _COMPLEMENT_LINKS and (
                link + 1 == _COMPLEMENT_CHAIN or any(t.is_lower for t in doc[start:end])):
            # a chain too long, or past a common noun: "governor of X territory of Y"
            return role
    return doc[span.start:end].text
