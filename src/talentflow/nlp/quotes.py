"""Direct quotes and who said them: « ... », “ ... ”, "...", interview dashes, block quotes.

Quotes are found by scanning the text with regexes, paragraph by paragraph; only the
person entities the NER found and the coreference maps of ``talentflow_coref`` are read,
so the component never walks the tokens. A quote's speaker is looked for, in order, in
its attribution after it (``», a déclaré X``, ``," X said``), before it in the same
sentence (``X a déclaré : «``, ``According to X, "``), through a pronoun or "ce dernier"
(the person named last before the quote), and for an unattributed quote right after
another one, the previous speaker. A quote no named person can be given is dropped:
institutions and unnamed sources do not speak in the output.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from talentflow.nlp import extensions  # noqa: F401  (registers Doc attributes)
from talentflow.nlp.records import QuoteCandidate

MIN_WORDS = 5
# quotes longer than this are more likely a run of text between two stray marks
MAX_CHARS = 3000
ATTRIBUTION_CHARS = 160
# an unattributed quote continues the previous speaker's words only when this close
CONTINUATION_CHARS = 600
# a quote left open at a line's end is read on over at most this many lines
MAX_JOINED_LINES = 6

_OPENERS = {"«": "»", "“": "”", "„": "“", '"': '"'}
# a straight mark and a curly one often pair up in copied text ("... ” or “ ... ")
_CLOSERS = {"«": "»", "“": '”"', "„": '“”"', '"': '"”'}
_MARKS = re.compile(r'[«»“”„"]')
_PARAGRAPHS = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
# "M. Noda", "Mr. Lee", "Anne W. Patterson": a title's or an initial's point ends no sentence
_SENTENCE_END = re.compile(
    r"(?<!\bM)(?<!\bMM)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\bSt)(?<!\bMme)(?<!\bMlle)"
    r"(?<!\b[A-Z])[.](?=\s|$)|[!?…](?=\s|$)|\n|[«“„\"]")
_DASH_LINE = re.compile(r"^[ \t]*[—–-][ \t]+(?=\S)", re.M)

_SPEECH = {
    "fr": re.compile(
        r"\b(?:déclar|affirm|expliqu|ajout|estim|soulign|précis|indiqu|confi|assur|lanc|"
        r"répond|poursui|racont|conclu|comment|reconn|martel|insist|not[ée]|observ|relev|"
        r"rappel|résum|jug|s'exclam|écri|tw[ie]|avou|adm[ie]|prévi|ironis|dénon|regrett|"
        r"félicit|témoign|annon|concè|conc[eé]d|sout|résum|argument|dit|dis|dira|selon|"
        r"pour (?:lui|elle)|d'après|renchér|tranch|plaid|confirm|s'interroge|s'inqui|"
        r"glisse|lâch|déplor|se réjou|se dit|raill|prévien|constat|analys|détaill|"
        r"espère|pense|croit|considèr)\w*", re.I),
    "en": re.compile(
        r"\b(?:said|says|say|saying|told|tells|tell|add(?:s|ed)?|explain(?:s|ed)?|"
        r"not(?:es|ed)|stat(?:es|ed)|declar(?:es|ed)|wr(?:ote|ites)|according|asked|"
        r"repl(?:ied|ies)|argu(?:es|ed)|insist(?:s|ed)?|continu(?:es|ed)|recall(?:s|ed)?|"
        r"remark(?:s|ed)?|comment(?:s|ed)?|admit(?:s|ted)?|acknowledg(?:es|ed)|"
        r"warn(?:s|ed)?|claim(?:s|ed)?|announc(?:es|ed)|observ(?:es|ed)|pointed|"
        r"conclud(?:es|ed)|tweet(?:s|ed)?|post(?:s|ed)|sa(?:id|ys) in|quoted|"
        r"recount(?:s|ed)?|confirm(?:s|ed)?|stress(?:es|ed)?|emphasi[sz](?:es|ed)|"
        r"urg(?:es|ed)|predict(?:s|ed)?|went on|"
        r"testif(?:ies|ied)|responded|wondered|joked|boasted|complained)\b", re.I),
}
_PRONOUN = {
    "fr": re.compile(r"(?:\b|-t-|-)(?:il|elle|lui)\b|\bce dernier\b|\bcette dernière\b", re.I),
    "en": re.compile(r"\b(?:he|she|him|her|the latter)\b", re.I),
}
# "», s'est-il emporté", '," she fumed': a pronoun and any verb right after the marks
# attribute the quote, whatever the verb
_INVERTED = {
    "fr": re.compile(r"[\s»”\"“,]{0,4}(?:[\w'’]+ )?[\w'’]+-(?:t-)?(?:il|elle)\b", re.I),
    "en": re.compile(r"[\s»”\"“,]{0,4}(?:he|she) \w+(?:ed|s)\b", re.I),
}
_GENDER_OF = {"il": "m", "lui": "m", "elle": "f", "he": "m", "him": "m", "she": "f",
              "her": "f"}
_TITLES = {
    "fr": r"\b(?:(?P<f>Mme|Madame|Mlle|Mademoiselle)|M\.|MM\.|Monsieur)",
    "en": r"\b(?:(?P<f>Mrs|Ms|Miss|Lady|Dame)|Mr|Sir|Lord)\b\.?",
}
# the title just before the name, or opening the entity the NER found ("Mme X")
_TITLE_BEFORE = {lang: re.compile(p + r"\s*$") for lang, p in _TITLES.items()}
_TITLE_OPENING = {lang: re.compile(p + r"\s") for lang, p in _TITLES.items()}
# the pronoun after a name in its sentence; French is left out: "il" is as often
# impersonal ("il faut") and "elle" a feminine noun's, which outvoted the titles
_GENDERED = {
    # an impersonal "il" ("il faut", "qu'il y ait") says nothing: only "il" before a verb
    # form that takes a person, or inverted after one
    "en": re.compile(r"\b(?:(?P<f>she|her)|he|his|him)\b", re.I),
}
# "», a promis X", '", lança X': a lone verb between the marks and a name attributes
# the quote, whatever the verb
_VERB_LEAD = {
    "fr": re.compile(r"[\s»”\"“]*,\s*(?:a |avait )?[a-zéèêîôûàç]+(?:-t)?\s+$"),
    "en": re.compile(r"[\s»”\"“]*,?[\s»”\"“]*[a-z]+ed\s+$"),
}
_FIRST_PERSON = {
    "fr": re.compile(r"\b(?:je|j['’]|me|m['’]|moi|mon|ma|mes|nous|notre|nos)\b", re.I),
    "en": re.compile(r"\b(?:I|me|my|mine|we|our|us)\b"),
}
# "l'analyste", "the company's chief executive": a definite title standing for someone named
# an interviewer's question speaks to the interviewee; a heading that asks does not
_SECOND_PERSON = re.compile(r"\b(?:vous|votre|vos|tu|te|t['’]|ton|ta|tes|toi|you|your)\b", re.I)
# "précise le communiqué de X", "said a statement from X": a document speaks, not X
_DOCUMENT_LEAD = re.compile(
    r"\b(?:communiqué|rapport|texte|document|déclaration écrite|journal|éditorial|lettre|"
    r"statement|report|editorial|newspaper|letter|release|filing)\b[^,]*$|"
    r"(?:\bde|\bdu|\bd['’]|\bof|\bfrom)\s*$", re.I)
_DEFINITE_TITLE = {
    "fr": re.compile(r"\b(?:l['’]|le |la )(?:[^\W\d_-]+ )?[^\W\d_]{3,}", re.I),
    "en": re.compile(r"\bthe (?:[a-z-]+ )?[a-z-]{3,}", re.I),
}


@Language.factory("talentflow_quotes")
def make_quotes(nlp: Language, name: str) -> "QuoteFinder":
    return QuoteFinder(nlp.lang)


class QuoteFinder:
    def __init__(self, lang: str):
        self.lang = lang if lang in _SPEECH else "fr"
        self._gender_text: str | None = None
        self._gender_cache: dict[str, str] = {}

    def __call__(self, doc: Doc) -> Doc:
        names = doc._.tf_person_names or {}
        persons = [(ent.start_char, ent.end_char, names[(ent.start, ent.end)])
                   for ent in doc.ents if ent.label_ == "PER" and names.get((ent.start, ent.end))]
        pronouns = sorted((doc[i].idx, name) for i, name in (doc._.tf_pronouns or {}).items())
        doc._.tf_quotes = self.find(doc.text, persons, pronouns)
        return doc

    def find(self, text: str, persons: list, pronouns: list) -> list[QuoteCandidate]:
        """Quotes of ``text`` given its people as (start, end, canonical name) in text order
        and the pronouns coref resolved as (start, name)."""
        spans = quoted_spans(text)
        spans += dash_answers(text, spans)
        spans += interview_answers(text, spans)
        spans += block_quotes(text, spans, persons, self.lang)
        if not spans:
            return []
        spans.sort()
        persons = _with_surnames(text, persons)
        quoted = [(s, e) for s, e, _style, _who in spans]
        outside = [p for p in persons if not _inside(p, quoted)]
        # [start, end, style, speaker, attributed]
        quotes = []
        for start, end, style, speaker_span in spans:
            if len(_WORD.findall(text[start:end])) < MIN_WORDS:
                continue
            speaker, attributed = None, False
            if speaker_span is not None:
                speaker = _person_in(outside, *speaker_span)
            elif style == "marks":
                speaker, attributed = self._speaker(text, start, end, outside, pronouns, quoted)
            elif style == "dash":
                speaker = _last_before(outside, start)
            else:
                speaker = _interviewee(outside, start)
            quotes.append([start, end, style, speaker, attributed])
        # quotes one after the other with nothing between them are one speaker's, whose
        # name may come only after the last: "« ... » « ... », a dit X."
        for here, after in zip(reversed(quotes[:-1]), reversed(quotes[1:])):
            if here[3] is None and not here[4] and after[3] is not None \
                    and here[2] == after[2] == "marks" and _adjacent(text, here[1], after[0]):
                here[3] = after[3]
        found: list[QuoteCandidate] = []
        previous: QuoteCandidate | None = None
        # end of the last quote attributed to no person ("a indiqué la mairie")
        silent = -CONTINUATION_CHARS - 1
        for start, end, style, speaker, attributed in quotes:
            if attributed and speaker is None:
                silent = end
            # attributed to no person ("précise le communiqué"): not the previous speaker's
            if speaker is None and not attributed and previous is not None \
                    and style != "block" \
                    and start - previous.end <= CONTINUATION_CHARS \
                    and not _other_person_between(outside, previous.end, start, previous.speaker):
                speaker = previous.speaker  # "« ... », a-t-il dit. « ... »": still him
            # a quote standing as its own sentence, not a fragment of the prose, after
            # no quote of an institution's
            if speaker is None and not attributed and style == "marks" \
                    and start - silent > CONTINUATION_CHARS:
                speaker = _introduced(text, outside, start)
            if speaker is None:
                continue
            previous = QuoteCandidate(speaker=speaker, start=start, end=end, style=style)
            found.append(previous)
        return found

    def _speaker(self, text, start, end, persons, pronouns, quoted) -> tuple[str | None, bool]:
        """The quote's speaker, and whether an attribution was there at all (one that names
        no person, "a précisé la RATP", keeps the quote from the previous speaker)."""
        speech = _SPEECH[self.lang]
        after_end = _clause_end(text, end)
        after = text[end:after_end]
        # after the quote: "», a déclaré X", ", X said", "» selon X"
        named = [p for p in persons if end <= p[0] and p[1] <= after_end]
        if named:
            first = named[0]
            lead = text[end:first[0]]
            if _DOCUMENT_LEAD.search(lead):
                return None, True
            if len(lead) <= 80 and (speech.search(lead) or _VERB_LEAD[self.lang].match(lead)
                                    or speech.search(
                    text[first[1]:min(after_end, first[1] + 60)]) or lead.strip(" ,»”\"") == ""):
                return first[2], True
        attributed = bool(speech.search(after[:60]) or _INVERTED[self.lang].match(after))
        if attributed:
            return self._pronoun(text, end, end + min(len(after), 60), start, persons,
                                 pronouns), True
        # before it in the same sentence: "X a déclaré : «", "Pour X, c'est «"
        begin = _clause_start(text, start, quoted)
        named = [p for p in persons if begin <= p[0] and p[1] <= start]
        if named:
            return named[0][2], True
        before = text[begin:start]
        if speech.search(before):
            return self._pronoun(text, begin, start, begin, persons, pronouns), True
        return None, False

    def _pronoun(self, text, lo, hi, quote_start, persons, pronouns) -> str | None:
        """"a-t-il déclaré", "he said", "ce dernier", "l'analyste": whoever coref tied the
        pronoun to, else the person named last before the quote."""
        window = text[lo:hi]
        pronoun = _PRONOUN[self.lang].search(window)
        if not (pronoun or _DEFINITE_TITLE[self.lang].search(window)):
            return None
        # "a-t-elle dit" is not about the man named last: coref does not weigh gender
        wanted = _GENDER_OF.get(pronoun.group().lower().strip("-t")) if pronoun else None
        genders = self._genders(text, persons) if wanted else {}
        at = bisect_left(pronouns, (lo, ""))
        if at < len(pronouns) and pronouns[at][0] < hi \
                and genders.get(pronouns[at][1], wanted) == wanted:
            return pronouns[at][1]
        # someone the article shows to be of the pronoun's gender, else anyone not shown
        # to be of the other
        return _last_before([p for p in persons if genders.get(p[2]) == wanted], quote_start,
                            reach=500) \
            or _last_before([p for p in persons if genders.get(p[2], wanted) == wanted],
                            quote_start)

    def _genders(self, text: str, persons) -> dict[str, str]:
        """"f" or "m" for the people whose gender the article shows: a title before their
        name ("Mme", "Mr") or the pronoun that follows them in the sentence ("X a dit
        qu'elle ...") -- a vote over all their mentions, computed once per text."""
        if self._gender_text is text:
            return self._gender_cache
        votes: dict[str, int] = {}
        for start, end, name in persons:
            vote = 0
            title = _TITLE_BEFORE[self.lang].search(text, max(0, start - 12), start) \
                or _TITLE_OPENING[self.lang].match(text, start)
            if title:
                vote += 3 if title.group("f") else -3
            after = _SENTENCE_END.search(text, end, end + 160)
            gendered = _GENDERED.get(self.lang)
            follower = gendered and gendered.search(text, end, after.start() if after else end + 160)
            if follower:
                vote += 1 if follower.group("f") else -1
            votes[name] = votes.get(name, 0) + vote
        self._gender_text = text
        self._gender_cache = {n: "f" if v > 0 else "m" for n, v in votes.items() if v}
        return self._gender_cache


def _with_surnames(text: str, persons: list) -> list:
    """Add the bare surnames the NER did not tag ("Milletich a également ...") of people it
    did name in full: one regex over the text, for the surnames of this article only."""
    surnames = {}
    for _s, _e, name in persons:
        words = name.split()
        if len(words) >= 2 and len(words[-1]) >= 3 and words[-1][0].isupper():
            surnames[words[-1]] = name
    if not surnames:
        return persons
    pattern = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, sorted(surnames, key=len,
                                                                        reverse=True))))
    starts = [p[0] for p in persons]
    extra = []
    for match in pattern.finditer(text):
        at = bisect_right(starts, match.start()) - 1
        if at >= 0 and persons[at][1] >= match.end():
            continue  # inside an entity already
        extra.append((match.start(), match.end(), surnames[match.group()]))
    return sorted(persons + extra) if extra else persons


