"""Layer 8 (the top), the ways in: the command line (`cli`), the language server (`lsp`), the git
pre-commit hook (`hook`). They parse what the user asked, call `running` and print
through `output`; no linting logic lives here. May import every layer below."""
