"""Another program's SQLite database, for the tests that talentflow never writes into one."""
from __future__ import annotations

import sqlite3
from pathlib import Path


def another_programs_database(path: Path, table_sql: str) -> bytes:
    """Create a SQLite file holding one table of someone else's, and return its bytes, to
    compare with after talentflow was pointed at it."""
    other = sqlite3.connect(path)
    other.execute(table_sql)
    other.commit()
    other.close()
    return path.read_bytes()
