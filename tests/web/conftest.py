"""Stores, an app client and a live server for the web tests."""
from __future__ import annotations

import os
import threading
import time

import pytest

from query.world import empty_store  # noqa: F401
from talentflow.store import open_store
from web.world import SHARED_SEED, fill, fill_markup

TOKEN = "test-token-7f3a"
#: The server answers only to the names it is bound to; TestClient's own is "testserver".
LOCAL = "http://localhost"


@pytest.fixture
def web_store(empty_store):
    """The invented web articles in a fresh store, on SQLite and on PostgreSQL."""
    fill(empty_store)
    return empty_store


@pytest.fixture
def client(web_store):
    from fastapi.testclient import TestClient

    from talentflow.web import create_app

    # Server errors come back as 500 responses, as a real client would see them.
    with TestClient(create_app(store=web_store, token=TOKEN), base_url=LOCAL,
                    raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory):
    """A store file holding the invented web articles and, when ../shared exists, the
    seed article read by the real extractor."""
    path = tmp_path_factory.mktemp("seeded") / "seeded.db"
    with open_store(path) as store:
        fill(store)
        if SHARED_SEED.exists():
            from talentflow.workflow import ingest

            summary = ingest(store, [str(SHARED_SEED)])
            assert summary.ingested == 1, summary.to_dict()
    return path


class LiveServer:
    """uvicorn serving an app on 127.0.0.1 with an ephemeral port, in a thread."""

    def __init__(self, app):
        import uvicorn

        config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning",
                                lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


@pytest.fixture(scope="session")
def live_server(seeded_db):
    from talentflow.web import create_app

    with LiveServer(create_app(str(seeded_db))) as server:
        yield server


@pytest.fixture(scope="session")
def report_file(seeded_db, tmp_path_factory):
    from talentflow.web import build_report

    path = tmp_path_factory.mktemp("report") / "report.html"
    with open_store(seeded_db) as store:
        build_report(store, path)
    return path


@pytest.fixture(scope="session")
def markup_db(tmp_path_factory):
    """A store file of names with markup, long names and unknown sides (world.py)."""
    path = tmp_path_factory.mktemp("markup") / "markup.db"
    with open_store(path) as store:
        fill_markup(store)
    return path


@pytest.fixture(scope="session")
def markup_server(markup_db):
    from talentflow.web import create_app

    with LiveServer(create_app(str(markup_db))) as server:
        yield server


@pytest.fixture(scope="session")
def markup_report(markup_db, tmp_path_factory):
    from talentflow.web import build_report

    path = tmp_path_factory.mktemp("markup-report") / "report.html"
    with open_store(markup_db) as store:
        build_report(store, path)
    return path


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (never a downloaded browser)."""
    try:
        from playwright import sync_api
    except ImportError:
        sync_api = None
    problem = (f"{CHROMIUM} is missing: run scripts/services.sh"
               if not os.path.exists(CHROMIUM) else
               "playwright is not installed: pip install -e '.[dev]'" if sync_api is None
               else None)
    if problem:
        if os.environ.get("CI") == "true":  # in CI a missing browser is a broken build
            pytest.fail(problem)
        pytest.skip(problem)
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A 1280 px page that collects script errors and console errors in ``problems``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
    page.on("console", lambda msg: msg.type == "error" and page.problems.append(msg.text))
    yield page
    context.close()
