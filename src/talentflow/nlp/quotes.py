"""Direct quotes and who said them: « ... », “ ... ”, "...", interview dashes, block quotes.

Quotes are found by scanning the text with regexes (``quote_spans``); only the person
entities the NER found and the coreference maps of ``talentflow_coref`` are read, so the
component never walks the tokens. The rules look for a quote's speaker, in order, in its
attribution after it (``», a déclaré X``, ``," X said``), before it in the same sentence
(``X a déclaré : «``, ``According to X, "``), through a pronoun, "ce dernier" or a title
("l'élu", gender-checked against Mme/Ms titles), then for an unattributed quote from its
neighbours: the speaker named after a run of quotes, the previous speaker, or the person
the paragraph is about. For quotes between marks, the rules' pick and how they made it are
then features of the learned chooser (``quote_speakers``), which scores every person named
around the quote and decides; without a shipped model the rules' pick stands. A quote no
named person can be given is dropped: institutions and unnamed sources do not speak in the
output. Speakers are named as the article writes them in full (``quote_names``).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from talentflow.nlp import extensions  # noqa: F401  (registers Doc attributes)
from talentflow.nlp.quote_lexicon import (_DOCUMENT_LEAD, _GENDER_OF, _GENDERED, _INTRODUCED,
                                          _INVERTED, _PRONOUN, _PRONOUN_IN_LEAD,
                                          _SENTENCE_END, _SPEECH, _SUBJECT_PRONOUN,
                                          _TITLE_BEFORE, _TITLE_OPENING, _VERB_FIRST,
                                          _VERB_LEAD, _titled)
from talentflow.nlp.convert import fold
from talentflow.nlp.first_names import is_first_name
from talentflow.nlp.quote_names import _TITLE_WORDS, Forms, is_name, name_forms, tidy
from talentflow.nlp.quote_speaker_features import SpeakerFeatures
from talentflow.nlp.quote_speakers import (QuoteSpan, SpeakerCandidate, load_speaker_model,
                                           model_path, quotes_of)
from talentflow.nlp.quote_spans import (_WORD, block_quotes, dash_answers, inside_answers,
                                        interview_answers, is_heading, labelled_answers,
                                        quoted_spans, single_quoted, unclosed_quotes)
from talentflow.nlp.records import QuoteCandidate

MIN_WORDS = 5
ATTRIBUTION_CHARS = 160
# an unattributed quote continues the previous speaker's words only when this close
CONTINUATION_CHARS = 600


@Language.factory("talentflow_quotes")
def make_quotes(nlp: Language, name: str) -> "QuoteFinder":
    return QuoteFinder(nlp.lang)


class QuoteFinder:
    def __init__(self, lang: str):
        self.lang = lang if lang in _SPEECH else "fr"
        # the learned speaker chooser; without one the rules' pick stands
        self.model = load_speaker_model(str(model_path(self.lang)))
        self.spans: list[QuoteSpan] = []
        self._how = "none"  # how the rules found the last speaker (see ``_speaker``)
        # the genders of one text's people, worked out on the first gendered pronoun
        self._gender_memo: dict[str, str] | None = None

    def __call__(self, doc: Doc) -> Doc:
        names = doc._.tf_person_names or {}
        persons = [(ent.start_char, ent.end_char, names[(ent.start, ent.end)])
                   for ent in doc.ents if ent.label_ == "PER" and names.get((ent.start, ent.end))]
        text = doc.text  # rebuilt from the tokens on each access: read once
        named: dict[str, bool] = {}  # is_name once per distinct name, not per pronoun
        pronouns = sorted((doc[i].idx, name) for i, name in (doc._.tf_pronouns or {}).items()
                          if named.setdefault(name, is_name(name, text)))
        movers = {m.person for m in doc._.tf_moves or []}
        # each name's place in the parse: "X" subject of "déclarer" says the words
        # and whether the tagger read its words as a proper noun ("Submergée par ...", a
        # participle opening a sentence, is no one)
        syntax = {ent.start_char: (ent.root.dep_, ent.root.head.lemma_.lower(),
                                   any(t.pos_ == "PROPN" for t in ent))
                  for ent in doc.ents if ent.label_ == "PER"}
        doc._.tf_quotes = self.find(text, persons, pronouns, movers, syntax)
        doc._.tf_quote_spans = self.spans
        return doc

    def find(self, text: str, persons: list, pronouns: list, movers=(),
             syntax: dict | None = None) -> list[QuoteCandidate]:
        """Quotes of ``text`` given its people as (start, end, canonical name) in text order,
        the pronouns coref resolved as (start, name), the names of the people who move and
        the dependency and head lemma of each person mention by its start.
        ``self.spans`` keeps every quote found, with its speaker candidates, for training."""
        self._gender_memo = None
        self.spans: list[QuoteSpan] = []
        spans = quoted_spans(text)
        spans += single_quoted(text, spans)
        spans += unclosed_quotes(text, spans, self.lang)
        spans = inside_answers(spans + dash_answers(text, spans))
        spans += interview_answers(text, spans, self.lang)
        spans += block_quotes(text, spans, persons, self.lang)
        spans += labelled_answers(text, spans, persons)
        if not spans:
            return []
        spans.sort()
        forms = Forms(name_forms(text, persons), text)
        named: dict[str, bool] = {}
        persons = _with_surnames(text, [p for p in persons
                                        if named.setdefault(p[2], is_name(p[2], text))])
        if any(a[0] > b[0] for a, b in zip(persons, persons[1:])):
            persons = sorted(persons)  # the look-ups below bisect over the starts
        quoted = [(s, e) for s, e, _style, _who in spans]
        inside = _Quoted(quoted)
        outside = _People([p for p in persons if not inside.holds(p)])
        # [start, end, style, speaker, attributed]
        quotes = []
        for start, end, style, speaker_span in spans:
            if len(_WORD.findall(text[start:end])) < MIN_WORDS \
                    or style == "marks" and is_heading(text, start, end):
                continue
            speaker, attributed, self._how = None, False, style
            if speaker_span is not None:
                speaker = outside.first_in(*speaker_span)
            elif style == "marks":
                speaker, attributed = self._speaker(text, start, end, outside, pronouns, inside)
            elif style == "dash":
                # an answer after a dash: the person named last, else (a long interview
                # names them far back) the one it is with
                speaker = outside.last_before(start) or outside.interviewee(start)
            else:
                speaker = outside.interviewee(start)
            # how the rules decided, a feature of the learned choice
            how = self._how if speaker is not None or attributed else "unattributed"
            quotes.append([start, end, style, speaker, attributed, how])
        # quotes one after the other with nothing between them are one speaker's, whose
        # name may come only after the last: "« ... » « ... », a dit X."
        for here, after in zip(reversed(quotes[:-1]), reversed(quotes[1:])):
            if here[3] is None and not here[4] and after[3] is not None \
                    and here[2] == after[2] == "marks" and _adjacent(text, here[1], after[0]):
                here[3], here[5] = after[3], "run"
        features = SpeakerFeatures(text, outside.items, pronouns, movers, self.lang, quoted,
                                   syntax or {})
        self.spans = []
        previous: QuoteCandidate | None = None
        # end of the last quote attributed to no person ("a indiqué la mairie")
        silent = -CONTINUATION_CHARS - 1
        for start, end, style, speaker, attributed, how in quotes:
            if attributed and speaker is None:
                silent = end
            # attributed to no person ("précise le communiqué"): not the previous speaker's
            if speaker is None and not attributed and previous is not None \
                    and style != "block" \
                    and start - previous.end <= CONTINUATION_CHARS \
                    and _standalone(text, start) \
                    and not outside.other_between(previous.end, start, previous.speaker):
                speaker = previous.speaker  # "« ... », a-t-il dit. « ... »": still him
                how = "continued"
            # no attribution at all, and no quote of an institution's just before: the
            # person the paragraph is about (fragments too: "X a souhaité que ... « ... »")
            if speaker is None and not attributed and style == "marks" \
                    and start - silent > CONTINUATION_CHARS:
                speaker = _introduced(text, outside, start, _SPEECH[self.lang])
                how = "introduced" if speaker else how
            self.spans.append(features.span(start, end, style, speaker,
                                            previous.speaker if previous else None, how,
                                            previous.end if previous else -1))
            if speaker is not None:
                previous = QuoteCandidate(speaker=speaker, start=start, end=end, style=style)
        for span in self.spans:
            tidy_names(span, forms, text)
        return quotes_of(self.spans, self.model)

    def _speaker(self, text, start, end, persons, pronouns, quoted) -> tuple[str | None, bool]:
        """The quote's speaker, and whether an attribution was there at all (one that names
        no person, "a précisé la RATP", keeps the quote from the previous speaker)."""
        speech = _SPEECH[self.lang]
        after_end = _clause_end(text, end, self.lang)
        after = text[end:after_end]
        # after the quote: "», a déclaré X", ", X said", "» selon X"
        named = persons.within(end, after_end)
        if named:
            first = named[0]
            # "», a dit son Directeur, X Y": a lone capitalised word the NER took for a
            # person (a title, an institution) before a full name in the attribution
            if len(first[2].split()) == 1 and len(named) > 1 and len(named[1][2].split()) > 1 \
                    and named[1][0] - first[1] <= 40 and not is_first_name(first[2]):
                first = named[1]
            lead = text[end:first[0]]
            if _DOCUMENT_LEAD.search(lead):
                self._how = "no_person"  # a document speaks
                return None, True
            # '," she told X', '», lui a-t-il dit': the named person was spoken to
            if _PRONOUN_IN_LEAD[self.lang].search(lead):
                self._how = "spoken_to"
                return self._pronoun(text, end, first[0], start, persons, pronouns), True
            if len(lead) <= 80 and (speech.search(lead) or _VERB_LEAD[self.lang].match(lead)
                                    or _VERB_FIRST[self.lang].match(lead)
                                    or speech.search(
                    text[first[1]:min(after_end, first[1] + 60)]) or lead.strip(" ,»”\"") == ""):
                self._how = "named_after"
                return first[2], True
        attributed = bool(speech.search(after[:60]) or _INVERTED[self.lang].match(after))
        if attributed:
            # '», a ajouté X.' where the NER missed the lone surname of someone it tagged
            # in full before: that person
            surnamed = self._surname_after(after[:80], start, persons)
            if surnamed:
                self._how = "named_after"
                return surnamed, True
            self._how = "pronoun_after"
            return self._pronoun(text, end, end + min(len(after), 60), start, persons,
                                 pronouns), True
        # before it in the same sentence: "X a déclaré : «", "Pour X, c'est «"
        begin = quoted.clause_start(text, start)
        named = persons.within(begin, start)
        before = text[begin:start]
        # "Rappelant que ... X, elle a ajouté : «": the pronoun after the names speaks
        if named and _SUBJECT_PRONOUN[self.lang].search(text, named[-1][1], start):
            self._how = "pronoun_before"
            return self._pronoun(text, named[-1][1], start, begin, persons, pronouns), True
        # in English a name in a sentence that says nothing of speaking quotes a phrase,
        # not them ('X steered the paper to "a story of ..."'); French prose works the
        # person's words into any verb ('X a salué « ... »', 'Pour X, c'est « ... »'), and
        # the training labels count those (requiring a verb there cost French recall)
        if named:
            if self.lang != "en" or speech.search(before) or _INTRODUCED.search(before):
                self._how = "named_before"
                # a lone word that is no first name ("Ravie, X Y a dit"): the full name
                full = next((p[2] for p in named if len(p[2].split()) > 1), None)
                if len(named[0][2].split()) == 1 and full and not is_first_name(named[0][2]):
                    return full, True
                return named[0][2], True
            self._how = "phrase"
            return None, True
        if speech.search(before):
            self._how = "speech_before"
            return self._pronoun(text, begin, start, begin, persons, pronouns), True
        self._how = "none"
        return None, False

    def _pronoun(self, text, lo, hi, quote_start, persons, pronouns) -> str | None:
        """"a-t-il déclaré", "he said", "ce dernier", "l'analyste": whoever coref tied the
        pronoun to, else the person named last before the quote."""
        window = text[lo:hi]
        pronoun = _PRONOUN[self.lang].search(window)
        if not (pronoun or _titled(window, self.lang)):
            self._how = "no_person"  # "a indiqué la mairie": no one named speaks
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
        return persons.last_before(quote_start, reach=500,
                                   keep=lambda name: genders.get(name) == wanted) \
            or persons.last_before(quote_start,
                                   keep=lambda name: genders.get(name, wanted) == wanted)

    def _surname_after(self, after: str, at: int, persons) -> str | None:
        """A capitalised word of the attribution that is the last word of a full name
        the text gave before ``at`` (the nearest such person)."""
        for word in _CAPITALISED.findall(after):
            if word.lower() in _TITLE_WORDS:
                continue
            name = persons.last_with_surname(word, at)
            if name is not None:
                return name
        return None

    def _genders(self, text: str, persons) -> dict[str, str]:
        """"f" or "m" for the people whose gender the article shows: a title before their
        name ("Mme", "Mr") and, in English, the pronoun that follows them in the sentence
        ("X said she ...") -- a vote over all their mentions, once per text."""
        if self._gender_memo is not None:
            return self._gender_memo
        votes: dict[str, int] = {}
        for start, end, name in persons.items:
            vote = 0
            title = _TITLE_BEFORE[self.lang].search(text, max(0, start - 12), start) \
                or _TITLE_OPENING[self.lang].match(text, start)
            if title:
                vote += 3 if title.group("f") else -3
            gendered = _GENDERED.get(self.lang)
            stop = _SENTENCE_END.search(text, end, end + 160)
            follower = gendered and gendered.search(text, end, stop.start() if stop else end + 160)
            if follower:
                vote += 1 if follower.group("f") else -1
            votes[name] = votes.get(name, 0) + vote
        self._gender_memo = {n: "f" if v > 0 else "m" for n, v in votes.items() if v}
        return self._gender_memo


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


def _introduced(text: str, persons, start: int, speech) -> str | None:
    """For a quote no attribution names: the person named last before it in its own
    paragraph or the one before ("X a proposé que ... .\n\n« Nous ... »"), the way a
    reader takes it, when no other quote stands between them."""
    lo = text.rfind("\n", 0, start)
    if lo > 0 and not text[text.rfind("\n", 0, lo) + 1:lo].strip():
        lo = text.rfind("\n", 0, lo)  # a blank line between paragraphs
    lo = text.rfind("\n", 0, max(lo, 0)) + 1 if lo > 0 else 0
    last = persons.last_in(lo, start)
    if last is None:
        return None
    # a quote set apart, or words after a verb of saying since the name
    if _standalone(text, start) or speech.search(text, last[1], start):
        return last[2]
    return None


def _standalone(text: str, start: int) -> bool:
    """The quote's opening mark starts a paragraph, follows a sentence's end or a colon:
    words set out on their own, not a phrase worked into a sentence about something else
    ("le ministère encourage « ... »")."""
    before = text[max(0, start - 12):start].rstrip(" \u00a0\u202f«“„\"")
    return not before or before[-1] in ".!?…\n»”\"':"


def _adjacent(text: str, end: int, start: int) -> bool:
    """Only marks and spaces, at most one line break, between two quotes."""
    between = text[end:start]
    return between.count("\n") <= 1 and not between.strip(" \n\u00a0\u202f«»“”„\"")


def _full(name: str) -> bool:
    """A first name and a surname, however spaced ("Jay\u00a0Sorensen")."""
    return len(name.split()) >= 2


def _clause_end(text: str, end: int, lang: str = "fr") -> int:
    limit = min(len(text), end + ATTRIBUTION_CHARS)
    # skip the closing mark (with the space some sources put before it: 'wrong, "he
    # said') and its own punctuation: '."' or '»,' then look for the next stop
    lo = end
    while lo < limit and text[lo] in " \u00a0\u202f":
        lo += 1
    lo = lo + 1 if lo < len(text) and text[lo] in "»”\"“" else end
    # French words that end on a stop, then a capitalised word: the next sentence starts
    # there ('... acquis. » Le gouvernement n'a pas répondu'), no attribution follows (CV
    # fr F1 0.705 -> 0.709). English goes on reporting the speaker there ('." X said
    # that ...', '." But ..., he said'): 6 quotes lost, so English reads on as before
    if lang == "fr" and lo > end and text[end - 1:end] in ".!?…":
        at = lo
        while at < limit and text[at] in " \u00a0\u202f":
            at += 1
        if at < limit and text[at].isupper():
            return lo
    match = _SENTENCE_END.search(text, lo, limit)
    return match.start() if match else limit


_CAPITALISED = re.compile(r"\b[A-ZÀ-Ý][\w'’-]+")


class _People:
    """Person mentions (start, end, name) in text order, and the look-ups the rules make in
    them by bisecting over their starts: who is named in a stretch of text, last before a
    quote, between two quotes. Walking every mention of the article once per quote made a
    long article's quotes quadratic."""

    def __init__(self, persons: list):
        self.items = persons
        self.starts = [p[0] for p in persons]
        # a mention ending in a window starts at most this far before it
        self.longest = max((p[1] - p[0] for p in persons), default=0)
        self._counted = None  # the interviewee's running counts (see ``interviewee``)
        self._by_surname = None  # folded last word -> (starts, names), built on first use

    def last_with_surname(self, word: str, at: int) -> str | None:
        """The name of the last mention before ``at`` whose name ends in ``word``."""
        if self._by_surname is None:
            self._by_surname = {}
            for start, _end, name in self.items:
                starts, names = self._by_surname.setdefault(fold(name.split()[-1]), ([], []))
                starts.append(start)
                names.append(name)
        starts, names = self._by_surname.get(fold(word), ((), ()))
        index = bisect_left(starts, at) - 1
        return names[index] if index >= 0 else None

    def within(self, lo: int, hi: int) -> list:
        """The mentions wholly between ``lo`` and ``hi``, in text order."""
        found = []
        for at in range(bisect_left(self.starts, lo), bisect_right(self.starts, hi)):
            if self.items[at][1] <= hi:
                found.append(self.items[at])
        return found

    def first_in(self, lo: int, hi: int) -> str | None:
        return next((p[2] for p in self.within(lo, hi)), None)

    def other_between(self, lo: int, hi: int, speaker: str) -> bool:
        """Someone other than ``speaker`` named from ``lo`` up to ``hi``."""
        return any(self.items[at][2] != speaker
                   for at in range(bisect_left(self.starts, lo), bisect_left(self.starts, hi)))

    def last_before(self, at: int, reach: int = 1500, keep=None) -> str | None:
        """The person named last before ``at`` (whose name passes ``keep``); a one-word
        name is too often a place or a team the NER took for a person to stand for a
        pronoun."""
        index = bisect_right(self.starts, at) - 1
        while index >= 0 and self.starts[index] >= at - reach - self.longest:
            start, end, name = self.items[index]
            if end <= at and at - end <= reach and _full(name) and (keep is None or keep(name)):
                return name
            index -= 1
        return None

    def last_in(self, lo: int, hi: int):
        """The last mention of a full name wholly between ``lo`` and ``hi``."""
        first = bisect_left(self.starts, lo)
        for index in range(bisect_right(self.starts, hi) - 1, first - 1, -1):
            if self.items[index][1] <= hi and _full(self.items[index][2]):
                return self.items[index]
        return None

    def interviewee(self, at: int) -> str | None:
        """The person an interview is with: the one named most often before the answer
        (first named first on a tie). Counted on from the previous answer: answers come in
        text order."""
        if self._counted is None or at < self._counted[0]:
            by_end = sorted((p[1], index) for index, p in enumerate(self.items)
                            if _full(p[2]))
            self._counted = [at, by_end, 0, {}, None]  # at, queue, next, counts, best
        state = self._counted
        _at, by_end, upto, counts, best = state
        while upto < len(by_end) and by_end[upto][0] <= at:
            index = by_end[upto][1]
            name = self.items[index][2]
            count, first = counts.get(name, (0, index))
            counts[name] = key = (count + 1, min(first, index))
            # only this name's count grew: it is the best if it beats the last best
            if best is None or (key[0], -key[1]) > (counts[best][0], -counts[best][1]):
                best = name
            upto += 1
        state[:] = [at, by_end, upto, counts, best]
        return best


