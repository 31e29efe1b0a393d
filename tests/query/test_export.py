"""Exports: facts with sources (CSV/JSON), the graph (GraphML/GEXF) and FtM entities."""
from __future__ import annotations

import csv
import json
import os

import networkx as nx
import pytest

from talentflow.core.errors import UsageError
from talentflow.query import EXPORT_FORMATS, export_facts, moves
from talentflow.query import export as export_module
from talentflow.query.export import CSV_COLUMNS
from query.world import world_articles

N_FACTS = 10  # 7 moves, 2 foundings, 1 investment
MOVE_EDGES = 12  # one edge per named side of the 7 moves
FTM_PROPERTIES = {  # the FollowTheMoney properties each schema may carry here
    "Person": {"name", "alias"},
    "Organization": {"name", "alias", "incorporationDate"},
    "Employment": {"employee", "employer", "role", "startDate", "endDate", "sourceUrl",
                   "recordId"},
    "UnknownLink": {"subject", "object", "role", "date", "summary", "sourceUrl", "recordId"},
}


def test_json_export_lists_every_fact_with_its_sources(world, tmp_path):
    summary = export_facts(world, "json", tmp_path / "facts.json")
    assert (summary.facts, summary.records) == (N_FACTS, N_FACTS)
    data = json.loads((tmp_path / "facts.json").read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("talentflow-facts", 1)
    kinds = sorted(f["kind"] for f in data["facts"])
    assert kinds == ["founding"] * 2 + ["investment"] + ["move"] * 7
    texts = {a.id: a.text for a, _ in world_articles()}
    for fact in data["facts"]:
        assert fact["sources"], fact
        assert len(fact["sources"]) == fact["n_sources"]
        for source in fact["sources"]:
            evidence = source["evidence"]
            assert texts[source["article"]["ext_id"]][evidence["start"]:evidence["end"]] \
                == evidence["text"]
    martin = next(f for f in data["facts"] if f.get("person") == moves(
        world, person="Lea Martin").items[0].person.name)
    assert [s["article"]["url"] for s in martin["sources"]] == [
        "https://news.example.test/fr/nimbus-daf", "https://news.example.test/en/nimbus-cfo"]


def test_csv_export_has_one_row_per_fact_and_source(world, tmp_path):
    summary = export_facts(world, "csv", tmp_path / "facts.csv")
    with (tmp_path / "facts.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert summary.records == len(rows) == 11
    assert len({r["fact_id"] for r in rows}) == N_FACTS
    investment = next(r for r in rows if r["kind"] == "investment")
    assert (investment["from_org"], investment["to_org"], investment["amount"],
            investment["currency"]) == ("Helios Ventures", "Nimbus Robotics", "20000000", "EUR")
    founding = next(r for r in rows if r["kind"] == "founding" and r["to_org"] ==
                    "Quartz Analytics")
    assert founding["founders"] in {"Ines Garcia", "Inès Garcia"}


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_exports_read_back_with_typed_nodes_and_edges(world, tmp_path, fmt, read):
    target = tmp_path / f"graph.{fmt}"
    export_facts(world, fmt, target)
    graph = read(target)
    types = nx.get_node_attributes(graph, "type")
    labels = nx.get_node_attributes(graph, "label")
    people = {labels[n] for n, t in types.items() if t == "person"}
    orgs = {labels[n] for n, t in types.items() if t == "organisation"}
    assert orgs == {"Orbital Labs", "Nimbus Robotics", "Quartz Analytics", "Nova Deep Systems",
                    "Helios Ventures"}
    assert {"Tomas Berger", "Hugo Perrin", "Paul Verdier"} <= people and len(people) == 8
    edges = list(graph.edges(data=True))
    relations = sorted(data["relation"] for _, _, data in edges)
    assert relations.count("moved_from") + relations.count("moved_to") == MOVE_EDGES
    assert relations.count("founded") == 2 and relations.count("invested") == 1
    berger = {(data["relation"], labels[target_], data["date"], int(data["fact_id"]))
              for source, target_, data in edges if labels[source] == "Tomas Berger"}
    fact_id = moves(world, person="Tomas Berger").items[0].id
    assert berger == {("moved_from", "Nimbus Robotics", "2023-03", fact_id),
                      ("moved_to", "Quartz Analytics", "2023-03", fact_id)}
    invested = [(labels[s], labels[t]) for s, t, d in edges if d["relation"] == "invested"]
    assert invested == [("Helios Ventures", "Nimbus Robotics")]


def test_ftm_export_follows_the_followthemoney_schemas(world, tmp_path):
    summary = export_facts(world, "ftm", tmp_path / "entities.ftm.json")
    entities = [json.loads(line) for line in
                (tmp_path / "entities.ftm.json").read_text(encoding="utf-8").splitlines()]
    assert summary.records == len(entities) and summary.facts == N_FACTS
    ids = [e["id"] for e in entities]
    assert len(ids) == len(set(ids)), "each entity is emitted once"
    by_id = {e["id"]: e for e in entities}
    for entity in entities:
        assert set(entity) == {"id", "schema", "properties"}
        allowed = FTM_PROPERTIES[entity["schema"]]
        assert set(entity["properties"]) <= allowed, entity
        for values in entity["properties"].values():
            assert isinstance(values, list) and all(isinstance(v, str) for v in values)
    employments = [e for e in entities if e["schema"] == "Employment"]
    assert len(employments) == MOVE_EDGES
    for employment in employments:
        props = employment["properties"]
        assert by_id[props["employee"][0]]["schema"] == "Person"
        assert by_id[props["employer"][0]]["schema"] == "Organization"
    joined = [e["properties"] for e in employments
              if by_id[e["properties"]["employee"][0]]["properties"]["name"] == ["Sofia Lindqvist"]]
    start = next(p for p in joined if "startDate" in p)
    end = next(p for p in joined if "endDate" in p)
    assert by_id[start["employer"][0]]["properties"]["name"] == ["Nova Deep Systems"]
    assert start["startDate"] == ["2024-01"] and start["role"] == ["chief scientist"]
    assert start["sourceUrl"] == ["https://news.example.test/en/nova"]
    assert by_id[end["employer"][0]]["properties"]["name"] == ["Quartz Analytics"]
    assert end["endDate"] == ["2024-01"]
    nimbus = next(e for e in entities if e["schema"] == "Organization"
                  and e["properties"]["name"] == ["Nimbus Robotics"])
    assert nimbus["properties"]["incorporationDate"] == ["2019"]
    links = [e["properties"] for e in entities if e["schema"] == "UnknownLink"]
    assert sorted(p["role"][0] for p in links) == ["founder", "founder", "investor"]


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_empty_store_exports_valid_empty_files(empty_store, tmp_path, fmt):
    target = tmp_path / f"empty.{fmt}"
    summary = export_facts(empty_store, fmt, target)
    assert summary.facts == 0
    if fmt == "json":
        assert json.loads(target.read_text())["facts"] == []
    elif fmt == "csv":
        assert target.read_text().splitlines() == [",".join(CSV_COLUMNS)]
    elif fmt == "ftm":
        assert target.read_text() == ""
    else:
        graph = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(target)
        assert graph.number_of_nodes() == 0


def test_export_replaces_atomically_and_leaves_nothing_on_failure(world, tmp_path,
                                                                 monkeypatch):
    target = tmp_path / "facts.json"
    target.write_text("previous export")

    def broken(store, fmt, out):
        out.write("half a file")
        raise RuntimeError("disk full")

    monkeypatch.setattr(export_module, "write_export", broken)
    with pytest.raises(RuntimeError):
        export_facts(world, "json", target)
    assert target.read_text() == "previous export"
    assert os.listdir(tmp_path) == ["facts.json"]
    monkeypatch.undo()
    export_facts(world, "json", target)
    assert json.loads(target.read_text())["facts"]
    assert os.listdir(tmp_path) == ["facts.json"]
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask  # not mkstemp's private 0600


def test_export_refuses_bad_formats_and_paths(world, tmp_path):
    with pytest.raises(UsageError):
        export_facts(world, "pdf", tmp_path / "x.pdf")
    with pytest.raises(UsageError):
        export_facts(world, "json", tmp_path)
    with pytest.raises(UsageError):
        export_facts(world, "json", tmp_path / "missing" / "x.json")
