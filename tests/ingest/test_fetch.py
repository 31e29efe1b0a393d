"""Fetching URLs against the loopback server: retries, redirects, timeouts, wrong types."""
from __future__ import annotations

import socket

import pytest

from talentflow import __version__
from talentflow.core import Article
from talentflow.core.errors import FetchError, InputTooLargeError
from talentflow.ingest import Skipped, read_inputs, read_url
from talentflow.ingest.fetch import FetchPolicy, fetch


def test_a_page_is_read_as_an_article_with_a_polite_user_agent(server, policy):
    article = read_url(server.url("/ok"), policy=policy)
    assert "Maëlle Quintard" in article.text
    assert article.url == server.url("/ok") and article.id == server.url("/ok")
    assert article.date == "2025-01-13"
    assert server.user_agents[-1].startswith(f"talentflow/{__version__} (+")


def test_server_errors_are_retried_then_succeed(server, policy):
    article = read_url(server.url("/flaky"), policy=policy)
    assert "Maëlle Quintard" in article.text
    assert server.hits["/flaky"] == 2  # one 500, then the page


def test_too_many_requests_is_retried_when_the_server_says(server, policy):
    article = read_url(server.url("/busy"), policy=policy)
    assert article.title == "Disponible"
    assert server.hits["/busy"] == 2


def test_retries_are_bounded(server):
    with pytest.raises(FetchError) as caught:
        fetch(server.url("/slow"), policy=FetchPolicy(read_timeout=0.2, retries=1,
                                                      backoff=0.01))
    assert "timed out" in caught.value.message and caught.value.item == server.url("/slow")
    assert server.hits["/slow"] == 2


def test_404_names_the_status(server, policy):
    with pytest.raises(FetchError) as caught:
        fetch(server.url("/missing"), policy=policy)
    assert "404" in caught.value.message
    assert server.hits["/missing"] == 1  # a 404 is not worth retrying


def test_redirects_are_followed_up_to_a_bound(server, policy):
    article = read_url(server.url("/redirect/2"), policy=policy)
    assert article.url == server.url("/ok")
    with pytest.raises(FetchError) as caught:
        fetch(server.url("/redirect/9"), policy=policy)
    assert "redirects" in caught.value.message


def test_a_non_html_response_names_its_type(server, policy):
    with pytest.raises(FetchError) as caught:
        fetch(server.url("/image.png"), policy=policy)
    assert "image/png" in caught.value.message


def test_pages_over_the_size_cap_are_refused(server):
    with pytest.raises(InputTooLargeError):
        fetch(server.url("/ok"), policy=FetchPolicy(max_bytes=100))


def test_a_dead_address_fails_with_a_reason(policy):
    with socket.socket() as probe:  # a port nobody listens on any more
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError) as caught:
        fetch(f"http://127.0.0.1:{port}/article", policy=policy)
    assert "cannot connect" in caught.value.message


def test_bad_urls_in_a_batch_are_skipped_and_the_rest_is_read(server, policy):
    urls = [server.url(path) for path in ("/missing", "/ok", "/image.png", "/empty",
                                          "/redirect/1")]
    results = list(read_inputs(urls, policy=policy))
    assert [type(r).__name__ for r in results] == [
        "Skipped", "Article", "Skipped", "Skipped", "Article"]
    assert [r.item for r in results if isinstance(r, Skipped)] == [urls[0], urls[2], urls[3]]
    assert all(isinstance(r, Article) and r.lang == "fr"
               for r in results if not isinstance(r, Skipped))


def test_one_url_has_an_overall_deadline_that_names_it(server):
    # /trickle sends a few bytes every 0.1 s for ever: no read ever times out.
    policy = FetchPolicy(connect_timeout=1.0, read_timeout=1.0, retries=2, backoff=0.01,
                         deadline=0.5)
    with pytest.raises(FetchError) as caught:
        fetch(server.url("/trickle"), policy=policy)
    assert caught.value.item == server.url("/trickle")
    assert "within 0.5 s" in caught.value.message and "--fetch-timeout" in caught.value.hint


def test_private_addresses_are_refused_when_asked(server, policy):
    from dataclasses import replace

    from talentflow.ingest.fetch import is_private_host

    assert is_private_host("127.0.0.1") and is_private_host("10.1.2.3")
    assert is_private_host("169.254.169.254") and is_private_host("localhost")
    assert is_private_host("[::1]") and not is_private_host("93.184.215.14")
    blocking = replace(policy, block_private=True)
    with pytest.raises(FetchError, match="refused"):
        fetch(server.url("/ok"), policy=blocking)


def test_max_bytes_applies_to_urls(server):
    results = list(read_inputs([server.url("/ok")], max_bytes=200))
    [skipped] = results
    assert isinstance(skipped, Skipped) and isinstance(skipped.error, InputTooLargeError)
