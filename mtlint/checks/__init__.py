"""Layer 3, rule families that need code: one check module per family (a new family goes
here and into MODULE_NAMES; a rule that a regular expression can express goes into a
pack in `rules/` instead). Each module's RULES lists its rules; its docstring and each
check function's docstring are the documentation `mtlint explain` shows. May import
`core` and `language`, and other check modules."""

from __future__ import annotations

from types import ModuleType

MODULE_NAMES: tuple[str, ...] = (
    "headings",
    "sentences",
    "verbs",
    "word_order",
    "terminology",
    "agreement",
    "address",
    "pronouns",
    "speech",
    "clauses",
    "compounds",
    "residue",
    "quotes",
    "numbers",
    "apostrophe",
    "dashes",
    "spelling",
    "untranslated",
    "furniture",
    "joins",
    "glued",
    "unknown_words",
)


def modules() -> list[ModuleType]:
    """The check modules, imported on demand so that `mtlint --help` stays fast."""
    import importlib

    return [importlib.import_module(f"mtlint.checks.{name}") for name in MODULE_NAMES]
