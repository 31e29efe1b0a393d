"""Fixtures of the read-side tests (defined in world.py, shared with tests/cli)."""
from query.world import (empty_store, world,  # noqa: F401
                         world_url)