def _introduced(text: str, persons, start: int) -> str | None:
    """For a quote no attribution names: the person named last before it in its own
    paragraph or the one before ("X a proposé que ... .\n\n« Nous ... »"), the way a
    reader takes it, when no other quote stands between them."""
    lo = text.rfind("\n", 0, start)
    if lo > 0 and not text[text.rfind("\n", 0, lo) + 1:lo].strip():
        lo = text.rfind("\n", 0, lo)  # a blank line between paragraphs
    lo = text.rfind("\n", 0, max(lo, 0)) + 1 if lo > 0 else 0
    return _last_before([p for p in persons if p[0] >= lo], start)


def _opens_sentence(text: str, start: int) -> bool:
    """The quote's opening mark starts a paragraph or follows a sentence's end."""
    before = text[max(0, start - 12):start].rstrip(" \u00a0\u202f«“„\"")
    return not before or before[-1] in ".!?…\n»”\"'"


def _adjacent(text: str, end: int, start: int) -> bool:
    """Only marks and spaces, at most one line break, between two quotes."""
    between = text[end:start]
    return between.count("\n") <= 1 and not between.strip(" \n\u00a0\u202f«»“”„\"")


def _inside(person, quoted) -> bool:
    return any(s <= person[0] and person[1] <= e for s, e in quoted)


