"""Layer 1, the text model: what every other layer shares. `document` turns a text into
lines, blocks, sentences and words with positions in code points of the source;
`markdown` (and any new input format beside it) gives a document its structure and
ignored ranges; `finding` is the shared vocabulary (Rule, Hit, Finding, Fix, Severity);
`patterns` compiles and caches regular expressions for rules. May import nothing from
mtlint outside this folder."""
