"""The candidates for a quote's speaker and their features, for the speaker model of
:mod:`talentflow.nlp.quote_speakers`: everyone named in the quote's sentence, the three
before it and the one after it, the rules' pick, the previous quote's speaker and the
article's main people, each described by what a reader looks at (where the name stands, a
verb of saying, a pronoun or a title and whether its gender agrees, whether they move).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from talentflow.nlp.convert import fold
from talentflow.nlp.first_names import stop_words
from talentflow.nlp.quote_lexicon import (_DEFINITE_TITLE, _DOCUMENT_LEAD, _GENDERED,
                                          _INTRODUCED, _PERSON_NOUNS, _PRONOUN,
                                          _PRONOUN_IN_LEAD, _SPEECH, _SUBJECT_PRONOUN,
                                          _TITLE_BEFORE, _TITLE_OPENING, _VERB_FIRST,
                                          _VERB_LEAD, _WORK_LEAD)
from talentflow.nlp.quote_speakers import QuoteSpan, SpeakerCandidate

# how far around a quote its speaker is looked for, in sentences and at most in characters
SENTENCES_BEFORE = 3
# the people named most often in the article are candidates for every quote
MAIN_PEOPLE = 2
SENTENCES_AFTER = 1
CHARS_BEFORE = 1500
CHARS_AFTER = 600
_FIRST_PERSON = {
    "fr": re.compile(r"\b(?:je|j['’]|me|m['’]|moi|mon|ma|mes|nous|notre|nos)\b", re.I),
    "en": re.compile(r"\b(?:I|me|my|we|our|us)\b"),
}
# a sentence ends at a point (not a title's or an initial's), ! ? … or a line break
_SENT_END = re.compile(
    r"(?<!\bM)(?<!\bMM)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\bSt)(?<!\bMme)(?<!\bMlle)"
    r"(?<!\b[A-Z])[.](?=\s|$)|[!?…](?=\s|$)|\n+")
# "selon X", "d'après X", "according to X", "pour X,": the name right after gives the source
_SOURCE_BEFORE = {
    "fr": re.compile(r"\b(?:selon|d['’]après|pour|de l['’]avis de)\s*$", re.I),
    "en": re.compile(r"\b(?:according to|for|says?|said)\s*$", re.I),
}
# gendered words in the text: a feminine title's article ("la ministre X"), a feminine past
# participle after the name ("X, nommée", "X a été désignée"), "elle"/"il" resolved to them
_ARTICLE_BEFORE = {
    "fr": re.compile(r"\b(?:(?P<f>la|cette|une)|le|ce|un) (?:[\w-]+ ){1,3}$", re.I),
    "en": re.compile(r"(?!x)x"),
}
_FEMININE_PARTICIPLE = re.compile(
    r",\s*(?:[\w'’]+ )?\w+ées?\b"
    r"|\s(?:est|était|a été|avait été|s['’]est|s['’]était|sera)\s(?:\w+ )?\w+ées?\b", re.I)
# an inverted pronoun in the clause before the quote: "Cependant, fait-il remarquer, « ..."
_INVERTED_BEFORE = {
    "fr": re.compile(r"\b\w+-(?:t-)?(?:il|elle)\b", re.I),
    "en": re.compile(r"(?!x)x"),
}
_WORD_AT = re.compile(r"\w+")
# the last word before a quote's opening mark, and what comes after its closing mark
_LAST_WORD = re.compile(r"(\w+)['’]?[\s\u00a0\u202f]*[«“„\"]?[\s\u00a0\u202f]*$")
_NEXT = re.compile(r"[\s\u00a0\u202f]*[»”\"“]?[\s\u00a0\u202f]*(\S?\w*)")
_PRONOUN_GENDER = {"il": "m", "elle": "f", "lui": "m", "he": "m", "she": "f", "him": "m",
                   "her": "f", "ce dernier": "m", "cette dernière": "f", "celui qui": "m",
                   "celle qui": "f", "l'intéressé": "m", "l'intéressée": "f"}
_TITLE_GENDER = {"fr": re.compile(r"\b(?:(?P<f>la|cette)|le|ce) ", re.I),
                 "en": re.compile(r"(?!x)x")}


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return "more"


class SpeakerFeatures:
    """The candidates of every quote of one text: sentence ends, mention counts and the
    genders the article shows are worked out once per text."""

    def __init__(self, text: str, persons: list, pronouns: list, movers, lang: str,
                 quoted: list[tuple[int, int]], syntax: dict | None = None):
        self.text, self.persons, self.lang = text, persons, lang
        self.syntax = syntax or {}
        self.pronouns = sorted(pronouns)  # bisected by position, as (start, name)
        self.movers = set(movers)
        self.quoted = sorted(quoted)
        self.quoted_starts = [q[0] for q in self.quoted]
        self.ends = [m.start() for m in _SENT_END.finditer(text)]
        self.starts = [p[0] for p in persons]
        self.counts: dict[str, int] = {}
        self.mention_ends: dict[str, list[int]] = {}
        for p in persons:
            self.counts[p[2]] = self.counts.get(p[2], 0) + 1
            self.mention_ends.setdefault(p[2], []).append(p[1])
        # names the tagger never read as a proper noun ("Submergée par ...": no one)
        tagged: dict[str, bool] = {}
        for p in persons:
            parse = self.syntax.get(p[0])
            if parse is not None and len(parse) > 2:
                tagged[p[2]] = tagged.get(p[2], False) or bool(parse[2])
        self.no_propn = {name for name, proper in tagged.items() if not proper}
        self.top = max(self.counts, key=self.counts.get) if self.counts else None
        ranked = sorted(self.counts, key=lambda n: (-self.counts[n], n))
        self.main = [n for n in ranked[:MAIN_PEOPLE] if self.counts[n] >= 2 and len(n.split()) >= 2]
        # the first person the article names in full: often its subject, who may speak
        # far from their name through pronouns coref left unresolved ("Elle a indiqué ...")
        self.lead = next((p[2] for p in persons if len(p[2].split()) >= 2), None)
        self.shown: set[str] = set()  # people whose gender the text shows, not coref alone
        self.genders = self._genders()

    def _parse(self, side: str, at: int, sentences: int) -> list[str]:
        """The mention's role in the parse: subject (of a verb of saying), object, ..."""
        dep, head = self.syntax.get(at, (None, ""))[:2]
        if dep is None:
            return []
        role = "subj" if dep.startswith("nsubj") else dep if dep in (
            "obj", "dobj", "appos", "nmod", "obl", "pobj", "conj", "ROOT", "root") else "other"
        said = bool(_SPEECH[self.lang].match(head))
        return [f"{side}_dep={role}&sent={sentences}", f"{side}_dep={role}&speech={said}"]

    def _opens_sentence(self, at: int) -> bool:
        """A name at the start of its sentence, after at most two words."""
        end = bisect_left(self.ends, at) - 1
        lo = self.ends[end] + 1 if end >= 0 else 0
        return len(self.text[lo:at].split()) <= 2

    def _sentences_between(self, lo: int, hi: int) -> int:
        return max(0, bisect_left(self.ends, hi) - bisect_left(self.ends, lo))

    def _genders(self) -> dict[str, str]:
        """"f" or "m" where the article shows it: titles, a gendered article before a title
        in front of the name, a feminine participle after it, and the pronouns coref tied
        to the person (a vote over the whole article)."""
        text, lang = self.text, self.lang
        votes: dict[str, int] = {}
        for start, end, name in self.persons:
            vote = 0
            title = _TITLE_BEFORE[lang].search(text, max(0, start - 12), start) \
                or _TITLE_OPENING[lang].match(text, start)
            if title:
                vote += 3 if title.group("f") else -3
            article = _ARTICLE_BEFORE[lang].search(text, max(0, start - 40), start)
            if article and any(w.lower() in _PERSON_NOUNS[lang]
                               for w in text[article.start():start]
                               .split()[1:]):
                vote += 2 if article.group("f") else -2
            if lang == "fr" and _FEMININE_PARTICIPLE.match(text, end, min(len(text), end + 40)):
                vote += 1
            gendered = _GENDERED.get(lang)
            if gendered:
                stop = text.find(".", end, end + 160)
                follower = gendered.search(text, end, stop if stop > 0 else end + 160)
                if follower:
                    vote += 1 if follower.group("f") else -1
            votes[name] = votes.get(name, 0) + vote
            if vote:
                self.shown.add(name)
        for at, name in self.pronouns:
            word = _WORD_AT.match(text, at)
            gender = _PRONOUN_GENDER.get(word.group().lower()) if word else None
            if gender:
                votes[name] = votes.get(name, 0) + (1 if gender == "f" else -1)
        return {n: "f" if v > 0 else "m" for n, v in votes.items() if v}

    def _attribution_pronoun(self, start: int, end: int) -> tuple[str | None, int, int]:
        """The gender of a pronoun attributing the quote, right after it ("», a-t-elle dit",
        '," she said') or as the subject before it ("Elle a ajouté : «", "fait-il
        remarquer, «"), and where that window is."""
        text, lang = self.text, self.lang
        hi = min(len(text), end + 60)
        stop = _SENT_END.search(text, end + 2, hi)
        window_hi = stop.start() if stop else hi
        after = text[end:window_hi]
        pronoun = _PRONOUN[lang].search(after)
        if pronoun and _SPEECH[lang].search(after):
            return _PRONOUN_GENDER.get(pronoun.group().lower().strip("-t"), "?"), end, window_hi
        if _SPEECH[lang].search(after):
            return None, end, window_hi  # attributed after, to no pronoun: the subject
            # before the quote ("Il a été « ... », a indiqué X") is what it is about
        lo = max(0, start - 120)
        cut = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start))
        lo = cut + 1 if cut >= 0 else lo
        subject = _SUBJECT_PRONOUN[lang].search(text[lo:start].lstrip()) \
            or _INVERTED_BEFORE[lang].search(text, lo, start)  # "fait-il remarquer, «"
        if subject:
            word = re.split(r"[\s-]+", subject.group().lower())
            word = next((w for w in word if w in _PRONOUN_GENDER), None)
            return (_PRONOUN_GENDER.get(word, "?") if word else "?"), lo, start
        return None, end, window_hi

    def _last_subject(self, at: int) -> str | None:
        """The last full name the parse made a subject, from the start of the sentence
        before the quote's own up to the quote: who the text was about when it quotes."""
        end = bisect_left(self.ends, at) - 1
        lo = self.ends[end - 1] + 1 if end >= 1 else 0
        for p in reversed(self.persons[bisect_left(self.starts, lo):bisect_left(self.starts, at)]):
            if p[1] <= at and len(p[2].split()) >= 2 \
                    and (self.syntax.get(p[0], ("", ""))[0] or "").startswith("nsubj"):
                return p[2]
        return None

    def _title_in_attribution(self, end: int) -> tuple[str | None, str | None]:
        """The person noun and its article's gender in "», a déclaré la ministre." """
        text, lang = self.text, self.lang
        stop = _SENT_END.search(text, end + 2, min(len(text), end + 80))
        window = text[end:stop.start() if stop else min(len(text), end + 80)]
        if not _SPEECH[lang].search(window):
            return None, None
        for match in _DEFINITE_TITLE[lang].finditer(window):
            for word in match.group(1).split():
                if word.lower() in _PERSON_NOUNS[lang]:
                    article = _TITLE_GENDER[lang].match(match.group())
                    gender = ("f" if article.group("f") else "m") if article else None
                    return word.lower(), gender
        return None, None

    def _shape(self, start: int, end: int, style: str) -> list[str]:
        """What the quoted words look like, the same for every candidate: a person's
        sentences ("Nous avons ...") rather than a title or a borrowed phrase."""
        text, lang = self.text, self.lang
        words = text[start:end].split()
        shape = [f"style={style}", f"words={_bucket(len(words), (6, 9, 15, 30))}"]
        if text[start:start + 1].isupper():
            shape.append("starts_upper")
        if text[end - 1:end] in ".!?…":
            shape.append("ends_stop")
        if _FIRST_PERSON[lang].search(text, start, end):
            shape.append("first_person")
        before = text[max(0, start - 12):start].rstrip(" \u00a0\u202f«“„\"")
        if not before or before[-1] in ".!?…\n:":
            shape.append(f"standalone={before[-1:] if before else 'start'}")
        # the word the quote follows and what follows it: a title or a phrase worked into
        # a sentence ('le cours « ... »', 'd'« ... »', '« ... » le grand reporter') reads
        # on, a person's words stand between a colon or a stop and an attribution
        lead = _LAST_WORD.search(text, max(0, start - 30), start)
        if lead:
            word = lead.group(1).lower()
            shape.append(f"after_word={word if len(word) <= 5 else 'long'}")
        tail = _NEXT.match(text, end)
        if tail:
            shape.append(f"then={_next_kind(tail.group(1))}")
        return shape

    def span(self, start: int, end: int, style: str, rule: str | None,
             previous: str | None, how: str, previous_end: int = -1) -> QuoteSpan:
        text, lang = self.text, self.lang
        # the window: the quote's sentence, SENTENCES_BEFORE before it, SENTENCES_AFTER after
        at = bisect_left(self.ends, start)
        lo = self.ends[at - SENTENCES_BEFORE - 1] if at - SENTENCES_BEFORE - 1 >= 0 else 0
        lo = max(lo, start - CHARS_BEFORE)
        after_at = bisect_left(self.ends, end + 2)
        hi = self.ends[after_at + SENTENCES_AFTER] if after_at + SENTENCES_AFTER < len(
            self.ends) else len(text)
        hi = min(hi, end + CHARS_AFTER)
        first = bisect_left(self.starts, lo)
        upto = bisect_left(self.starts, start)  # the mentions before the quote end here
        mentions: dict[str, list] = {}
        for p in self.persons[first:]:
            if p[0] >= hi:
                break
            if p[1] <= start or p[0] >= end:
                mentions.setdefault(p[2], []).append(p)
        # the article's main people, who may speak through a pronoun far from their name
        for extra in (rule, previous, *self.main, self.lead):
            if extra and extra not in mentions:
                mentions[extra] = []
        if not mentions:
            return QuoteSpan(start, end, style, rule, how=how)
        before_order = sorted((max(m[1] for m in ms if m[1] <= start)
                               for ms in mentions.values() if any(m[1] <= start for m in ms)),
                              reverse=True)
        after_order = sorted(min(m[0] for m in ms if m[0] >= end) for ms in mentions.values()
                             if any(m[0] >= end for m in ms))
        pron_gender, p_lo, p_hi = self._attribution_pronoun(start, end)
        coref = {name for _at, name in self.pronouns[bisect_left(self.pronouns, (p_lo,)):
                                                     bisect_left(self.pronouns, (p_hi,))]}
        title, title_gender = self._title_in_attribution(end)
        subject = self._last_subject(start)
        speech = _SPEECH[lang]
        shape = self._shape(start, end, style)
        candidates = []
        for name, ms in mentions.items():
            f = list(shape)
            if name == rule:
                f += ["rule", f"rule&how={how}"]
            elif rule is None:
                f.append(f"norule&how={how}")
            else:
                f.append(f"other&how={how}")
            if name == previous:
                f.append("previous")
                # the previous quote's speaker with no one else named since speaks on
                if not any(p[2] != name for p in
                           self.persons[bisect_left(self.starts, max(previous_end, 0)):upto]):
                    f += ["previous_clear"]
            if not ms:
                ends = self.mention_ends.get(name, [])
                last = bisect_left(ends, start + 1) - 1
                f.append("not_near&" + (_bucket(self._sentences_between(ends[last], start),
                                                (5, 10)) if last >= 0 else "none"))
            before = [m for m in ms if m[1] <= start]
            after = [m for m in ms if m[0] >= end]
            b_sent = a_sent = None
            if before:
                b = before[-1]
                b_sent = min(self._sentences_between(b[1], start), 3)
                rank = before_order.index(b[1])
                f += [f"b_sent={b_sent}", f"b_rank={min(rank, 2)}",
                      f"b_chars={_bucket(start - b[1], (10, 40, 120, 300))}"]
                between = text[b[1]:start]
                if b_sent == 0:
                    if speech.search(between):
                        f.append("b_speech")
                    if _INTRODUCED.search(between):
                        f.append("b_colon")
                    if speech.search(text, b[1], min(start, b[1] + 40)):
                        f.append("b_speech_right_after")
                    f.append(f"b_sent0&rank={min(rank, 2)}")
                # the subject of its sentence: named first, at most a word or two before
                # ("Mais X a ...", "Pour X, ..."); the last such subject speaks on
                if self._opens_sentence(b[0]):
                    f.append(f"b_subject&rank={min(rank, 2)}")
                    if not any(self._opens_sentence(m[0]) for m in
                               self.persons[bisect_left(self.starts, b[1] + 1):upto]
                               if m[2] != name):
                        f.append("b_last_subject")
                f += self._parse("b", b[0], b_sent)
                if _SOURCE_BEFORE[lang].search(text, max(0, b[0] - 20), b[0]):
                    f.append(f"b_source&sent={b_sent}")
                # another quote wholly between the name and this one (quotes in text order
                # do not overlap: the first to start after the name is the one to check)
                at = bisect_left(self.quoted_starts, b[1])
                if at < len(self.quoted) and self.quoted[at][1] <= start:
                    f.append("b_quote_between")
            if after:
                a = after[0]
                a_sent = min(self._sentences_between(end + 2, a[0]), 2)
                rank = after_order.index(a[0])
                lead = text[end:a[0]]
                f += [f"a_sent={a_sent}", f"a_rank={min(rank, 1)}",
                      f"a_chars={_bucket(a[0] - end, (4, 15, 40, 100))}"]
                f += self._parse("a", a[0], a_sent)
                if a_sent == 0 and len(lead) <= 100:
                    if speech.search(lead):
                        f.append(f"a_speech&rank={min(rank, 1)}")
                    if _VERB_LEAD[lang].match(lead) or _VERB_FIRST[lang].match(lead):
                        f.append("a_verb_lead")
                    if not lead.strip(" ,»”\"“\u00a0\u202f"):
                        f.append("a_bare")
                    if _DOCUMENT_LEAD.search(lead):
                        f.append("a_document")
                    if _PRONOUN_IN_LEAD[lang].search(lead):
                        f.append("a_pronoun_first")
                    if speech.search(text, a[1], min(len(text), a[1] + 50)):
                        f.append("a_speech_after_name")
            if before and after:
                f.append(f"both&b={b_sent}&a={a_sent}")
            gender = self.genders.get(name, "?")
            f.append(f"gender={gender}")
            if pron_gender:
                # a gender coref's pronouns alone give is weaker: coref ignores gender
                agree = "?" if "?" in (gender, pron_gender) else (
                    "agree" if gender == pron_gender else "clash") + (
                    "" if name in self.shown else "~")
                f += [f"pronoun={agree}", f"pronoun={agree}&b_rank={_rank(before, before_order)}"]
                if name in coref:
                    f.append("coref_pronoun")
            if title:
                agree = "?" if not title_gender or gender == "?" else (
                    "agree" if gender == title_gender else "clash")
                f.append(f"title={agree}")
                if _titled_near(text, ms, title):
                    f.append("title_named")
            if name == subject:  # "X a salué Y. « ... », a-t-il dit": X, not the last named
                f += ["parse_subject", f"parse_subject&pron={pron_gender is not None}"]
            if name in self.movers:
                f.append("mover")
            if name == self.lead:
                # named only far back: how the quote's pronoun agrees decides
                f.append("lead")
                if not ms:
                    f.append("lead_far&" + next((x for x in f if x.startswith("pronoun=")), "-"))
            count = self.counts.get(name, 0)
            f.append(f"count={_bucket(count, (1, 3))}")
            if name == self.top:
                f.append("top")
            if len(name.split()) < 2:
                f.append("one_word")
            if name in self.no_propn and lang == "fr":  # (in English: CV -0.001 to -0.002)
                f.append("no_propn")
            if name.split()[0].lower() in stop_words():
                f.append("first_word_stop")  # "Quand X", "Selon Y": a stop word the NER took in
            # a linear model needs the combinations a reader weighs together: who the
            # candidate is to the rules, where they stand, how the quote is attributed
            who = ("rule" if name == rule else "none" if rule is None else "other") \
                + ("+prev" if name == previous else "")
            where = f"a{a_sent}" if a_sent is not None and (b_sent is None or a_sent == 0) \
                else f"b{b_sent}" if b_sent is not None else "far"
            agree = next((x.split("=")[1] for x in f if x.startswith("pronoun=")), "-")
            f += [f"{who}|{where}", f"{who}|{how}", f"{where}|{how}", f"{who}|{where}|{how}",
                  f"{who}|pron={agree}", f"{where}|pron={agree}"]
            candidates.append(SpeakerCandidate(name, f))
        # the one candidate of the pronoun's gender is a reader's answer, whoever was last
        # (so is the one of the attributing title's: "a affirmé la directrice")
        for cue in ("pronoun", "title"):
            agreeing = [c for c in candidates if f"{cue}=agree" in c.features]
            if not agreeing:
                continue
            for cand in candidates:
                if cand in agreeing:
                    cand.features.append(f"{cue}_only_agree" if len(agreeing) == 1
                                         else f"{cue}_agree_shared")
                elif any(f.startswith(f"{cue}=clash") for f in cand.features):
                    cand.features.append(f"{cue}_clash_other_agrees")
        span = QuoteSpan(start, end, style, rule, candidates, how)
        # the title of a work ("le film « ... »"): marked after the features are built, so
        # training still sees it as a quote no candidate said (CV fr: dropping its
        # candidates instead took those negatives out of training and cost on one fold split)
        if _WORK_LEAD[lang].search(text, max(0, start - 40), start):
            span.how = "work_title"
        return span


def _next_kind(token: str) -> str:
    """What follows a quote: its punctuation, a short lowercase word as such (a verb of
    saying, "de", "et"), a longer one or a capitalised one by kind."""
    if not token:
        return "end"
    if not token[0].isalnum():
        return token[0]
    if token[0].isupper():
        return "upper"
    return token if len(token) <= 4 else "lower"


def _rank(before: list, order: list) -> str:
    return str(min(order.index(before[-1][1]), 2)) if before else "none"


def _titled_near(text: str, mentions: list, title: str) -> bool:
    """The title of the attribution ("la ministre") written right around one of the
    candidate's mentions in the window ("la ministre X", "X, ministre de ...")."""
    for start, end, _name in mentions:
        around = text[max(0, start - 50):end + 50].lower()
        if re.search(r"\b" + re.escape(title) + r"\b", around):
            return True
    return False
