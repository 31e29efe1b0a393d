"""The database schema of the knowledge store (SQLAlchemy 2 Core tables).

Only ``talentflow.store`` writes SQL; the read side (``store/reads.py`` and
``talentflow.query``) selects from these tables. This module is a contract: changes
are additive only (new tables, new nullable columns, new indexes; an index may be
replaced by one serving the same queries), each one with a new entry in
``store/migrations.py`` and a bumped :data:`SCHEMA_VERSION`.

Data model, in one paragraph
----------------------------
An *article* is stored once (unique by content hash and by URL). The extractor's
output for it becomes *reports*: one row per extracted move, founding or investment,
with the names exactly as the article wrote them, the resolved canonical *people*
and *organisations*, and the evidence offsets. Reports that describe the same event
are merged into one *fact*; the read side queries facts (one row per real-world move,
founding or investment) and reaches the sources through ``reports.fact_id``.

Conventions used by every table
-------------------------------
* Kinds: ``"move"``, ``"founding"``, ``"investment"`` (constants below).
* The organisation columns are shared by the three kinds so that organisation queries
  are uniform:

  ============  =====================  ==================  ===================
  kind          ``person_id``          ``from_org_id``     ``to_org_id``
  ============  =====================  ==================  ===================
  move          the person who moved   organisation left   organisation joined
  founding      NULL (see founders)    NULL                organisation founded
  investment    NULL                   investor (or NULL)  investee
  ============  =====================  ==================  ===================

* Dates are ISO strings so they sort and compare the same way on SQLite and
  PostgreSQL. ``date`` keeps the precision the source allowed (``"2024"``,
  ``"2024-05"``, ``"2024-05-14"``); ``date_start``/``date_end`` are the first and last
  day that date covers (``"2024-05"`` -> ``"2024-05-01"``/``"2024-05-31"``), always full
  ``YYYY-MM-DD`` strings, inclusive; ``date_precision`` is ``"year"``, ``"month"`` or
  ``"day"``. All four are NULL for an undated report/fact. A range filter
  ``since <= date <= until`` is ``date_start >= since_start AND date_start <= until_end``
  (indexed).
* Name keys (``key`` columns) are folded with :func:`talentflow.resolve.names.person_key`
  and :func:`talentflow.resolve.names.org_key` (accents, case, punctuation folded; for
  organisations legal suffixes and spaces dropped). To find "deepmind" look the key of
  the user's text up in ``org_aliases.key`` (every canonical name is also an alias).
* Timestamps are timezone-aware UTC.
"""
from __future__ import annotations

from sqlalchemy import (JSON, Column, DateTime, Float, ForeignKey, Index, Integer, MetaData,
                        String, Table, Text, UniqueConstraint, func)

#: Version of this schema; recorded in ``meta`` under ``schema_version``.
SCHEMA_VERSION = 5

KIND_MOVE = "move"
KIND_FOUNDING = "founding"
KIND_INVESTMENT = "investment"
KINDS = (KIND_MOVE, KIND_FOUNDING, KIND_INVESTMENT)

PRECISIONS = ("year", "month", "day")

# Names of the merge_overrides kinds.
OVERRIDE_SEPARATE_REPORT = "separate_report"
OVERRIDE_DISTINCT_PEOPLE = "distinct_people"

metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})


def _created() -> Column:
    return Column("created_at", DateTime(timezone=True), nullable=False,
                  server_default=func.now())


meta = Table(
    "meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
    comment="Store-wide settings. ``schema_version`` holds SCHEMA_VERSION as a string.",
)

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True),
    Column("ext_id", String(512), nullable=False, index=True,
           comment="Article.id as the input gave it (not unique: two inputs may reuse one)."),
    Column("content_hash", String(64), nullable=False, unique=True,
           comment="core.content_hash(text): the article's identity."),
    Column("url", String(2048), unique=True,
           comment="Canonical URL when the article has one; unique when present."),
    Column("title", Text),
    Column("lang", String(8), comment="'fr' or 'en' (the extractor's view), may be NULL."),
    Column("published", String(10),
           comment="Publication date, ISO, as precise as known ('2024-10-02'), may be NULL."),
    Column("date_source", String(16),
           comment="Where 'published' came from: core.models.DATE_SOURCES, NULL if unknown."),
    Column("source", Text, comment="Where it was read from: a path, a feed URL, 'jsonl:PATH:LINE'."),
    Column("text", Text, nullable=False,
           comment="The text exactly as extracted: reports' evidence offsets index it."),
    _created(),
    comment="One row per distinct article ever ingested.",
)

organisations = Table(
    "organisations", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(512), nullable=False,
           comment="Display name: the shipped canonical name, else the most reported spelling."),
    Column("key", String(512), nullable=False, unique=True,
           comment="org_key(name) at creation; lookups go through org_aliases.key."),
    _created(),
    comment="Canonical organisations (companies, labs, ministries, clubs, universities...).",
)

