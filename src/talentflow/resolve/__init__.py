"""Resolution of names to canonical people and organisations, and merging reports into facts.

Pure Python (no SQL): the store calls these functions and persists their decisions.
"""
