"""Layer 2, German analysis: the tagger and lemmas (`german`), the noun lexicon and
HanTa's model loaded fast (`german_data`), closed word classes (`wordclasses`), the
speller's word data (`speller`), English words (`english`). Rules ask here what a word
is. May import `mtlint.core` only."""
