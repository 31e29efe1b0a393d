"""Exports of the whole store: facts with sources, the people-organisation graph, FtM.

Formats (``EXPORT_FORMATS``):

* ``json``: ``{"format": "talentflow-facts", "version": 1, "facts": [...], "quotes": [...]}``,
  each fact in the :meth:`Fact.to_dict` shape plus ``"sources"`` (:meth:`Source.to_dict`
  each), each quote in the :meth:`QuoteResult.to_dict` shape (speaker, words, the facts
  it is about, its sources with the offsets of the words);
* ``csv``: one row per (fact, source) with the columns of :data:`CSV_COLUMNS`; for the
  three kinds ``from_org``/``to_org`` follow the store's convention (a founding's
  organisation and an investment's investee are ``to_org``, the investor ``from_org``);
  quotes follow as rows of kind ``quote``, one per (quote, source article): ``person``
  is the speaker, ``fact_id`` the move it is about (empty when none), ``evidence`` the
  quoted words and ``evidence_start``/``evidence_end`` their offsets in that article;
* ``graphml`` / ``gexf`` (networkx, for Gephi): nodes ``person:ID`` / ``org:ID`` with
  ``label`` and ``type`` ("person"/"organisation"); directed edges with ``relation``
  ``moved_from`` / ``moved_to`` (person -> organisation), ``founded`` (founder ->
  organisation), ``invested`` (investor -> investee), plus ``fact_id``, ``date``, ``role``,
  ``confidence`` and ``n_sources`` when known. (``relation`` rather than ``type``
  because GEXF reserves an edge's ``type`` for directed/undirected.)
* ``ftm``: FollowTheMoney entities as JSON lines: ``Person`` and ``Organization``
  (``name``, ``alias``; ``incorporationDate`` from a founding), ``Employment``
  (``employee``, ``employer``, ``role``, ``startDate`` for the organisation joined,
  ``endDate`` for the one left, ``sourceUrl``, ``recordId``), founders and investors as
  ``UnknownLink`` (``subject``, ``object``, ``role`` "founder"/"investor", ``date``).
  FollowTheMoney has no schema for a person's quoted words (``Note`` is a free comment
  on an entity, with no speaker or source offsets), so quotes are left out of this
  format; the json and csv exports carry them.

Files are written atomically (a temporary file in the same folder, then renamed), and
facts are read in batches so memory stays flat for the row formats.
"""
from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from talentflow.core.errors import UsageError
from talentflow.query.facts import facts_from_rows, source_from_row
from talentflow.query.quotes import quotes
from talentflow.query.results import Fact, Source
from talentflow.store import reads

EXPORT_FORMATS = ("csv", "json", "graphml", "gexf", "ftm")
JSON_FORMAT_NAME = "talentflow-facts"
JSON_FORMAT_VERSION = 1

CSV_COLUMNS = ("fact_id", "kind", "person", "person_id", "from_org", "from_org_id", "to_org",
               "to_org_id", "founders", "role", "role_key", "date", "amount", "currency",
               "confidence", "n_sources", "conflicts", "report_id", "article_id",
               "article_title", "article_date", "article_url", "evidence_start",
               "evidence_end", "evidence")


@dataclass(frozen=True)
class ExportSummary:
    format: str
    path: str
    facts: int
    records: int  # rows (csv), facts (json), nodes + edges (graphs), entities (ftm)

    def to_dict(self) -> dict[str, Any]:
        return {"format": self.format, "path": self.path, "facts": self.facts,
                "records": self.records}


def _facts_with_sources(store, batch_size: int = 500) -> Iterator[tuple[Fact, list[Source]]]:
    with store.read() as conn:
        for batch in reads.iter_facts(conn, batch_size=batch_size):
            facts = facts_from_rows(conn, batch)
            by_fact: dict[int, list[Source]] = {f.id: [] for f in facts}
            for row in reads.reports_of_facts(conn, by_fact):
                by_fact[row["fact_id"]].append(source_from_row(row))
            for fact in facts:
                yield fact, by_fact[fact.id]


def _write_json(store, out: IO[str]) -> tuple[int, int]:
    out.write(f'{{"format": "{JSON_FORMAT_NAME}", "version": {JSON_FORMAT_VERSION}, '
              '"facts": [')
    count = 0
    for fact, sources in _facts_with_sources(store):
        data = fact.to_dict()
        data["sources"] = [s.to_dict() for s in sources]
        out.write((",\n" if count else "\n") + json.dumps(data, ensure_ascii=False))
        count += 1
    out.write("\n], \"quotes\": [")
    for index, quote in enumerate(quotes(store)):
        out.write((",\n" if index else "\n") + json.dumps(quote.to_dict(), ensure_ascii=False))
    out.write("\n]}\n")
    return count, count


def _name(ref) -> str:
    return ref.name if ref else ""


def _id(ref) -> int | str:
    return ref.id if ref else ""


