"""The one error tree of talentflow.

Every error a user can meet derives from :class:`TalentflowError`. Each carries a
stable ``code`` (like spaCy's E-codes) and an optional ``hint`` that says how to fix
it. The CLI turns them into exit codes (1 for a failed item or run, 2 for a usage
error) and the web API into one JSON shape (see :meth:`TalentflowError.to_dict`).
"""
from __future__ import annotations


class TalentflowError(Exception):
    """Root of every error talentflow raises on purpose."""

    code = "TF000"
    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None, item: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.item = item

    def __str__(self) -> str:
        text = f"[{self.code}] {self.message}"
        if self.item:
            text = f"[{self.code}] {self.item}: {self.message}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return text

    def to_dict(self) -> dict:
        """The one JSON error shape shared by the CLI's --format json and the API."""
        return {"error": {"code": self.code, "type": type(self).__name__,
                          "message": self.message, "hint": self.hint, "item": self.item}}


class UsageError(TalentflowError):
    """The user asked for something that cannot work as asked (bad option, missing path)."""

    code = "TF100"
    exit_code = 2


class ConfigError(UsageError):
    """A setting (database URL, lexicon file, environment variable) is invalid."""

    code = "TF101"


class InputError(TalentflowError):
    """One input item (file, line, URL, feed entry) could not be read as an article."""

    code = "TF200"


class EmptyInputError(InputError):
    code = "TF201"


class BinaryInputError(InputError):
    code = "TF202"


class EncodingError(InputError):
    code = "TF203"


class MalformedRecordError(InputError):
    code = "TF204"


class NoArticleTextError(InputError):
    code = "TF205"


class InputTooLargeError(InputError):
    code = "TF206"


class UnreadableInputError(InputError):
    """A file or folder that cannot be opened or listed, or is not a regular file
    (a FIFO, a device such as /dev/zero behind a symlink)."""

    code = "TF207"


class FetchError(InputError):
    """A URL or feed could not be fetched (dead host, timeout, HTTP error, wrong type)."""

    code = "TF210"


class FeedError(InputError):
    code = "TF211"


class UnsupportedLanguageError(InputError):
    code = "TF220"


class ExtractionError(TalentflowError):
    """The NLP pipeline failed on an article or could not be loaded."""

    code = "TF300"


class ModelNotInstalledError(ExtractionError):
    code = "TF301"


class LexiconError(ExtractionError):
    code = "TF302"


class StoreError(TalentflowError):
    """The database could not be reached, is locked, or holds an unexpected schema."""

    code = "TF400"


class StoreLockedError(StoreError):
    code = "TF401"


class StoreUnavailableError(StoreError):
    code = "TF402"


class SchemaVersionError(StoreError):
    code = "TF403"


class NoStoreError(StoreError):
    """A read command was pointed at a store that does not exist (a mistyped --db)."""

    code = "TF405"
    exit_code = 2


class ForeignDatabaseError(StoreError):
    """The database holds another program's tables: talentflow never writes into it."""

    code = "TF406"
    exit_code = 2


class StoreReadOnlyError(StoreError):
    """The store can be read but not written (file permissions, a read-only role)."""

    code = "TF407"


class NotFoundError(TalentflowError):
    """A person, organisation, fact or article asked for does not exist."""

    code = "TF404"


class AuthError(TalentflowError):
    code = "TF410"
