"""Organisation -> organisation flows: how many people moved between each pair."""
from __future__ import annotations

from talentflow.core.errors import UsageError
from talentflow.query.dates import date_range
from talentflow.query.facts import check_page
from talentflow.query.lookup import org_filter_ids
from talentflow.query.results import Flow, Flows, Page, Ref
from talentflow.store import reads

#: Default number of pairs returned: more than a Sankey diagram can show legibly.
DEFAULT_FLOW_LIMIT = 500


def flows(store, *, since: str | None = None, until: str | None = None, min_count: int = 1,
          org: str | int | None = None, include_unknown: bool = False,
          limit: int | None = DEFAULT_FLOW_LIMIT, offset: int = 0) -> Flows:
    """Counts of moves per (from, to) pair of organisations, largest first.

    Only moves naming both organisations count (a move from X to X is not a flow);
    ``include_unknown`` adds departures with no named destination as ``to`` None and
    arrivals with no named origin as ``from`` None (a move with neither is no flow).
    ``org`` (a name or an id) keeps the pairs where it is either side; ``min_count`` drops smaller pairs.
    ``limit`` keeps the largest pairs (``total`` still counts them all; None = every
    pair). Aggregated in SQL over the (kind, date_start, from, to) index, so a year of a
    million moves stays fast.
    """
    if min_count < 1:
        raise UsageError(f"--min must be 1 or more, not {min_count}", item="--min")
    check_page(limit, offset)
    span = date_range(since, until)
    with store.read() as conn:
        org_ids = org_filter_ids(conn, org, option="--org")
        query = {"start": span.start, "end": span.end, "org_ids": org_ids,
                 "min_count": min_count, "include_unknown": include_unknown}
        rows, total = reads.flow_counts(conn, limit=limit, offset=offset, **query)
        org_ref = None
        if org_ids is not None and len(org_ids) == 1:
            org_ref = Ref(org_ids[0], reads.org_names(conn, org_ids)[org_ids[0]])
    items = tuple(Flow(Ref(r["from_org_id"], r["from_name"])
                       if r["from_org_id"] is not None else None,
                       Ref(r["to_org_id"], r["to_name"]) if r["to_org_id"] is not None else None,
                       int(r["n"])) for r in rows)
    return Flows(Page(items, total, limit, offset), since=since, until=until,
                 min_count=min_count, org=org_ref, include_unknown=include_unknown)