def _person_in(persons, lo: int, hi: int) -> str | None:
    return next((p[2] for p in persons if lo <= p[0] and p[1] <= hi), None)


def _other_person_between(persons, lo: int, hi: int, speaker: str) -> bool:
    return any(lo <= p[0] < hi and p[2] != speaker for p in persons)


def _last_before(persons, at: int, reach: int = 1500) -> str | None:
    """The person named last before ``at``; a one-word name is too often a place or a
    team the NER took for a person to stand for a pronoun."""
    earlier = [p for p in persons if p[1] <= at and at - p[1] <= reach and _full(p[2])]
    return earlier[-1][2] if earlier else None


def _full(name: str) -> bool:
    """A first name and a surname, however spaced ("Jay\u00a0Sorensen")."""
    return len(name.split()) >= 2


def _clause_end(text: str, end: int) -> int:
    limit = min(len(text), end + ATTRIBUTION_CHARS)
    # skip the closing mark (with the space some sources put before it: 'wrong, "he
    # said') and its own punctuation: '."' or '»,' then look for the next stop
    lo = end
    while lo < limit and text[lo] in " \u00a0\u202f":
        lo += 1
    lo = lo + 1 if lo < len(text) and text[lo] in "»”\"“" else end
    match = _SENTENCE_END.search(text, lo, limit)
    return match.start() if match else limit


