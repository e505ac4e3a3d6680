"""Layer 5, running checks over files: find and read the files and check each (`runner`),
what checking one file gives (`result`), check them in worker processes (`parallel`),
keep results in the result cache that wraps the linter (`cache`), apply safe fixes
(`fix`). May import `core`, `language`, `checks` and `lint`."""
