"""talentflow: a sourced knowledge graph of talent moves from news articles."""
__version__ = "0.1.0"