def _clause_start(text: str, start: int, quoted) -> int:
    lo = max(0, start - ATTRIBUTION_CHARS)
    for s, e in quoted:
        # not past the previous quote's words; a scare-quoted fragment ('dénonce de
        # « viles attaques » et dit « ... »') is part of the speaker's sentence
        if start > e >= lo and len(_WORD.findall(text[s:e])) >= MIN_WORDS:
            lo = e + 1
    piece = text[lo:start - 1] if start > 0 else ""
    cut = max(piece.rfind(". "), piece.rfind("\n"), piece.rfind("? "), piece.rfind("! "))
    return lo + cut + 1 if cut >= 0 else lo


# --- finding the quoted words ------------------------------------------------------------

def quoted_spans(text: str) -> list[tuple[int, int, str, None]]:
    """(start, end, "marks", None) of the words inside top-level quotation marks.

    Marks are paired within a paragraph; marks nested inside a quote are part of it.
    A paragraph whose marks do not balance yields only the quotes closed before the first
    mark that breaks the balance, so a stray mark never makes prose into a quote. The one
    exception is a quote left open at the end of a line whose next lines open with no
    mark: sources that put each sentence on its own line run a quote over several lines
    ("« ... .\n... », a-t-il dit"), so those lines are read on up to the closing mark."""
    found = []
    paras = [m.span() for m in _PARAGRAPHS.finditer(text)]
    index = 0
    while index < len(paras):
        spans, dangling = _pair(text, *paras[index])
        found += spans
        last = index
        while dangling is not None:
            joined = _join_lines(text, paras, last, dangling)
            if joined is None:
                break
            last, more, dangling = joined
            found += more
        index = last + 1
    return [s for s in found if s[1] - s[0] <= MAX_CHARS]