org_aliases = Table(
    "org_aliases", metadata,
    Column("id", Integer, primary_key=True),
    Column("org_id", Integer, ForeignKey("organisations.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("name", String(512), nullable=False, comment="The spelling as first met or given."),
    Column("key", String(512), nullable=False, unique=True,
           comment="org_key(name): one key resolves to exactly one organisation."),
    Column("origin", String(16), nullable=False,
           comment="'name' (seen in an article), 'shipped' (resolve/data/org_aliases.json), "
                   "'user' (talentflow alias add ALIAS NAME: ALIAS) or 'canonical' (NAME "
                   "of such a command: the preferred display name)."),
    _created(),
)

people = Table(
    "people", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(512), nullable=False,
           comment="Display name: the most complete, most reported spelling of the person."),
    Column("key", String(512), nullable=False, index=True, comment="person_key(name)."),
    Column("surname_key", String(256), nullable=False, index=True,
           comment="Folded last word of the name: candidates for context-checked fuzzy merges."),
    _created(),
    comment="Canonical people.",
)

person_aliases = Table(
    "person_aliases", metadata,
    Column("id", Integer, primary_key=True),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("name", String(512), nullable=False),
    Column("key", String(512), nullable=False, unique=True,
           comment="person_key(name): one key resolves to exactly one person."),
    Column("origin", String(16), nullable=False,
           comment="'name' (seen in an article), 'user' (talentflow alias add ALIAS NAME: "
                   "ALIAS), 'canonical' (NAME of such a command: the preferred display "
                   "name) or 'fuzzy' (same surname, similar given name and a shared "
                   "organisation)."),
    _created(),
)

facts = Table(
    "facts", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(16), nullable=False, comment="'move', 'founding' or 'investment'."),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="SET NULL"),
           comment="Moves: the person (see the module docstring for each kind)."),
    Column("from_org_id", Integer, ForeignKey("organisations.id", ondelete="SET NULL"),
           comment="Moves: organisation left (NULL when unknown); investments: the investor."),
    Column("to_org_id", Integer, ForeignKey("organisations.id", ondelete="SET NULL"),
           comment="Moves: organisation joined (NULL for a departure with no destination); "
                   "foundings: the organisation founded; investments: the investee."),
    Column("founder_ids", JSON(none_as_null=True),
           comment="Foundings: sorted list of people.id of the founders ([] when unnamed)."),
    Column("role", Text, comment="The article's own words for the role, from the best source."),
    Column("role_key", String(64),
           comment="resolve.roles.normalize_role(role): canonical role ('cfo'), may be NULL."),
    Column("date", String(10), comment="Best (most precise) date, ISO partial."),
    Column("date_start", String(10), comment="First day covered by date (YYYY-MM-DD)."),
    Column("date_end", String(10), comment="Last day covered by date (YYYY-MM-DD), inclusive."),
    Column("date_precision", String(5), comment="'year', 'month' or 'day'."),
    Column("amount", Float, comment="Investments: amount in units of currency, may be NULL."),
    Column("currency", String(3), comment="Investments: ISO 4217 code, may be NULL."),
    Column("confidence", Float, nullable=False,
           comment="1 - prod(1 - c) over the best report of each source article, capped 0.99."),
    Column("n_sources", Integer, nullable=False,
           comment="Number of distinct articles reporting this fact."),
    Column("n_reports", Integer, nullable=False, comment="Number of reports merged in."),
    Column("conflicts", JSON(none_as_null=True),
           comment="NULL when the sources agree, else {field: [distinct values...]} for "
                   "'role' (differing role_key), 'date' (incompatible dates), 'amount'."),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    comment="Merged facts: one row per real-world move, founding or investment.",
)

# Indexes the read side relies on (flows over a year on 1M moves must stay fast):
# the flows index covers kind + date range + both sides so the GROUP BY reads the index only.
Index("ix_facts_flows", facts.c.kind, facts.c.date_start, facts.c.from_org_id, facts.c.to_org_id)
Index("ix_facts_from_to_date", facts.c.from_org_id, facts.c.to_org_id, facts.c.date_start)
# An organisation's arrivals / departures (schema version 3): kind right after the
# organisation so foundings, investments and moves are separate ranges, then everything the
# org profile counts (date, precision, the other side, the person) so its aggregates read
# the index only; with a million moves the busiest organisation's profile went from
# seconds to a fraction of one (benchmarks/bench_store.py).
Index("ix_facts_to_kind_date", facts.c.to_org_id, facts.c.kind, facts.c.date_start,
      facts.c.date_precision, facts.c.from_org_id, facts.c.person_id)
Index("ix_facts_from_kind_date", facts.c.from_org_id, facts.c.kind, facts.c.date_start,
      facts.c.date_precision, facts.c.to_org_id, facts.c.person_id)
