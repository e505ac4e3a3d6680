"""Closed German word classes: articles, prepositions, conjunctions, pronouns,
connecting adverbs, auxiliaries and modals, all in lowercase.

The checks use these lists before they ask the tagger: they are exact where HanTa
guesses, and a set lookup costs nothing.  Keep every entry lowercase; look words
up with ``word.lower()``.
"""

from __future__ import annotations

from mtlint.language import german


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text` as a set."""
    return frozenset(text.split())


ARTICLES = word_set("der die das den dem des ein eine einen einem einer eines")

# Prepositions fused with an article: the next noun phrase is definite ("im Jahr").
PREPOSITION_ARTICLES = word_set(
    "am ans aufs beim durchs fürs hinterm hinters im ins übers ums unterm unters vom vorm"
    " vors zum zur"
)

PREPOSITIONS = word_set(
    """
    ab abseits abzüglich an angesichts anhand anlässlich anstatt anstelle auf aufgrund aus
    ausschließlich außer außerhalb bei beiderseits bezüglich binnen bis dank diesseits durch
    einschließlich entgegen entlang entsprechend fern für gegen gegenüber gemäß hinsichtlich
    hinter in infolge inklusive inmitten innerhalb jenseits kraft laut mangels mit mithilfe
    mittels nach nahe neben nebst ob oberhalb ohne per samt seit seitens statt trotz über um
    ungeachtet unter unterhalb unweit via von vor während wegen wider zu zufolge zugunsten zuliebe
    zuzüglich zwecks zwischen
    """
)

COORDINATING_CONJUNCTIONS = word_set("und oder aber denn sondern sowie doch beziehungsweise bzw")

SUBORDINATING_CONJUNCTIONS = word_set(
    """
    als bevor bis da damit dass daß ehe falls indem insofern insoweit nachdem ob obgleich
    obschon obwohl obzwar seit seitdem sobald sodass sofern solange soweit sowie während
    weil wenn wenngleich wie wiewohl wo wogegen wohingegen zumal
    """
)

PERSONAL_PRONOUNS = word_set(
    "ich du er sie es wir ihr mich dich ihn uns euch mir dir ihm ihnen man sich"
)
# The personal pronouns that can be a clause's subject (nominative forms).
SUBJECT_PRONOUNS = word_set("ich du er sie es wir ihr man")

# Possessive, demonstrative, relative, interrogative and indefinite determiners and
# pronouns, with their inflected forms.
DETERMINERS = word_set(
    """
    mein meine meinen meinem meiner meines dein deine deinen deinem deiner deines
    sein seine seinen seinem seiner seines ihre ihren ihrem ihrer ihres
    unser unsere unseren unserem unserer unseres euer eure euren eurem eurer eures
    dieser diese dieses diesem diesen jener jene jenes jenem jenen
    welcher welche welches welchem welchen jeder jede jedes jedem jeden
    kein keine keinen keinem keiner keines mancher manche manches manchem manchen
    alle aller allen allem alles beide beiden beider beides einige einiger einigen
    mehrere mehreren mehrerer solche solcher solches solchem solchen derselbe dieselbe
    dasselbe denselben demselben desselben derjenige diejenige dasjenige diejenigen
    wer wen wem wessen was etwas nichts jemand niemand jemandem niemandem
    """
)

# Adverbs that open a sentence and link it to the one before.  Capitalised in the
# middle of a sentence they mark a lost full stop ("... Rentabilität Gleichzeitig
# erhöht ...").
CONNECTING_ADVERBS = word_set(
    """
    allerdings also anschließend außerdem andererseits auch bereits da dabei dadurch dafür
    dagegen daher damals danach daneben dann darauf daraufhin darüber darum dazu
    demnach dennoch deshalb deswegen ebenfalls ebenso einerseits endlich ferner folglich
    gleichzeitig gleichwohl hingegen immerhin indes indessen inzwischen jedoch jetzt
    insbesondere kürzlich letztlich mittlerweile nun schließlich seither somit sonst später
    stattdessen trotzdem überdies unterdessen vielmehr vorher währenddessen weiterhin
    zudem zugleich zuletzt zunächst zusätzlich zuvor zwar
    """
)

HABEN = word_set("habe hast hat haben habt hatte hattest hatten hattet hätte hättest hätten hättet")
SEIN = word_set(
    "bin bist ist sind seid war warst waren wart wäre wärst wären wärt sei seist seien"
)
WERDEN = word_set(
    "werde wirst wird werden werdet wurde wurdest wurden wurdet würde würdest würden würdet"
)
MODALS = word_set(
    """
    kann kannst können könnt konnte konntest konnten konntet könnte könntest könnten
    muss musst müssen müsst musste musstest mussten müsste müssten muß mußt mußte
    soll sollst sollen sollt sollte solltest sollten will willst wollen wollt wollte
    wollten darf darfst dürfen dürft durfte durften dürfte dürften mag magst mögen
    mochte mochten möchte möchtest möchten
    """
)
AUXILIARIES = HABEN | SEIN | WERDEN
FINITE_AUX_OR_MODAL = AUXILIARIES | MODALS

# Finite forms of frequent full verbs, so that most sentences show their verb
# without asking the tagger.
FREQUENT_FINITE_VERBS = word_set(
    """
    gibt gab gäbe geht ging gehen steht stand stehen liegt lag liegen kommt kam kommen
    bleibt blieb bleiben macht machte machen heißt hieß sagt sagte sagen zeigt zeigte
    zeigen bietet bot bieten findet fand finden nimmt nahm nehmen sieht sah sehen lässt
    ließ lassen läuft lief laufen hält hielt halten bringt brachte bringen führt führte
    führen gilt galt gelten scheint schien scheinen weiß wusste wissen braucht brauchte
    brauchen spielt spielte spielen denkt dachte denken glaubt glaubte glauben
    """
)

FUNCTION_WORDS = (
    ARTICLES | PREPOSITION_ARTICLES | PREPOSITIONS | COORDINATING_CONJUNCTIONS
    | SUBORDINATING_CONJUNCTIONS | PERSONAL_PRONOUNS | DETERMINERS
)


def tags_of(word: str) -> frozenset[str]:
    """The STTS tags a word form can have, without context: HanTa's full-form table
    (a lookup), else the tag of its analysis (about 0.6 ms per new word)."""
    tags = german.word_tags(word)
    return tags if tags is not None else frozenset({german.analyze_word(word).tag})


def is_finite_verb(word: str) -> bool:
    """Whether a word form can be a finite verb in some sentence (indicative or
    subjunctive of a full verb, auxiliary or modal; imperatives not)."""
    return bool(tags_of(word) & german.FINITE_VERB_TAGS)


def is_prose_word(word: str) -> bool:
    """Whether a lowercase word is one German prose writes this way: a function word,
    or a form the noun lexicon or HanTa's full-form table knows as German (not only as
    foreign material or a name).  Unknown words (commands, brands) are not."""
    if word in FUNCTION_WORDS or word in CONNECTING_ADVERBS or word in FINITE_AUX_OR_MODAL:
        return True
    if len(word) < 3:
        return False
    tags = german.word_tags(word)
    if tags is not None:
        return not tags <= {"FM", "NE", "XY"}
    return german.is_known_noun(word)
