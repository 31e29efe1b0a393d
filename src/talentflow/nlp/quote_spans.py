"""Where quotes are in a text: the words between quotation marks, interview answers after
a dash or a question, and first-person blocks over an attribution line (their speakers
are found in ``quotes``). Regexes over the text only, never the tokens."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

# quotes longer than this are more likely a run of text between two stray marks
MAX_CHARS = 3000
# a quote left open at a line's end is read on over at most this many lines
MAX_JOINED_LINES = 6
# questions an article must put, one of them to someone, for all its questions to be an
# interview's
INTERVIEW_QUESTIONS = 4

_OPENERS = {"«": "»", "“": "”", "„": "“", '"': '"'}
# a straight mark and a curly one often pair up in copied text ("... ” or “ ... ")
_CLOSERS = {"«": "»", "“": '”"', "„": '“”"', '"': '"”'}
_MARKS = re.compile(r'[«»“”„"]')
_PARAGRAPHS = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
# the end of a speaker's label in a transcript: "))", "]" or a colon, then the words
_LABEL_START = re.compile(r"[ \t]*(?:\(\(|\[)?(?:[A-ZÀ-Ý][\w'’.-]* )*")
_LABEL_END = re.compile(r"(?:\)\)|\])[ \t]*:?[ \t]*(?=\S)|[ \t]*:[ \t]+(?=\S)")
_DASH_LINE = re.compile(r"^[ \t]*[—–-][ \t]+(?=\S)", re.M)

# "Zs.B. : ", "J. D.: ": the answerer's initials opening the answer
_ANSWER_LEAD = re.compile(r"(?:[A-ZÀ-Ý][a-zà-ÿ]?\.\s?){1,3}\s?:\s*")
_FIRST_PERSON = {
    "fr": re.compile(r"\b(?:je|j['’]|me|m['’]|moi|mon|ma|mes|nous|notre|nos)\b", re.I),
    "en": re.compile(r"\b(?:I|me|my|mine|we|our|us)\b"),
}
# an interviewer's question speaks to the interviewee; a heading that asks does not
_SECOND_PERSON = re.compile(r"\b(?:vous|votre|vos|tu|te|t['’]|ton|ta|tes|toi|you|your)\b", re.I)


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
                span = _reopened(text, paras, last, dangling)
                if span:
                    found.append(span)
                break
            last, more, dangling = joined
            found += more
        index = last + 1
    return [s for s in found if s[1] - s[0] <= MAX_CHARS]


def _reopened(text: str, paras, last: int, opener: int):
    """A quote that opens its paragraph and runs over the next one, which opens with the same
    mark again (the typographic convention: no closing mark until the last paragraph) is
    one quote per paragraph: this one ends with its paragraph."""
    lo, hi = paras[last]
    if text[lo:opener].strip() or last + 1 >= len(paras):
        return None
    if text[paras[last + 1][0]:paras[last + 1][1]].lstrip()[:1] != text[opener]:
        return None
    span = _trim(text, opener + 1, hi)
    return (*span, "marks", None) if span else None


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
            if stack and _shared_closer(text, at, hi):
                # '« A « B », a-t-il dit': the inner quote's closer ends the outer one too
                begin = stack[0][1]
                stack.clear()
            if not stack:
                span = _trim(text, begin + 1, at)
                if span:
                    found.append((*span, "marks", None))
                if _reopens(text, at):
                    stack.append((char, at))
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


# an attribution right after a closing mark, at its comma
_SAID_AFTER = re.compile(r"[ \t\u00a0\u202f]*,[ \t\u00a0\u202f]*(?:\w+-(?:t-)?(?:il|elle)s?\b|"
                         r"(?:a|avait|ont) \w+é\b|dit\b|said\b|says\b)")


def _shared_closer(text: str, at: int, hi: int) -> bool:
    """A closer of a nested quote right before an attribution closes the outer quote as
    well (one mark written for both). At the paragraph's end it need not: read so there,
    it cost 0.003-0.004 on two other fold splits (an outer mark left open is as often
    a stray)."""
    return bool(_SAID_AFTER.match(text, at + 1, hi))


def _reopens(text: str, at: int) -> bool:
    """'... en mars. "Puis nous ...': a straight mark after a sentence's end and a
    space, set against the next word, closes the quote open and opens the next one (sources
    that lose each closer before a new sentence's opener: '"A. "B. "C."' is three quotes)."""
    return text[at - 2:at] in (". ", "! ", "? ", "… ") and text[at + 1:at + 2].isalpha()


def _spaced_closer(text: str, at: int) -> bool:
    """'wrong, "he said': a straight mark after a space that follows the quote's own
    punctuation closes it, though it sits against the next word like an opener."""
    return text[at - 1:at] == " " and text[at - 2:at - 1] in (",", ".", "!", "?", "…")


def _opens(text: str, at: int) -> bool:
    prev, nxt = text[at - 1:at], text[at + 1:at + 2]
    # against a word before it, or before the punctuation that ends words ('le projet ",
    # a-t-il dit'), a mark can only close
    if prev.isalnum() or nxt in (",", ".", ";", ")"):
        return False
    # a spaced opener ('" Nous ...') may open a line as well as follow a space, a colon
    # or an elided word ('dit :" Nous', 'qu'" il')
    return nxt != "" and not nxt.isspace() or (prev in ("«", "", ":", "'", "’")
                                              or prev.isspace()) and nxt == " "


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


# single quotation marks: an opener after a space or a line's start, before a capital
# ("' Nous", "‘We", "`Ce"), and a closer after a word or its punctuation, before a space or
# punctuation; an apostrophe between two letters (l'homme, don't) is neither
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(]))['‘`] ?(?=[A-ZÀ-Ý])", re.M)
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?…]) ?['’](?=[\s,.;:!?)]|$)", re.M)


def single_quoted(text: str, taken) -> list[tuple[int, int, str, None]]:
    """Words between single quotation marks, within a paragraph, outside the double-marked
    quotes (a single-marked quote inside one is part of it). A paragraph where an opener
    finds no closer yields nothing more."""
    found = []
    taken = _Taken(taken)
    for para in _PARAGRAPHS.finditer(text):
        at, end = para.start(), para.end()
        if "'" not in para.group() and "‘" not in para.group() and "`" not in para.group():
            continue
        while True:
            opener = _SINGLE_OPEN.search(text, at, end)
            if not opener:
                break
            closer = _SINGLE_CLOSE.search(text, opener.end(), end)
            if not closer:
                break
            span = _trim(text, opener.end(), closer.start())
            if span and not taken.overlaps(span):
                found.append((*span, "marks", None))
            at = closer.end()
    return found


# an attribution right after a quote's last words, at the comma: "…, a-t-elle précisé",
# "…, dit-il", "…," a déclaré X', '…," he said' (the closing mark may be missing)
_SAID_FR = (r"(?:déclaré|dit|précisé|ajouté|expliqué|affirmé|indiqué|souligné|estimé|confié|"
            r"assuré|raconté|poursuivi|conclu|lancé|commenté|noté|observé|répondu|insisté)")
# the same verbs in the present, before their subject: "…", poursuit X', '…, explique le maire'
_SAYS_FR = (r"(?:déclare|dit|précise|ajoute|explique|affirme|indique|souligne|estime|confie|"
            r"assure|raconte|poursuit|conclut|lance|commente|note|observe|répond|insiste|"
            r"rappelle|reconnaît|résume|analyse|avoue|tranche|martèle|détaille|regrette)")
_ATTRIBUTION_AFTER = {
    "fr": re.compile(r",[ \t\u00a0\u202f]*[\"”»]?[ \t\u00a0\u202f]*(?:(?:\w+ )?\w+-(?:t-)?"
                     r"(?:il|elle)\b|(?:a|avait) " + _SAID_FR + r"\b|" + _SAYS_FR +
                     r" (?=[A-ZÀ-Ý]|(?:le|la|l['’]|un|une|son|sa|notre) ?\w))"),
    "en": re.compile(r",[ \t]*[\"”]?[ \t]*(?:(?:he|she) (?:said|says|added|told)|said)\b"),
}


def unclosed_quotes(text: str, taken, lang: str) -> list[tuple[int, int, str, None]]:
    """Quotes whose marks the source lost on one side, ended by an attribution after a
    comma: a lone opening mark with no closer ('"Il s'agit d'un client, a-t-elle
    précisé.'), or words opening a paragraph up to a lone closer ('Nous avons ...," a
    déclaré X'). Paragraphs whose marks pair have their quotes already; words with no mark
    at all before an attribution are as often the writer's indirect speech (CV: taking
    them in the first person cost precision in both languages)."""
    found = []
    taken = _Taken(taken)
    attribution = _ATTRIBUTION_AFTER.get(lang, _ATTRIBUTION_AFTER["fr"])
    for para in _PARAGRAPHS.finditer(text):
        lo, hi = para.span()
        marks = [m.start() for m in _MARKS.finditer(text, lo, hi)]
        if text[lo:hi].lstrip()[:1] in "—–-(":
            continue  # an interview turn or an aside
        if len(marks) > 1:
            found += _stray_closers(text, lo, marks, taken, attribution)
            continue
        if not marks:
            continue
        # a closing guillemet never opens, whatever its spacing
        opener = text[marks[0]] in _OPENERS and _opens(text, marks[0])
        # a lone opener: up to the attribution's comma; a lone closer: the paragraph's
        # words up to it
        begin, stop = (marks[0] + 1, hi) if opener else (lo, marks[0] + 1)
        comma = next((m.start() for m in re.finditer(",", text[begin:stop + 2])
                      if attribution.match(text, begin + m.start())), None)
        if comma is not None:
            end = begin + comma if opener else min(begin + comma, marks[0])
        elif not opener and lang in _CLOSED_OFF and _CLOSED_OFF[lang].match(
                text, marks[0] + 1, hi):
            end = marks[0]  # 'Nous ... » a-t-il déclaré', 'Nous ... »' closing the paragraph
        elif opener and text[lo:marks[0]].rstrip(_SPACES)[-1:] in ("", ":"):
            end = hi  # 'a déclaré : « Nous ...': the words run to the paragraph's end
        else:
            continue
        span = _trim(text, begin, end)
        if span and not taken.overlaps(span):
            found.append((*span, "marks", None))
    return found


# what may follow a lone closer ending a paragraph's words: nothing, or an attribution
# without its comma ('» a-t-il déclaré', '" a déclaré X', '», M. X a déclaré')
_CLOSED_OFF = {
    "fr": re.compile(r"[\s\u00a0\u202f.,]*(?:$|(?:\w+-(?:t-)?(?:il|elle)\b|(?:a|avait) "
                     + _SAID_FR + r"\b|" + _SAYS_FR + r" |(?:M\. |Mme )?[A-ZÀ-Ý][\w.-]*"
                     r"(?: [A-ZÀ-Ý][\w-]*)* (?:a|avait) " + _SAID_FR + r"\b))"),
}


_SPACES = " \t\u00a0\u202f"


# where a sentence starts: its end, then a space
_NEXT_SENTENCE = re.compile(r"[.!?…][ \t\u00a0\u202f]+(?=\S)")


def _stray_closers(text: str, lo: int, marks: list[int], taken: "_Taken", attribution):
    """In a paragraph of several marks, a closer that pairs with nothing, right before an
    attribution ('... dit-elle. Nous ... ", a-t-elle ajouté'): the words from the
    sentence after the mark before it (or the paragraph's start) up to it."""
    found = []
    for index, at in enumerate(marks):
        if _opens(text, at) or taken.overlaps((at - 2, at + 2)):
            continue
        if not attribution.match(text, at + 1) and not attribution.match(text, at):
            continue
        begin = lo
        if index:
            sentence = _NEXT_SENTENCE.search(text, marks[index - 1] + 1, at)
            if sentence is None:
                continue
            begin = sentence.end()
        span = _trim(text, begin, at)
        if span and not taken.overlaps(span) and not _MARKS.search(text, *span):
            found.append((*span, "marks", None))
    return found


def dash_answers(text: str, taken) -> list[tuple[int, int, str, None]]:
    """Interview answers: lines opening with a dash that are not questions; the speaker is
    the person named last before them (the interviewee the introduction presents). An
    answer runs on over the paragraphs after its line that open with no dash or mark, when
    a dash line follows them (after the last one the article's prose may resume). Words
    between marks inside an answer are its own when short ('deux "robots"'); a line
    holding a longer quote is left to the quote finder."""
    found = []
    spans = [(s, e) for s, e, *_ in taken]
    taken = _Taken(taken)
    paras = [m.span() for m in _PARAGRAPHS.finditer(text)]
    starts = {lo: at for at, (lo, _hi) in enumerate(paras)}
    dashed = {starts[text.rfind("\n", 0, m.start()) + 1] for m in _DASH_LINE.finditer(text)}
    for match in _DASH_LINE.finditer(text):
        at = starts[text.rfind("\n", 0, match.start()) + 1]
        span = _trim(text, match.end(), paras[at][1])
        # a question, a quote's line, or a heading between dashes ("- Le départ -")
        if not span or text[span[1] - 1] in "?—–-" or text[span[0]] in _OPENERS:
            continue
        last = at
        while last + 1 < len(paras) and last - at < MAX_JOINED_LINES \
                and last + 1 not in dashed \
                and text[paras[last + 1][0]:paras[last + 1][1]].lstrip()[:1] not in "«“„\"(" \
                and not text[paras[last + 1][0]:paras[last + 1][1]].rstrip().endswith("?"):
            last += 1
        if last > at and last + 1 in dashed:
            span = _trim(text, span[0], paras[last][1]) or span
        if taken.overlaps(span) and any(
                s < span[1] and e > span[0] and (s < span[0] or e > span[1]
                                                 or len(_WORD.findall(text[s:e])) >= 5)
                for s, e in spans):
            continue
        found.append((*span, "dash", None))
    return found


def inside_answers(spans: list) -> list:
    """The spans without the short quotes lying inside a dash answer (its own words)."""
    answers = _Taken([s for s in spans if s[2] == "dash"])
    return [s for s in spans if s[2] == "dash" or not answers.overlaps(s)]


def interview_answers(text: str, taken, lang: str = "fr") -> list[tuple[int, int, str, None]]:
    """Answers of a question-and-answer interview: the paragraphs after a question put to
    someone ("vous", "you") up to the next question (an answer often runs over several),
    when the article has at least two such pairs. A lead naming the speaker by initials
    ("Zs.B. : ") is not their words."""
    lines = [m for m in _PARAGRAPHS.finditer(text) if m.group().strip()]
    found = []
    taken = _Taken(taken)
    asked = [at for at, (q, a) in enumerate(zip(lines, lines[1:]))
             if q.group().rstrip().endswith("?") and not a.group().rstrip().endswith("?")]
    # a question that does not speak to anyone ("La loi a-t-elle changé ?") is one too in
    # an article made of questions and answers
    # ... and so is one whose questions all speak of a third party ("L'Allemagne a-t-elle
    # ...?") when most answers speak in the first person: an explainer's answers do not
    first = _FIRST_PERSON.get(lang, _FIRST_PERSON["fr"])
    many = len(asked) >= INTERVIEW_QUESTIONS and (
        any(_SECOND_PERSON.search(lines[at].group()) for at in asked)
        or 2 * sum(1 for at in asked if first.search(lines[at + 1].group())) > len(asked))
    for at in asked:
        question, answer = lines[at], lines[at + 1]
        if not (many or _SECOND_PERSON.search(question.group())):
            continue
        last = at + 1
        while last + 1 < len(lines) and last - at < MAX_JOINED_LINES \
                and not lines[last + 1].group().rstrip().endswith("?") \
                and lines[last + 1].group().lstrip()[:1] not in "«“„\"—–-(":
            last += 1
        if last + 1 >= len(lines):
            last = at + 1  # the last answer: what follows may be the article's own prose
        span = _trim(text, answer.start(), lines[last].end())
        if not span or taken.overlaps(span) or text[span[0]] in "«“„\"—–-(":
            continue
        lead = _ANSWER_LEAD.match(text, span[0], span[1])
        found.append((lead.end() if lead else span[0], span[1], "interview", None))
    return found if len(found) >= 2 else []


def labelled_answers(text: str, taken, persons) -> list[tuple[int, int, str, tuple]]:
    """Transcript turns: a paragraph opening with a person's name as a label ("((X Y))
    words", "[X Y] words", "X Y : words") is X Y's words, up to the paragraph's end."""
    found = []
    taken = _Taken(taken)
    for start, end, _name in persons:
        line = text.rfind("\n", 0, start) + 1
        # the label may hold more of the name than the NER tagged ("((First Last))")
        if not _LABEL_START.fullmatch(text, line, start) or not _LABEL_END.match(text, end):
            continue
        line_end = text.find("\n", end)
        span = _trim(text, _LABEL_END.match(text, end).end(),
                     len(text) if line_end < 0 else line_end)
        if span and not taken.overlaps(span) and text[span[0]] not in "«“„\"—–-":
            found.append((*span, "label", (start, end)))
    return found


def block_quotes(text: str, taken, persons, lang: str) -> list[tuple[int, int, str, tuple]]:
    """A paragraph in the first person followed by a short line that opens with a person's
    name and a comma ("X, on leaving Y"): the paragraph is X's words."""
    found = []
    ents = [(p[0], p[1]) for p in persons]
    if not ents:
        return found
    taken = _Taken(taken)
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
        if not block or taken.overlaps(block) or _MARKS.search(text, *block):
            continue
        if not _FIRST_PERSON[lang].search(text[block[0]:block[1]]):
            continue
        found.append((*block, "block", (start, end)))
    return found


# a subheading is short
HEADING_WORDS = 12


def is_heading(text: str, start: int, end: int) -> bool:
    """Quoted words standing alone on their line, capitalised and with no end punctuation
    ('\n"Un cap inchangé"\n'): a subheading repeating words from the article,
    which the gold does not count as a quote (the words quoted in the text are)."""
    lo, hi = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    return text[lo:start].strip(_SPACES) in ("«", "“", "„", '"') \
        and text[end:hi].strip(_SPACES) in ("»", "”", "“", '"') \
        and text[start].isupper() and text[end - 1] not in ".!?…" \
        and len(_WORD.findall(text, start, end)) <= HEADING_WORDS


class _Taken:
    """The spans already found, sorted by start, each with the furthest end reached up to
    it: whether a new span overlaps one is a bisect, not a scan of every span found (once
    per candidate, that made a long article quadratic)."""

    def __init__(self, taken):
        spans = sorted((s, e) for s, e, *_ in taken)
        self.starts = [s for s, _e in spans]
        self.reach, furthest = [], None
        for _s, e in spans:
            furthest = e if furthest is None else max(furthest, e)
            self.reach.append(furthest)

    def overlaps(self, span) -> bool:
        """Some span starting before ``span`` ends reaches past its start."""
        before = bisect_left(self.starts, span[1])
        return before > 0 and self.reach[before - 1] > span[0]
