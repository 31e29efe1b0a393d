"""Find people and organisations by part of a name (any spelling stored as an alias)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from talentflow.core.errors import UsageError
from talentflow.query.facts import check_page
from talentflow.query.results import Page, Ref
from talentflow.resolve.names import org_key, person_key
from talentflow.store import reads_web

#: Default number of people and of organisations returned by a search.
DEFAULT_SEARCH_LIMIT = 20


@dataclass(frozen=True)
class SearchResults:
    query: str
    people: Page[Ref]
    orgs: Page[Ref]

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "people": self.people.to_dict(),
                "orgs": self.orgs.to_dict()}


def search(store, q: str, *, limit: int | None = DEFAULT_SEARCH_LIMIT,
           offset: int = 0) -> SearchResults:
    """People and organisations with a stored spelling containing ``q``.

    Matching uses the same folded keys as the store (case, accents and punctuation do
    not matter); exact matches come first. An empty query is a usage error.
    """
    check_page(limit, offset)
    query = (q or "").strip()
    pkey, okey = person_key(query), org_key(query)
    if not (pkey or okey):
        raise UsageError("the search text is empty", item="q",
                         hint="type part of a person's or an organisation's name")
    pages = {}
    with store.read() as conn:
        for kind, key in (("person", pkey), ("org", okey)):
            if not key:
                pages[kind] = Page((), 0, limit, offset)
                continue
            found, total = reads_web.search_owner_ids(conn, kind, key, limit=limit,
                                                      offset=offset)
            pages[kind] = Page(tuple(Ref(i, name) for i, name in found), total, limit, offset)
    return SearchResults(query, pages["person"], pages["org"])
