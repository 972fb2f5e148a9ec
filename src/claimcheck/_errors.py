"""The exceptions claimcheck raises: every one is a :class:`ClaimcheckError`."""

from __future__ import annotations

__all__ = ["ClaimcheckError", "DecodeError", "FormatError", "InputError", "LexiconError", "OptionError"]


class ClaimcheckError(Exception):
    """Base class of every error claimcheck raises on purpose."""


class InputError(ClaimcheckError, ValueError):
    """An input could not be read: missing, unreadable, empty or too large.

    ``path`` names the input (``"-"`` for standard input) and ``reason`` says why in a few words.
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class DecodeError(InputError):
    """An input is binary, or its bytes are no text in any encoding claimcheck tries."""


class FormatError(InputError):
    """An input is text but not in the format it claims (malformed JSON Lines, bad manifest)."""


class LexiconError(ClaimcheckError, ValueError):
    """A lexicon file has a line claimcheck cannot read. ``source`` and ``line`` locate it."""

    def __init__(self, source: str, line: int, reason: str) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        super().__init__(f"{source}:{line}: {reason}")


class OptionError(ClaimcheckError, ValueError):
    """An option is outside what it can mean (a tolerance of -1 or nan). ``name`` names it."""

    def __init__(self, name: str, reason: str) -> None:
        self.name = name
        self.reason = reason
        super().__init__(f"{name}: {reason}")
