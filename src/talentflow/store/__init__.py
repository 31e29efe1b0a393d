"""The knowledge store: the only module that writes SQL (SQLite by default, PostgreSQL by URL).

``open_store(path_or_url)`` returns a :class:`Store`; its tables are described in
:mod:`talentflow.store.schema`.
"""
from talentflow.store.aliases import AliasInfo
from talentflow.store.engine import (default_db_path, display_url, missing_sqlite_file,
                                     resolve_db_url)
from talentflow.store.store import AddResult, Store, StoreInfo, open_store

__all__ = ["AddResult", "AliasInfo", "Store", "StoreInfo", "default_db_path", "display_url",
           "missing_sqlite_file", "open_store", "resolve_db_url"]
