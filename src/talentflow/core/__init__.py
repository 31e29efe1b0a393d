"""Value objects and errors shared by every layer. Imports nothing else from talentflow."""
from talentflow.core.errors import *  # noqa: F401,F403
from talentflow.core.errors import TalentflowError
from talentflow.core.models import (Article, Evidence, Extraction, Founding, Investment,
                                    Mention, Move, Quote, content_hash)

__all__ = ["Article", "Evidence", "Extraction", "Founding", "Investment", "Mention", "Move",
           "Quote", "TalentflowError", "content_hash"]
