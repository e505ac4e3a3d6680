"""Layer 4, linting: the configuration (`config`), the declarative rule packs (`packs`,
the TOML files in `rules/`), the one registry of rules (`registry`, which gathers the packs
and the check modules of `mtlint.checks`), the `engine` whose Linter turns a Document into
findings, and each rule's documentation (`explain`). May import `core`, `language` and
`checks`."""