Index("ix_facts_person_date", facts.c.person_id, facts.c.date_start)

reports = Table(
    "reports", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("kind", String(16), nullable=False, comment="'move', 'founding' or 'investment'."),
    Column("seq", Integer, nullable=False,
           comment="Position of this report among the article's reports of its kind."),
    Column("report_key", String(64), nullable=False, unique=True,
           comment="Stable identity (hash of article content hash, kind, seq, evidence): "
                   "survives re-ingestion into another store; used by merge_overrides."),
    Column("person_name", String(512), comment="Moves: the person as the article names them."),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="SET NULL"), index=True),
    Column("from_name", String(512), comment="Moves: organisation left; investments: investor."),
    Column("from_org_id", Integer, ForeignKey("organisations.id", ondelete="SET NULL"),
           index=True),
    Column("to_name", String(512),
           comment="Moves: organisation joined; foundings: founded; investments: investee."),
    Column("to_org_id", Integer, ForeignKey("organisations.id", ondelete="SET NULL"),
           index=True),
    Column("founders", JSON(none_as_null=True),
           comment="Foundings: list of founder names as written."),
    Column("founder_ids", JSON(none_as_null=True),
           comment="Foundings: people.id of those founders, same order."),
    Column("role", Text),
    Column("role_key", String(64)),
    Column("date", String(10)),
    Column("date_start", String(10)),
    Column("date_end", String(10)),
    Column("date_precision", String(5)),
    Column("amount", Float),
    Column("currency", String(3)),
    Column("evidence_start", Integer, nullable=False,
           comment="Offsets into articles.text, end exclusive."),
    Column("evidence_end", Integer, nullable=False),
    Column("evidence_text", Text, nullable=False, comment="articles.text[start:end]."),
    Column("confidence", Float, nullable=False),
    Column("trigger", String(256)),
    Column("fact_id", Integer, ForeignKey("facts.id", ondelete="SET NULL"), index=True,
           comment="The merged fact this report supports (NULL only mid-transaction)."),
    comment="One extracted move, founding or investment of one article.",
)

report_founders = Table(
    "report_founders", metadata,
    Column("report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"),
           primary_key=True),
    Column("position", Integer, primary_key=True,
           comment="Index in reports.founders / reports.founder_ids."),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("name", String(512), nullable=False, comment="The founder as the article names them."),
    comment="Founders of founding reports, one row each (schema version 2): finds a "
            "person's foundings by index; mirrors reports.founders/founder_ids.",
)

quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True),
    Column("quote_key", String(64), nullable=False, unique=True,
           comment="sha256 of the folded words: the same words from two articles are one "
                   "quote with two sources."),
    Column("text", Text, nullable=False, comment="The quoted words, from the first source."),
    Column("person_id", Integer, ForeignKey("people.id", ondelete="SET NULL"), index=True,
           comment="The speaker (canonical person)."),
    Column("speaker_name", String(512), nullable=False, comment="The speaker as first named."),
    Column("n_sources", Integer, nullable=False),
    _created(),
    comment="Direct quotes of named people (schema version 4).",
)

quote_sources = Table(
    "quote_sources", metadata,
    Column("id", Integer, primary_key=True),
    Column("quote_id", Integer, ForeignKey("quotes.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("evidence_start", Integer, nullable=False,
           comment="Offsets of the quoted words into articles.text, end exclusive."),
    Column("evidence_end", Integer, nullable=False),
    Column("style", String(16), nullable=False,
           comment="'marks', 'dash', 'interview' or 'block': how the article set it apart."),
    Column("report_id", Integer, ForeignKey("reports.id", ondelete="SET NULL"), index=True,
           comment="The speaker's move report in this article, when the quote is linked to "
                   "one; its fact_id is the merged fact the quote is about."),
    UniqueConstraint("quote_id", "article_id", "evidence_start"),
    comment="Where each quote was read: one row per article reporting it (schema version 4).",
)

merge_overrides = Table(
    "merge_overrides", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(32), nullable=False,
           comment="'separate_report': subject = reports.report_key, kept as its own fact; "
                   "'distinct_people': subject/other = person keys never merged by fuzzy "
                   "matching."),
    Column("subject", String(512), nullable=False),
    Column("other", String(512), nullable=False, server_default=""),
    Column("note", Text),
    _created(),
    UniqueConstraint("kind", "subject", "other"),
    comment="Manual merge decisions that survive re-ingestion and re-merging.",
)

__all__ = ["SCHEMA_VERSION", "KINDS", "KIND_MOVE", "KIND_FOUNDING", "KIND_INVESTMENT",
           "PRECISIONS", "OVERRIDE_SEPARATE_REPORT", "OVERRIDE_DISTINCT_PEOPLE", "metadata",
           "meta", "articles", "organisations", "org_aliases", "people", "person_aliases",
           "facts", "reports", "report_founders", "merge_overrides", "quotes",
           "quote_sources"]