def _join_lines(text: str, paras, last: int, opener: int):
    """(last line, quotes, mark still open) once the quote opened at ``opener`` is closed on
    one of the few lines after ``last``, or None: a line opening with a mark or a dash
    starts new words (a paragraph-per-paragraph quote or an answer), not a continuation."""
    for k in range(last + 1, min(len(paras), last + 1 + MAX_JOINED_LINES)):
        lo, hi = paras[k]
        first = text[lo:hi].lstrip()[:1]
        if first in _OPENERS or first in "—–-" or hi - opener > MAX_CHARS:
            return None
        spans, dangling = _pair(text, opener, hi)
        if spans and spans[0][0] <= opener + 3:  # its own closer found, not a nested pair
            return k, spans, dangling
    return None


def _pair(text: str, lo: int, hi: int) -> tuple[list, int | None]:
    """The top-level quotes between ``lo`` and ``hi``, and the position of a top-level
    opener still open at ``hi`` (None when all closed or the marks tangled)."""
    found = []
    stack: list[tuple[str, int]] = []
    for mark in _MARKS.finditer(text, lo, hi):
        char, at = mark.group(), mark.start()
        if char == '"' and text[at - 1:at].isalnum() and text[at + 1:at + 2].isalnum():
            continue  # l"épargne: a straight mark standing for an apostrophe
        if stack and char in _CLOSERS[stack[-1][0]] and (
                char != '"' or _closes(text, at) or _spaced_closer(text, at)):
            opener, begin = stack.pop()
            if not stack:
                span = _trim(text, begin + 1, at)
                if span:
                    found.append((*span, "marks", None))
        elif char in _OPENERS and (char != '"' or not stack or stack[-1][0] != '"'):
            if char == '"' and not _opens(text, at):
                stack.clear()  # can neither open nor close: what is open is unsure
                continue
            stack.append((char, at))
        elif not stack:
            continue  # a closing mark with nothing open: a stray, ignored
        else:
            # a closer of another kind inside a quote: the marks are tangled, so what
            # is open is dropped and a straight mark that can open starts afresh
            stack.clear()
            if char == '"' and _opens(text, at):
                stack.append((char, at))
    return found, (stack[0][1] if len(stack) == 1 else None)


