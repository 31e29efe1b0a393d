"""The read side of the knowledge store: moves, timelines, organisation profiles, flows,
sources and exports.

Every function takes an open store (``talentflow.store.open_store``) and returns plain
result objects whose ``to_dict()`` is the stable JSON shape shared by the CLI's
``--format json`` and the web API. SQL lives in ``talentflow.store.reads``.
"""
from talentflow.query.dates import DateRange, date_range, partial_date_bounds
from talentflow.query.export import EXPORT_FORMATS, ExportSummary, export_facts, people_org_graph
from talentflow.query.facts import DEFAULT_LIMIT, moves, sources
from talentflow.query.flows import flows
from talentflow.query.profiles import PERIODS, org_profile, person_timeline
from talentflow.query.quotes import QuoteResult, QuoteSource, quotes
from talentflow.query.results import (Fact, FactSources, Flow, Flows, OrgProfile, Page,
                                      PeriodCount, PersonCount, PersonTimeline, Ref, Source)

__all__ = ["DEFAULT_LIMIT", "EXPORT_FORMATS", "PERIODS", "DateRange", "ExportSummary", "Fact",
           "FactSources", "Flow", "Flows", "OrgProfile", "Page", "PeriodCount", "PersonCount",
           "PersonTimeline", "Ref", "Source", "date_range", "export_facts", "flows", "moves",
           "org_profile", "partial_date_bounds", "people_org_graph", "person_timeline",
           "QuoteResult", "QuoteSource", "quotes", "sources"]