def _write_csv(store, out: IO[str]) -> tuple[int, int]:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    n_facts = n_rows = 0
    for fact, sources in _facts_with_sources(store):
        n_facts += 1
        amount = fact.amount
        if amount is not None and float(amount).is_integer():
            amount = int(amount)
        base = [fact.id, fact.kind, _name(fact.person), _id(fact.person), _name(fact.from_org),
                _id(fact.from_org), _name(fact.to_org), _id(fact.to_org),
                "; ".join(f.name for f in fact.founders), fact.role or "", fact.role_key or "",
                fact.date or "", "" if amount is None else amount, fact.currency or "",
                round(fact.confidence, 3), fact.n_sources,
                json.dumps(fact.conflicts, ensure_ascii=False) if fact.conflicts else ""]
        for source in sources or [None]:
            if source is None:
                writer.writerow(base + [""] * 8)
            else:
                writer.writerow(base + [source.report_id, source.article_id, source.title or "",
                                        source.published or "", source.url or "",
                                        source.evidence_start, source.evidence_end,
                                        source.evidence])
            n_rows += 1
    for quote in quotes(store):
        for source in quote.sources:
            writer.writerow([source.fact_id or "", "quote", _name(quote.speaker),
                             _id(quote.speaker)] + [""] * 13
                            + ["", source.article_id, source.title or "",
                               source.published or "", source.url or "",
                               source.evidence_start, source.evidence_end, quote.text])
            n_rows += 1
    return n_facts, n_rows


def people_org_graph(store):
    """The people-organisation graph as a networkx MultiDiGraph (see the module docstring)."""
    import networkx as nx

    graph = nx.MultiDiGraph(name="talentflow")

    def person(ref) -> str:
        node = f"person:{ref.id}"
        graph.add_node(node, label=ref.name, type="person")
        return node

    def org(ref) -> str:
        node = f"org:{ref.id}"
        graph.add_node(node, label=ref.name, type="organisation")
        return node

    def edge(source: str, target: str, relation: str, fact: Fact) -> None:
        attrs = {"relation": relation, "label": relation, "fact_id": fact.id,
                 "date": fact.date, "role": fact.role, "confidence": round(fact.confidence, 3),
                 "n_sources": fact.n_sources}
        graph.add_edge(source, target, key=f"{relation}:{fact.id}",
                       **{k: v for k, v in attrs.items() if v is not None})

    n_facts = 0
    with store.read() as conn:
        for batch in reads.iter_facts(conn):
            for fact in facts_from_rows(conn, batch):
                n_facts += 1
                if fact.kind == reads.KIND_MOVE and fact.person:
                    if fact.from_org:
                        edge(person(fact.person), org(fact.from_org), "moved_from", fact)
                    if fact.to_org:
                        edge(person(fact.person), org(fact.to_org), "moved_to", fact)
                elif fact.kind == reads.KIND_FOUNDING and fact.to_org:
                    target = org(fact.to_org)
                    for founder in fact.founders:
                        edge(person(founder), target, "founded", fact)
                elif fact.kind == reads.KIND_INVESTMENT and fact.to_org:
                    target = org(fact.to_org)
                    if fact.from_org:
                        edge(org(fact.from_org), target, "invested", fact)
    return graph, n_facts


def _ftm_entities(store, stats: dict[str, int]) -> Iterator[dict[str, Any]]:
    emitted: set[str] = set()
    with store.read() as conn:
        for batch in reads.iter_facts(conn):
            facts = facts_from_rows(conn, batch)
            stats["facts"] += len(facts)
            urls: dict[int, list[str]] = {f.id: [] for f in facts}
            for row in reads.reports_of_facts(conn, urls):
                if row["url"] and row["url"] not in urls[row["fact_id"]]:
                    urls[row["fact_id"]].append(row["url"])
            person_ids = {r.id for f in facts for r in (f.person, *f.founders) if r}
            org_ids = {r.id for f in facts for r in (f.from_org, f.to_org) if r}
            person_aliases = reads.person_alias_names(
                conn, {i for i in person_ids if f"talentflow-person-{i}" not in emitted})
            org_aliases = reads.org_alias_names(
                conn, {i for i in org_ids if f"talentflow-org-{i}" not in emitted})
            incorporated = {f.to_org.id: f.date for f in facts
                            if f.kind == reads.KIND_FOUNDING and f.to_org and f.date}
            for fact in facts:
                for ref in (fact.person, *fact.founders):
                    if ref and ref.id in person_aliases:
                        yield _ftm_named("Person", f"talentflow-person-{ref.id}", ref.name,
                                         person_aliases.pop(ref.id), emitted)
                for ref in (fact.from_org, fact.to_org):
                    if ref and ref.id in org_aliases:
                        entity = _ftm_named("Organization", f"talentflow-org-{ref.id}",
                                            ref.name, org_aliases.pop(ref.id), emitted)
                        if ref.id in incorporated:
                            entity["properties"]["incorporationDate"] = [incorporated[ref.id]]
                        yield entity
                yield from _ftm_links(fact, urls[fact.id])