def _spaced_closer(text: str, at: int) -> bool:
    """'wrong, "he said': a straight mark after a space that follows the quote's own
    punctuation closes it, though it sits against the next word like an opener."""
    return text[at - 1:at] == " " and text[at - 2:at - 1] in (",", ".", "!", "?", "…")


def _opens(text: str, at: int) -> bool:
    prev, nxt = text[at - 1:at], text[at + 1:at + 2]
    if prev.isalnum():
        return False
    return nxt != "" and not nxt.isspace() or prev in ("«", " ", "") and nxt == " "


def _closes(text: str, at: int) -> bool:
    if text[at + 1:at + 2].isalnum():
        return False
    return at > 0 and not text[at - 1].isspace() or text[at + 1:at + 2] in ("", " ", ".", ",", "\n")


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (text[start].isspace() or text[start] in "\u00a0\u202f"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\u00a0\u202f"):
        end -= 1
    return (start, end) if start < end else None


def dash_answers(text: str, taken) -> list[tuple[int, int, str, None]]:
    """Interview answers: lines opening with a dash that are not questions; the speaker is
    the person named last before them (the interviewee the introduction presents)."""
    found = []
    for match in _DASH_LINE.finditer(text):
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        span = _trim(text, match.end(), line_end)
        if not span or text[span[1] - 1] == "?" or _overlaps(span, taken):
            continue
        if _MARKS.search(text, span[0], span[1]):
            continue  # marks on the line: the quote finder handles those words
        found.append((*span, "dash", None))
    return found


def interview_answers(text: str, taken) -> list[tuple[int, int, str, None]]:
    """Answers of a question-and-answer interview: paragraphs right after a question put
    to someone ("vous", "you"), when the article has at least two such pairs."""
    lines = [m for m in _PARAGRAPHS.finditer(text) if m.group().strip()]
    found = []
    for question, answer in zip(lines, lines[1:]):
        if not question.group().rstrip().endswith("?") or answer.group().rstrip().endswith("?") \
                or not _SECOND_PERSON.search(question.group()):
            continue
        span = _trim(text, answer.start(), answer.end())
        if not span or _overlaps(span, taken) or text[span[0]] in "«“„\"—–-(":
            continue
        found.append((*span, "interview", None))
    return found if len(found) >= 2 else []


def _interviewee(persons, at: int) -> str | None:
    """The person an interview is with: the one named most often before the answer."""
    counts: dict[str, int] = {}
    for p in persons:
        if p[1] <= at and _full(p[2]):
            counts[p[2]] = counts.get(p[2], 0) + 1
    return max(counts, key=counts.get) if counts else None


def block_quotes(text: str, taken, persons, lang: str) -> list[tuple[int, int, str, tuple]]:
    """A paragraph in the first person followed by a short line that opens with a person's
    name and a comma ("X, on leaving Y"): the paragraph is X's words."""
    found = []
    ents = [(p[0], p[1]) for p in persons]
    if not ents:
        return found
    line_starts = [m.start() for m in _PARAGRAPHS.finditer(text)]
    for index, (start, end) in enumerate(ents):
        at = bisect_right(line_starts, start) - 1
        if at < 1 or line_starts[at] != start and text[line_starts[at]:start].strip():
            continue
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        rest = text[end:line_end]
        if not (rest.startswith(",") or not rest.strip()) or len(_WORD.findall(rest)) > 10 \
                or rest.rstrip().endswith((".", "!", "?")) and len(_WORD.findall(rest)) > 6:
            continue
        block_start = line_starts[at - 1]
        block = _trim(text, block_start, line_starts[at] - 1)
        if not block or _overlaps(block, taken) or _MARKS.search(text, *block):
            continue
        if not _FIRST_PERSON[lang].search(text[block[0]:block[1]]):
            continue
        found.append((*block, "block", (start, end)))
    return found


def _overlaps(span, taken) -> bool:
    return any(s < span[1] and span[0] < e for s, e, *_ in taken)
