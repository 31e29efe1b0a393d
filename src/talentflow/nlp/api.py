"""The public entry points: one article, or a stream of them batched through nlp.pipe."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import islice

from talentflow.core import Article, Extraction, TalentflowError
from talentflow.core.models import Evidence
from talentflow.core.errors import ExtractionError, UnsupportedLanguageError
from talentflow.nlp.convert import doc_to_extraction
from talentflow.nlp.lang import supported_languages
from talentflow.nlp.pipeline import load_pipeline

DEFAULT_LANG = "fr"
# Pieces of a text longer than the model's max_length: the parser needs about 1 GB of
# temporary memory per 100,000 characters, so pieces stay well under max_length.
CHUNK_CHARS = 100_000
# With a progress callback, articles at least this long are read alone, step by step, so
# the callback can follow them; shorter ones stay in their batch and report nothing.
PROGRESS_MIN_CHARS = 50_000

#: ``progress(article, done, total, step)``: ``done`` of ``total`` steps (the tokenizer,
#: each pipeline component, the conversion to facts, for each piece of the text) are
#: finished and ``step`` is the one now running ("" once done == total).
Progress = Callable[[Article, int, int, str], None]


def pipeline_language(article: Article) -> str:
    """The pack an article is read with: its own ``lang`` when supported, else French.

    A language the project has no pack for raises UnsupportedLanguageError; a missing or
    unrecognised hint falls back to French (ingest sets ``lang`` from detection).
    """
    lang = (article.lang or "").strip().lower() or None
    if lang is None:
        return DEFAULT_LANG
    if lang in supported_languages():
        return lang
    raise UnsupportedLanguageError(
        f"articles in {lang!r} cannot be extracted yet",
        hint=f"supported languages: {', '.join(supported_languages())}", item=article.id)


def extract(article: Article, *, progress: Progress | None = None) -> Extraction:
    """Moves, foundings and investments reported by one article.

    ``progress`` hears of each step done (see :data:`Progress`); the result is the same
    with or without it."""
    lang = pipeline_language(article)
    nlp = load_pipeline(lang)
    try:
        if len(article.text) > nlp.max_length:
            return _extract_in_chunks(nlp, article, lang, progress)
        steps = None if progress is None else _Steps(progress, article, nlp, pieces=1)
        return _piece_extraction(nlp, article, lang, steps)
    except TalentflowError:
        raise
    except Exception as error:  # one article must never take the batch down
        raise ExtractionError(f"extraction failed: {type(error).__name__}: {error}",
                              item=article.id) from error


def extract_many(articles: Iterable[Article], *, batch_size: int = 32,
                 progress: Progress | None = None
                 ) -> Iterator[tuple[Article, Extraction | TalentflowError]]:
    """Stream (article, result) pairs in input order; a failing article yields its error.

    Articles are grouped into batches and each language's batch goes through
    ``nlp.pipe``; an article that breaks the batch is retried alone so only it fails.
    With ``progress``, articles of ``PROGRESS_MIN_CHARS`` or more are read alone and
    reported step by step (see :data:`Progress`).
    """
    iterator = iter(articles)
    while True:
        batch = list(islice(iterator, batch_size))
        if not batch:
            return
        yield from _extract_batch(batch, batch_size, progress)


def _extract_batch(batch: list[Article], batch_size: int, progress: Progress | None = None):
    results: list[Extraction | TalentflowError | None] = [None] * len(batch)
    by_lang: dict[str, list[int]] = {}
    for index, article in enumerate(batch):
        try:
            by_lang.setdefault(pipeline_language(article), []).append(index)
        except TalentflowError as error:
            results[index] = error
    for lang, indices in by_lang.items():
        try:
            nlp = load_pipeline(lang)
        except TalentflowError as error:
            for index in indices:
                results[index] = error
            continue
        too_long = [i for i in indices if len(batch[i].text) > nlp.max_length
                    or progress is not None and len(batch[i].text) >= PROGRESS_MIN_CHARS]
        for index in too_long:
            results[index] = _extract_alone(batch[index], progress)
        indices = [i for i in indices if i not in too_long]
        try:
            docs = nlp.pipe((batch[i].text for i in indices), batch_size=batch_size)
            for index, doc in zip(indices, docs):
                results[index] = _convert(doc, batch[index], lang)
        except Exception:  # noqa: BLE001  a bad text broke the batch: isolate it
            for index in indices:
                if results[index] is None:
                    results[index] = _extract_alone(batch[index])
    for article, result in zip(batch, results):
        yield article, result


def _convert(doc, article: Article, lang: str) -> Extraction | TalentflowError:
    try:
        return doc_to_extraction(doc, article, lang)
    except TalentflowError as error:
        return error
    except Exception as error:  # noqa: BLE001
        return ExtractionError(f"extraction failed: {type(error).__name__}: {error}",
                               item=article.id)


def _extract_alone(article: Article, progress: Progress | None = None
                   ) -> Extraction | TalentflowError:
    try:
        return extract(article, progress=progress)
    except TalentflowError as error:
        return error


class _Steps:
    """Counts the steps of one article for a progress callback."""

    def __init__(self, progress: Progress, article: Article, nlp, pieces: int):
        self.progress, self.article = progress, article
        self.names = ["tokenizer", *nlp.pipe_names, "facts"]
        self.total = pieces * len(self.names)
        self.done = 0

    def start(self, name: str) -> None:
        self.progress(self.article, self.done, self.total, name)

    def finish(self) -> None:
        self.done += 1
        if self.done == self.total:
            self.progress(self.article, self.done, self.total, "")


def _piece_extraction(nlp, article: Article, lang: str, steps: _Steps | None) -> Extraction:
    """One text the model can take whole, read as ``nlp(text)`` does; with ``steps``, one
    component at a time so that each can be reported."""
    if steps is None:
        return doc_to_extraction(nlp(article.text), article, lang)
    steps.start("tokenizer")
    doc = nlp.make_doc(article.text)
    steps.finish()
    for name, component in nlp.pipeline:
        steps.start(name)
        doc = component(doc)
        steps.finish()
    steps.start("facts")
    extraction = doc_to_extraction(doc, article, lang)
    steps.finish()
    return extraction


def _extract_in_chunks(nlp, article: Article, lang: str,
                       progress: Progress | None = None) -> Extraction:
    """A text over the model's max_length, read piece by piece on paragraph boundaries;
    facts keep offsets into the whole text (a move is not merged across pieces)."""
    moves, foundings, investments, quotes = [], [], [], []
    pieces = list(text_chunks(article.text, CHUNK_CHARS))
    steps = None if progress is None else _Steps(progress, article, nlp, pieces=len(pieces))
    for offset, piece in pieces:
        part = _piece_extraction(nlp, replace(article, text=piece), lang, steps)
        quotes += [replace(q, evidence=_shifted(q.evidence, offset, article.text),
                           move=None if q.move is None else q.move + len(moves))
                   for q in part.quotes]
        moves += [replace(m, evidence=_shifted(m.evidence, offset, article.text),
                          mentions=tuple(replace(x, start=x.start + offset, end=x.end + offset)
                                         for x in m.mentions)) for m in part.moves]
        foundings += [replace(f, evidence=_shifted(f.evidence, offset, article.text))
                      for f in part.foundings]
        investments += [replace(i, evidence=_shifted(i.evidence, offset, article.text))
                        for i in part.investments]
    return Extraction(article_id=article.id, lang=lang, moves=tuple(moves),
                      foundings=tuple(foundings), investments=tuple(investments),
                      quotes=tuple(quotes))


def _shifted(evidence: Evidence, offset: int, text: str) -> Evidence:
    return Evidence.of(text, evidence.start + offset, evidence.end + offset)


def text_chunks(text: str, size: int) -> Iterator[tuple[int, str]]:
    """(offset, piece) covering ``text`` in order, each piece at most ``size`` characters,
    cut after the last paragraph break before the limit, else the last line break, else
    the last space, else exactly at the limit."""
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = next((window.rfind(sep) + len(sep) for sep in ("\n\n", "\n", " ")
                    if window.rfind(sep) > 0), size)
        yield start, window[:cut]
        start += cut
    if start < len(text):
        yield start, text[start:]
