"""RSS and Atom feeds: every entry's page read, failing entries skipped with a reason."""
from __future__ import annotations

from talentflow.core import Article
from talentflow.core.errors import FeedError, FetchError
from talentflow.ingest import Skipped, read_feed, read_inputs


def test_rss_entries_are_read_from_their_pages(server, policy):
    results = list(read_feed(server.url("/rss.xml"), policy=policy))
    first, second, from_feed, dead = results
    assert (first.url, second.url) == (server.url("/page/1"), server.url("/page/2"))
    assert first.title == "Article 1" and first.date == "2025-01-13"
    # The page of the third entry is gone but the feed carries its text: used, and said.
    assert isinstance(from_feed, Article) and "text from the feed" in from_feed.source
    assert from_feed.text.startswith("Article disparu\n") and from_feed.date == "2025-01-15"
    # The fourth has neither a page nor text.
    assert isinstance(dead, Skipped) and isinstance(dead.error, FetchError)
    assert dead.item == server.url("/missing") and "404" in dead.reason


def test_atom_entries(server, policy):
    results = list(read_feed(server.url("/atom.xml"), policy=policy))
    assert [r.url for r in results] == [server.url("/page/1"), server.url("/page/2")]


def test_not_a_feed(server, policy):
    [skipped] = read_feed(server.url("/broken.xml"), policy=policy)
    assert isinstance(skipped.error, FeedError) and skipped.item == server.url("/broken.xml")


def test_a_feed_file_on_disk_through_read_inputs(tmp_path, server, policy):
    from helpers.http_server import atom_feed
    path = tmp_path / "news.atom"
    path.write_text(atom_feed(server.url("")), encoding="utf-8")
    results = list(read_inputs([str(path)], policy=policy))
    assert [r.url for r in results] == [server.url("/page/1"), server.url("/page/2")]


def test_a_feed_file_that_is_not_xml(tmp_path):
    path = tmp_path / "news.rss"
    path.write_text("Ceci n'est pas un flux.", encoding="utf-8")
    [skipped] = read_inputs([str(path)])
    assert isinstance(skipped.error, FeedError) and skipped.item == str(path)


def test_a_feed_file_over_the_size_cap(tmp_path, server):
    from helpers.http_server import rss_feed
    from talentflow.core.errors import InputTooLargeError
    from talentflow.ingest.fetch import FetchPolicy
    path = tmp_path / "big.rss"
    path.write_text(rss_feed(server.url("")), encoding="utf-8")
    [skipped] = read_feed(str(path), policy=FetchPolicy(max_bytes=200))
    assert isinstance(skipped.error, InputTooLargeError) and skipped.item == str(path)


def test_relative_links_are_resolved_against_the_feed(server, policy):
    results = list(read_feed(server.url("/relative.xml"), policy=policy))
    articles = [r for r in results if isinstance(r, Article)]
    assert [a.url for a in articles][:2] == [server.url("/page/1"), server.url("/page/2")]


def test_links_of_a_feed_from_the_internet_may_not_lead_to_private_hosts(tmp_path, policy):
    from dataclasses import replace

    from talentflow.ingest.feed import entry_policy

    assert entry_policy("https://news.example.invalid/rss.xml", policy).block_private
    assert not entry_policy("http://127.0.0.1:8080/rss.xml", policy).block_private
    assert not entry_policy(str(tmp_path / "feed.xml"), policy).block_private
    allowed = replace(policy, allow_private=True)
    assert not entry_policy("https://news.example.invalid/rss.xml", allowed).block_private


def test_feed_entries_keep_their_own_date_as_metadata(server, policy):
    [first, *_] = read_feed(server.url("/rss.xml"), policy=policy)
    assert first.date_source == "metadata"