class _Quoted:
    """The quotes' (start, end) in text order, with what the rules ask of them: whether a
    mention is inside one, and where a quote's clause starts after the previous quote."""

    def __init__(self, quoted: list[tuple[int, int]]):
        self.quoted = quoted
        self.starts = [q[0] for q in quoted]
        # the furthest end among the quotes up to each one: a mention is inside one of the
        # quotes starting before it exactly when that end reaches past the mention
        self.reach, furthest = [], -1
        for _start, end in quoted:
            furthest = max(furthest, end)
            self.reach.append(furthest)
        self.by_end = sorted((q[1], index) for index, q in enumerate(quoted))

    def holds(self, person) -> bool:
        at = bisect_right(self.starts, person[0]) - 1
        return at >= 0 and self.reach[at] >= person[1]

    def clause_start(self, text: str, start: int) -> int:
        lo = max(0, start - ATTRIBUTION_CHARS)
        # only the quotes ending between lo and the quote can move lo, in text order
        ending = sorted(index for _end, index in
                        self.by_end[bisect_left(self.by_end, (lo, -1)):
                                    bisect_left(self.by_end, (start, -1))])
        for s, e in (self.quoted[index] for index in ending):
            # not past the previous quote's words; a scare-quoted fragment ('dénonce de
            # « viles attaques » et dit « ... »') is part of the speaker's sentence
            if start > e >= lo and len(_WORD.findall(text[s:e])) >= MIN_WORDS:
                lo = e + 1
        piece = text[lo:start - 1] if start > 0 else ""
        cut = max(piece.rfind(". "), piece.rfind("\n"), piece.rfind("? "), piece.rfind("! "))
        return lo + cut + 1 if cut >= 0 else lo


def tidy_names(span: QuoteSpan, forms, text: str) -> None:
    """The names as the output gives them (``quote_names.tidy``), candidates that tidy to
    the same name merged: the label and the decision are about that name."""
    span.rule = tidy(span.rule, forms, text) if span.rule else None
    merged: dict[str, SpeakerCandidate] = {}
    for cand in span.candidates:
        name = tidy(cand.name, forms, text)
        if name in merged:
            merged[name].features = sorted(set(merged[name].features) | set(cand.features))
        else:
            merged[name] = SpeakerCandidate(name, cand.features)
    span.candidates = list(merged.values())
