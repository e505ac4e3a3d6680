"""Layer 5, external checkers merged into mtlint's findings: LanguageTool (`languagetool`).
A new backend goes here. May import `core`, `language`, `checks` and `lint`."""
