"""The ingest workflow: known articles skipped before extraction, failures isolated."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from talentflow.core import Article, Evidence, Extraction, Move
from talentflow.core.errors import ExtractionError, InputError
from talentflow.store import open_store
from talentflow.workflow import FAILED, INGESTED, KNOWN, SKIPPED, ingest_articles

SHARED = Path(__file__).resolve().parents[2] / "shared" / "bench"


@dataclass
class SkippedItem:  # the shape of talentflow.ingest.Skipped
    item: str
    reason: str
    error: Exception


def invented(ext_id: str, person: str, to_org: str) -> Article:
    return Article(ext_id, f"{person} rejoint {to_org} comme directrice des opérations.",
                   lang="fr", date="2024-04-02", source=f"tests/{ext_id}.txt")


class FakeExtractor:
    """Reads 'PERSON rejoint ORG' back, records what it was asked, fails on request."""

    def __init__(self, fail: set[str] = frozenset()):
        self.seen: list[str] = []
        self.fail = fail

    def record(self, articles):
        for article in articles:
            self.seen.append(article.url or article.id)
            yield article

    def __call__(self, articles, batch_size=32):
        for article in articles:
            self.seen.append(article.id)
            if article.id in self.fail:
                yield article, ExtractionError("parser crashed", item=article.id)
                continue
            person, rest = article.text.split(" rejoint ")
            org = rest.split(" comme ")[0]
            sentence = Evidence.of(article.text, 0, len(article.text))
            yield article, Extraction(article.id, "fr", moves=(
                Move(person, None, org, "directrice des opérations", None, sentence, 0.6),))


@pytest.fixture
def sqlite_store(tmp_path):
    with open_store(tmp_path / "w.db") as store:
        yield store


def test_known_articles_are_not_extracted_again(sqlite_store):
    first = [invented("a", "Rita Olsen", "Crane Labs"), invented("b", "Omar Diallo", "Crane Labs")]
    extractor = FakeExtractor()
    summary = ingest_articles(sqlite_store, first, extractor=extractor)
    assert (summary.ingested, summary.already_known, summary.ok) == (2, 0, True)
    events = []
    again = ingest_articles(sqlite_store, first + [first[0]], extractor=extractor,
                            progress=events.append)
    assert (again.ingested, again.already_known) == (0, 3)
    assert extractor.seen == ["a", "b"]
    assert [e.status for e in events] == [KNOWN, KNOWN, KNOWN]
    assert sqlite_store.info().counts["moves"] == 2


def test_one_bad_item_never_aborts_the_batch(sqlite_store):
    inputs = [invented("a", "Rita Olsen", "Crane Labs"),
              SkippedItem("broken.txt", "[TF203] not UTF-8", InputError("x")),
              invented("boom", "Omar Diallo", "Crane Labs"),
              invented("c", "Yves Morel", "Crane Labs")]
    events = []
    summary = ingest_articles(sqlite_store, inputs, extractor=FakeExtractor(fail={"boom"}),
                              progress=events.append)
    assert summary.ingested == 2 and not summary.ok
    assert summary.skipped == [("broken.txt", "[TF203] not UTF-8")]
    assert summary.failed[0][0] == "tests/boom.txt" and "parser crashed" in summary.failed[0][1]
    assert [e.status for e in events] == [INGESTED, SKIPPED, FAILED, INGESTED]
    assert summary.to_dict()["failed"][0]["item"] == "tests/boom.txt"


def test_a_store_error_fails_only_that_article(sqlite_store):
    good = invented("a", "Rita Olsen", "Crane Labs")
    text = "Léo Hamel rejoint Crane Labs."
    bad = Article("bad", text, source="tests/bad.txt")

    def extractor(articles, batch_size=32):
        for article in articles:
            if article.id == "bad":  # evidence that does not match the text
                yield article, Extraction("bad", "fr", moves=(Move(
                    "Léo Hamel", None, "Crane Labs", None, None, Evidence(0, 3, "xyz")),))
            else:
                yield from FakeExtractor()([article])

    summary = ingest_articles(sqlite_store, [bad, good], extractor=extractor)
    assert summary.ingested == 1 and summary.failed[0][0] == "tests/bad.txt"


@pytest.mark.model
@pytest.mark.skipif(not (SHARED / "seed.articles.jsonl").exists(), reason="no ../shared/bench")
def test_seed_ingested_twice_gives_its_moves_once_and_its_flows(tmp_path):
    from talentflow.workflow import ingest

    if not hasattr(pytest.importorskip("talentflow.ingest"), "read_inputs"):
        pytest.skip("talentflow.ingest.read_inputs not merged yet")
    if not hasattr(pytest.importorskip("talentflow.nlp"), "extract_many"):
        pytest.skip("talentflow.nlp.extract_many not merged yet")
    from talentflow.query import flows

    with open_store(tmp_path / "seed.db") as store:
        first = ingest(store, [str(SHARED / "seed.articles.jsonl")])
        second = ingest(store, [str(SHARED / "seed.articles.jsonl")])
        assert first.ingested == 1 and second.already_known == 1 and second.ingested == 0
        assert store.info().counts["moves"] == 8
        pairs = {(f["from"]["name"] if isinstance(f["from"], dict) else f["from"],
                  f["to"]["name"] if isinstance(f["to"], dict) else f["to"])
                 for f in flows(store).to_dict()["flows"]}
        assert {("OpenAI", "Anthropic"), ("Google DeepMind", "Anthropic")} <= pairs


@pytest.fixture
def http_server():
    from helpers.http_server import LoopbackServer  # tests/ is on sys.path (rootdir conftest)

    with LoopbackServer() as server:
        yield server


def test_ingest_urls_and_a_feed_from_a_real_http_server(http_server, sqlite_store):
    from sqlalchemy import select

    from talentflow.store.schema import articles
    from talentflow.workflow import ingest

    items = [http_server.url("/ok"), http_server.url("/missing"), http_server.url("/image.png")]
    extractor = FakeExtractor()

    def no_moves(arts, batch_size=32):
        return ((a, Extraction(a.id, "fr")) for a in extractor.record(arts))

    first = ingest(sqlite_store, items, feed=http_server.url("/rss.xml"), extractor=no_moves)
    assert first.ingested >= 3 and not first.failed  # /ok and the feed's pages
    skipped = [item for item, _ in first.skipped]
    assert items[1] in skipped and items[2] in skipped and not first.ok
    assert http_server.url("/page/1") in extractor.seen
    with sqlite_store.read() as conn:
        published = conn.execute(select(articles.c.published)
                                 .where(articles.c.url == items[0])).scalar_one()
    assert published == "2025-01-13"
    again = ingest(sqlite_store, items, feed=http_server.url("/rss.xml"), extractor=no_moves)
    assert (again.ingested, again.already_known) == (0, first.ingested)
    assert len(extractor.seen) == first.ingested  # known articles were never extracted


# One invented move told four ways: different wordings, an accent-less spelling, English.
SAME_MOVE_TEXTS = {
    "fr-velora-1": "Velora Robotique a annoncé mardi l'arrivée de Clémence Aubertin au poste de "
                   "directrice financière. Clémence Aubertin quitte Banque Ostrale, où elle a "
                   "passé sept ans, pour rejoindre la start-up lyonnaise en mars 2024.",
    "fr-velora-2": "La banquière Clemence Aubertin a rejoint Velora Robotique le 4 mars 2024 en "
                   "provenance de Banque Ostrale. Elle y occupera les fonctions de directrice "
                   "financière.",
    "fr-velora-3": "Clémence Aubertin, jusqu'ici chez Banque Ostrale, a été nommée directrice "
                   "financière de Velora Robotique. La société prépare une levée de fonds.",
    "en-velora-4": "Velora Robotique has hired Clemence Aubertin as chief financial officer. "
                   "Aubertin left Banque Ostrale in March 2024 after seven years at the bank.",
}


@pytest.mark.model
def test_one_move_reported_by_several_articles_is_one_fact_with_the_real_extractor(sqlite_store):
    from sqlalchemy import select

    from talentflow.nlp import extract_many
    from talentflow.store.schema import facts, people

    inputs = [Article(key, text, lang=key[:2], date="2024-03-06", source=key)
              for key, text in SAME_MOVE_TEXTS.items()]
    reported = []

    def extractor(articles, batch_size=32):
        for article, result in extract_many(articles, batch_size=batch_size):
            if isinstance(result, Extraction) and result.moves:
                reported.append(article.id)
            yield article, result

    summary = ingest_articles(sqlite_store, inputs, extractor=extractor)
    assert summary.ingested == 4
    assert len(reported) >= 2, "the extractor should read this move in most of the articles"
    with sqlite_store.read() as conn:
        assert conn.execute(select(people.c.name)).scalars().all() == ["Clémence Aubertin"]
        rows = conn.execute(select(facts.c.n_sources).where(facts.c.kind == "move")).all()
    assert rows == [(len(reported),)]
