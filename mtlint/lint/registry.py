"""The one registry of rules: the built-in packs, the Python checks, the user's packs."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from mtlint import checks
from mtlint.core import patterns
from mtlint.core.finding import Rule
from mtlint.lint.packs import PackError, load_pack, pack_files


def builtin_rules_dir() -> Path:
    """The folder of the built-in packs: `mtlint/rules` in a wheel, `rules/` in a checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "rules"
    return installed if installed.is_dir() else package.parent / "rules"


@lru_cache(maxsize=8)
def load_rules(extra_dirs: tuple[Path, ...] = ()) -> dict[str, Rule]:
    """All rules by id. Raises PackError for a broken pack or a duplicate id."""
    rules: dict[str, Rule] = {}

    def add(rule: Rule) -> None:
        if rule.id in rules:
            raise PackError(f"{rule.origin}: rule id {rule.id!r} is already defined in "
                            f"{rules[rule.id].origin}")
        rules[rule.id] = rule

    for path in pack_files(builtin_rules_dir()):
        for rule in load_pack(path):
            add(rule)
    for module in checks.modules():
        for rule in module.RULES:
            add(rule)
    for folder in extra_dirs:
        if not folder.is_dir():
            raise PackError(f"{folder}: rule pack folder not found")
        for path in pack_files(folder):
            for rule in load_pack(path):
                add(rule)
    patterns.save()
    return rules


def rules_for(extra_dirs: Sequence[Path]) -> dict[str, Rule]:
    """All rules with the packs of `extra_dirs`; a folder named twice (--rules and
    extend-rules, or two spellings of one path) is read once."""
    folders: dict[Path, Path] = {}
    for folder in extra_dirs:
        folders.setdefault(Path(folder).resolve(), Path(folder))
    return load_rules(tuple(folders.values()))
