"""Layer 6, external checkers whose findings are merged into a run's results: LanguageTool
(`languagetool`), and what each came to for the report (`status`). A new backend goes
here. May import `core`, `language`, `checks`, `lint` and `running`."""
