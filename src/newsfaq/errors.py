"""The newsfaq error hierarchy: every error a user can cause carries a one-line message."""

from __future__ import annotations

__all__ = [
    "AnalysisError",
    "BinaryInputError",
    "BlockedAddressError",
    "DecodeError",
    "EmptyInputError",
    "FetchError",
    "InputError",
    "InputTooLargeError",
    "MissingExtraError",
    "NewsfaqError",
    "NoArticleTextError",
    "NotEnglishError",
    "SourceNotFoundError",
]


class NewsfaqError(Exception):
    """Base of every error newsfaq raises on purpose; ``str(err)`` is a one-line message."""

    kind: str = "error"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.message = message
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class InputError(NewsfaqError):
    """The input cannot be read as an article."""

    kind = "bad_input"


class SourceNotFoundError(InputError):
    """A file that does not exist."""

    kind = "not_found"


class EmptyInputError(InputError):
    """Empty or whitespace-only text."""

    kind = "empty"


class BinaryInputError(InputError):
    """Binary data (an image, an archive, ...) given as an article."""

    kind = "binary"


class DecodeError(InputError):
    """Bytes that no detected charset decodes."""

    kind = "undecodable"


class NoArticleTextError(InputError):
    """HTML from which no article text could be extracted."""

    kind = "no_text"


class NotEnglishError(InputError):
    """Text in a language other than English."""

    kind = "not_english"

    def __init__(self, message: str, *, language: str, source: str | None = None) -> None:
        self.language = language
        super().__init__(message, source=source)


class InputTooLargeError(InputError):
    """Input over the configured size limit."""

    kind = "too_large"


class FetchError(InputError):
    """A URL that could not be fetched (network error, HTTP error, timeout, size cap)."""

    kind = "fetch"

    def __init__(
        self, message: str, *, source: str | None = None, status: int | None = None
    ) -> None:
        self.status = status
        super().__init__(message, source=source)


class BlockedAddressError(FetchError):
    """A URL resolving to a private, loopback or link-local address without explicit permission."""

    kind = "blocked_address"


class AnalysisError(NewsfaqError):
    """The language pipeline could not be loaded or failed on a text."""

    kind = "analysis"


class MissingExtraError(NewsfaqError):
    """An optional feature whose dependencies are not installed."""

    kind = "missing_extra"

    def __init__(self, feature: str, extra: str) -> None:
        super().__init__(f"{feature} needs extra packages: pip install 'newsfaq[{extra}]'")