def _ftm_named(schema: str, entity_id: str, name: str, aliases: list[str],
               emitted: set[str]) -> dict[str, Any]:
    emitted.add(entity_id)
    properties: dict[str, list[str]] = {"name": [name]}
    others = [a for a in aliases if a != name]
    if others:
        properties["alias"] = others
    return {"id": entity_id, "schema": schema, "properties": properties}


def _ftm_links(fact: Fact, urls: list[str]) -> Iterator[dict[str, Any]]:
    common: dict[str, list[str]] = {"recordId": [f"fact:{fact.id}"]}
    if urls:
        common["sourceUrl"] = urls
    if fact.kind == reads.KIND_MOVE and fact.person:
        employee = f"talentflow-person-{fact.person.id}"
        if fact.to_org:
            props = {"employee": [employee], "employer": [f"talentflow-org-{fact.to_org.id}"],
                     **common}
            if fact.role:
                props["role"] = [fact.role]
            if fact.date:
                props["startDate"] = [fact.date]
            yield {"id": f"talentflow-employment-{fact.id}-to", "schema": "Employment",
                   "properties": props}
        if fact.from_org:
            props = {"employee": [employee],
                     "employer": [f"talentflow-org-{fact.from_org.id}"], **common}
            if fact.role and not fact.to_org:
                props["role"] = [fact.role]  # a departure's role is the one left
            if fact.date:
                props["endDate"] = [fact.date]
            yield {"id": f"talentflow-employment-{fact.id}-from", "schema": "Employment",
                   "properties": props}
    elif fact.kind == reads.KIND_FOUNDING and fact.to_org:
        for founder in fact.founders:
            props = {"subject": [f"talentflow-person-{founder.id}"],
                     "object": [f"talentflow-org-{fact.to_org.id}"], "role": ["founder"],
                     **common}
            if fact.date:
                props["date"] = [fact.date]
            yield {"id": f"talentflow-founding-{fact.id}-{founder.id}", "schema": "UnknownLink",
                   "properties": props}
    elif fact.kind == reads.KIND_INVESTMENT and fact.to_org and fact.from_org:
        props = {"subject": [f"talentflow-org-{fact.from_org.id}"],
                 "object": [f"talentflow-org-{fact.to_org.id}"], "role": ["investor"], **common}
        if fact.date:
            props["date"] = [fact.date]
        if fact.amount is not None:
            amount = int(fact.amount) if float(fact.amount).is_integer() else fact.amount
            props["summary"] = [f"{amount} {fact.currency or ''}".strip()]
        yield {"id": f"talentflow-investment-{fact.id}", "schema": "UnknownLink",
               "properties": props}


def _write_ftm(store, out: IO[str]) -> tuple[int, int]:
    entities = 0
    stats = {"facts": 0}
    for entity in _ftm_entities(store, stats):
        out.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")
        entities += 1
    return stats["facts"], entities


def _write_graph(store, out: IO[bytes], fmt: str) -> tuple[int, int]:
    import networkx as nx

    graph, n_facts = people_org_graph(store)
    if fmt == "graphml":
        nx.write_graphml(graph, out)
    else:
        nx.write_gexf(graph, out)
    return n_facts, graph.number_of_nodes() + graph.number_of_edges()


def write_export(store, fmt: str, out: IO) -> tuple[int, int]:
    """Write the export to an open stream (text for csv/json/ftm, binary for graphs)."""
    if fmt == "json":
        return _write_json(store, out)
    if fmt == "csv":
        return _write_csv(store, out)
    if fmt == "ftm":
        return _write_ftm(store, out)
    if fmt in ("graphml", "gexf"):
        return _write_graph(store, out, fmt)
    raise UsageError(f"unknown export format {fmt!r}", item="--format",
                     hint="use " + ", ".join(EXPORT_FORMATS))


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def export_facts(store, fmt: str, path: str | os.PathLike) -> ExportSummary:
    """Export the whole store to ``path`` atomically; returns what was written."""
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format {fmt!r}", item="--format",
                         hint="use " + ", ".join(EXPORT_FORMATS))
    target = Path(path)
    if target.is_dir():
        raise UsageError(f"{target} is a directory", item=str(target),
                         hint="give a file name, e.g. talentflow.graphml")
    if not target.parent.exists():
        raise UsageError(f"folder {target.parent} does not exist", item=str(target),
                         hint="create it first or choose another path")
    binary = fmt in ("graphml", "gexf")
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                         dir=target.parent)
    try:
        if binary:
            with os.fdopen(handle, "wb") as out:
                n_facts, records = write_export(store, fmt, out)
        else:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                n_facts, records = write_export(store, fmt, out)
        # mkstemp creates the file private; an export gets the usual permissions.
        os.chmod(temp_name, 0o666 & ~_current_umask())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return ExportSummary(fmt, str(target), n_facts, records)
