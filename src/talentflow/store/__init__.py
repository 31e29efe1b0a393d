"""The knowledge store: the only module that writes SQL (SQLite by default, PostgreSQL by URL)."""
