"""Layer 6, running checks over files: find and read the files (`runner`), check them in
worker processes (`parallel`), keep results in the result cache that wraps the linter
(`cache`), apply safe fixes (`fix`). May import every layer below: `core`, `language`,
`checks`, `lint`, `backends`."""
