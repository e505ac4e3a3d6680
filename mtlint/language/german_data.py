"""Loading the data behind ``mtlint.language.german`` fast: HanTa's model and the noun lexicon.

A linter starts for every commit and every CI job, so this module keeps the load cost of
German analysis small (measured on the 2-core dev machine, Python 3.11.7, HanTa 1.2.1):

* **HanTa's model** ``morphmodel_ger.pgz`` is one gzipped pickle (4 MB) that needs numpy
  to unpickle; HanTa itself imports numpy for a single function, ``logaddexp``.  Loading
  it the HanTa way takes 0.15-0.25 s, 0.07-0.12 of them importing numpy.  The first run
  splits the model into three ``marshal`` files in the user cache (numpy scalars turned
  into floats), keyed by a digest of the model file and the Python version:

  - ``forms``: HanTa's full-form table (23,000 frequent forms with tag probabilities),
    all that ``word_tags`` needs;
  - ``core``: the morphology, needed to analyse a word;
  - ``sentences``: the tag-transition table only sentence tagging uses.

  The big tables keep each value marshalled until it is first read (``LazyTable``):
  an article reads a few hundred of them.  Loading takes forms 10-14 ms, core 10 ms,
  sentences 5 ms (all three unmarshalled at once: 45-60 ms).

  Each part loads on first use, HanTa's module is imported with a pure-Python
  ``logaddexp`` (same formula and libm calls as numpy's, so the same results), and
  numpy is not imported at all.  A part is read only if it is this user's and its keyed
  digest matches (``mtlint.core.cachedir.read_sealed``: another user's file, a FIFO or device in
  its place, or a damaged one is never unmarshalled); a damaged, foreign or missing part
  is rebuilt from the model.
* **The noun lexicon** ``data/nouns.tsv`` (4.9 MB, 263,000 sorted lines) is read as
  bytes (1-3 ms) and searched through a sparse index of its lines (``SortedTable``);
  decoding and splitting it into lines would cost 50-60 ms on every start, for the few
  hundred lookups a document needs.

The cache folder is mtlint's (``mtlint.core.cachedir.default_cache_dir``); a cache that cannot
be written only costs speed, never a failed check.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import gc
import gzip
import hashlib
import importlib.util
import marshal
import math
import pickle
import sys
import threading
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

MODEL_NAME = "morphmodel_ger.pgz"
LEXICON_PATH = Path(__file__).parent.parent / "data" / "nouns.tsv"
# Bump when the layout of the parts changes.
PARTS_FORMAT = 3  # 3: sealed with a keyed digest
MAX_PART_BYTES = 64 * 1024 * 1024  # the parts are 1-3 MB; a larger file is not read

# The model is a 16-tuple; these positions become separate parts.
_MORPHEMES_INDEX = 7  # LP_m_t: per tag, its morphemes' probabilities
_SENTENCES_INDEX = 9  # LP_trans_word
_FORMS_INDEX = 15  # cache: the full-form table
_MODEL_LENGTH = 16

_lock = threading.RLock()  # re-entered: loading a part may rebuild all parts
_parts: dict[str, Any] = {}
_tagger: Any = None


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    # Unmarshalling creates ~200,000 containers and none of them is garbage: the cyclic
    # collector would only walk them again and again (it halves the load time).  They
    # live as long as the process, so they are then moved out of its sight for good
    # (gc.freeze): every full collection of a long check walked them again (a fifth of
    # the time of a 1 MB line).
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


# ---------------------------------------------------------------------------
# HanTa's model
# ---------------------------------------------------------------------------


def model_path() -> Path | None:
    """HanTa's German model inside the installed HanTa package, or None without HanTa."""
    spec = importlib.util.find_spec("HanTa")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / MODEL_NAME


@functools.cache
def model_identity() -> str | None:
    """A short digest of HanTa's model file (~1 ms): every install of the same HanTa
    shares one set of parts, and another model never reads them."""
    model = model_path()
    try:
        data = model.read_bytes() if model else None
    except OSError:
        return None
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()[:16] if data else None


def _parts_folder() -> Path | None:
    identity = model_identity()
    if identity is None:
        return None
    from mtlint.core.cachedir import default_cache_dir

    python = f"{sys.version_info.major}{sys.version_info.minor}"
    return default_cache_dir() / f"hanta-v{PARTS_FORMAT}-{identity}-py{python}"


def model_part(name: str) -> Any:
    """One part of HanTa's model ("forms", "core" or "sentences"), loaded once per process."""
    part = _parts.get(name)
    if part is None:
        with _lock:
            part = _parts.get(name)
            if part is None:
                part = _read_part(name)
                if part is None:
                    _build_parts()
                    part = _parts[name]
                _parts[name] = part
    return part


class LazyTable(dict):
    """A read-only table whose values stay marshalled until first read.

    HanTa looks up a few hundred of the 23,000 forms, 3,191 transition states and 150
    morpheme tables for an article; unmarshalling only those halves the load time.
    A dict whose missing keys are unmarshalled (``__missing__``): once read, a value is
    a plain dict look-up in C, and HanTa reads its morpheme tables some 70,000 times
    for an article's unknown words.
    """

    __slots__ = ("_stored",)

    def __init__(self, stored: dict[Any, bytes]):
        super().__init__()
        self._stored = stored

    def __missing__(self, key: Any) -> Any:
        value = self[key] = marshal.loads(self._stored[key])  # KeyError if not stored
        return value

    def get(self, key: Any, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key: object) -> bool:
        return key in self._stored

    def __iter__(self) -> Iterator[Any]:
        return iter(self._stored)

    def __len__(self) -> int:
        return len(self._stored)

    def keys(self) -> Any:
        return self._stored.keys()

    def values(self) -> Any:
        return [self[key] for key in self._stored]

    def items(self) -> Any:
        return [(key, self[key]) for key in self._stored]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyTable):
            other = dict(other.items())
        return dict(self.items()) == other

    __hash__ = None  # type: ignore[assignment]


def marshalled_values(table: dict[Any, Any]) -> dict[Any, bytes]:
    return {key: marshal.dumps(value) for key, value in table.items()}


def _valid(name: str, part: Any) -> bool:
    if name == "core":
        return (isinstance(part, tuple) and len(part) == _MODEL_LENGTH
                and isinstance(part[_MORPHEMES_INDEX], dict))
    if name == "forms":
        return isinstance(part, tuple) and len(part) == 2 and isinstance(part[1], dict)
    return isinstance(part, dict)


def _opened(name: str, part: Any) -> Any:
    """A part as stored (tables of marshalled values) made usable: LazyTable views."""
    if name == "core":
        core = list(part)
        core[_MORPHEMES_INDEX] = LazyTable(part[_MORPHEMES_INDEX])
        return tuple(core)
    if name == "forms":
        return part[0], LazyTable(part[1])
    return LazyTable(part)


def read_marshalled(path: Path, max_bytes: int, root: Path) -> Any:
    """The value marshalled in a sealed file below the cache folder `root`, or None if the
    file is absent, damaged or not this user's (the caller rebuilds it)."""
    from mtlint.core.cachedir import read_sealed

    data = read_sealed(path, max_bytes, root)
    if data is None:
        return None
    try:
        with no_gc():
            return marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None


def _read_part(name: str) -> Any:
    folder = _parts_folder()
    if folder is None:
        return None
    part = read_marshalled(folder / f"{name}.marshal", MAX_PART_BYTES, folder.parent)
    return _opened(name, part) if part is not None and _valid(name, part) else None


def _build_parts() -> None:
    """Read HanTa's model the slow way (with numpy) and write its parts to the cache."""
    model = model_path()
    if model is None:
        raise ModuleNotFoundError("HanTa is not installed (pip install HanTa==1.2.1)")
    with gzip.open(model, "rb") as stream, no_gc():
        data = without_numpy_scalars(pickle.load(stream))
    int2tag = data[1]
    core = [None if i in (_SENTENCES_INDEX, _FORMS_INDEX) else value
            for i, value in enumerate(data)]
    core[_MORPHEMES_INDEX] = marshalled_values(data[_MORPHEMES_INDEX])
    built = {"core": tuple(core), "forms": (int2tag, marshalled_values(data[_FORMS_INDEX])),
             "sentences": marshalled_values(data[_SENTENCES_INDEX])}
    _parts.update({name: _opened(name, part) for name, part in built.items()})
    folder = _parts_folder()
    if folder is not None:
        from mtlint.core.cachedir import write_sealed

        for name, part in built.items():
            write_sealed(folder / f"{name}.marshal", marshal.dumps(part), folder.parent)


def without_numpy_scalars(value: Any) -> Any:
    """The model with numpy scalars as Python floats, so that marshal can store it."""
    if isinstance(value, dict):
        return {without_numpy_scalars(k): without_numpy_scalars(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_numpy_scalars(v) for v in value]
    if isinstance(value, tuple):
        return tuple(without_numpy_scalars(v) for v in value)
    if isinstance(value, set | frozenset):
        return type(value)(without_numpy_scalars(v) for v in value)
    if type(value).__module__.startswith("numpy"):
        return value.item()
    return value


def logaddexp(x: float, y: float) -> float:
    """numpy.logaddexp for two floats: log(exp(x) + exp(y)), the same formula numpy uses."""
    if x == y:
        return x + math.log(2.0)  # also -inf + -inf
    difference = x - y
    if difference > 0:
        return x + math.log1p(math.exp(-difference))
    if difference <= 0:
        return y + math.log1p(math.exp(difference))
    return difference  # nan


def hanta_module() -> types.ModuleType:
    """HanTa's tagger module, imported without numpy where numpy is not loaded yet."""
    if "numpy" in sys.modules or "HanTa.HanoverTagger" in sys.modules:
        from HanTa import HanoverTagger
        return HanoverTagger
    # HanTa's only use of numpy is `from numpy import logaddexp`; a stand-in module for
    # the duration of the import saves importing numpy (0.07-0.12 s).
    stand_in = types.ModuleType("numpy")
    stand_in.logaddexp = logaddexp  # type: ignore[attr-defined]
    sys.modules["numpy"] = stand_in
    try:
        from HanTa import HanoverTagger
    finally:
        if sys.modules.get("numpy") is stand_in:
            del sys.modules["numpy"]
    return HanoverTagger


def hanta_tagger() -> Any:
    """The process-wide HanTa German tagger, built from the model parts on first use."""
    global _tagger
    if _tagger is None:
        with _lock:
            if _tagger is None:
                _tagger = _make_tagger()
    return _tagger


def _make_tagger() -> Any:
    hanta = hanta_module()

    class Tagger(hanta.HanoverTagger):  # type: ignore[misc,name-defined]
        """HanTa's tagger whose sentence table loads when sentence tagging first needs it."""

        def __getattr__(self, name: str) -> Any:
            if name == "LP_trans_word":
                self.LP_trans_word = model_part("sentences")
                return self.LP_trans_word
            raise AttributeError(name)

        # HanTa's own `reachable` is quadratic (30-40 ms of every start).
        reachable = reachable_linear
        analyze_forward = analyze_forward_fast
        analyze_viterbi = analyze_viterbi_fast
        logaddexp = staticmethod(hanta.logaddexp)

    model = list(model_part("core"))
    model[_FORMS_INDEX] = model_part("forms")[1]
    # __init__ keeps dicts it is given and adds entries to tag2int/int2tag: give it copies.
    model[0], model[1] = dict(model[0]), dict(model[1])
    tagger = Tagger(None, model=model)
    del tagger.LP_trans_word
    tagger.strict = False  # as when HanTa loads the model from a file itself
    return tagger


def reachable_linear(tagger: Any) -> None:
    """HanoverTagger.reachable, linear: for every final state the set of states from
    which it can be reached (all ancestors in the transition graph)."""
    predecessors: dict[int, set[int]] = {}
    for (_, state), followers in tagger.LP_trans.items():
        for follower in followers:
            predecessors.setdefault(follower, set()).add(state)
    tagger.reachability = {}
    for final in tagger.int2tag:
        if final >= 0:
            continue
        seen = set(predecessors.get(final, ()))
        todo = list(seen)
        while todo:
            for state in predecessors.get(todo.pop(), ()):
                if state not in seen:
                    seen.add(state)
                    todo.append(state)
        tagger.reachability[final] = frozenset(seen)


# HanTa's word analysis, faster: the same Viterbi search over morpheme segmentations as
# HanoverTagger.analyze_forward and .analyze_viterbi, with the same arithmetic in the same
# order and the same tie-breaking (checked on 10,000 words of the seeds, both real-web
# sets and the noun lexicon: identical results), at about half the cost.  HanTa scores
# each (segment, tag) pair once per state through a method call (lp_m_t: 130,000 calls
# for an article's unknown words); here a tag's scores for all segments starting at one
# position are computed once and shared by every state there, and the sum of a state's
# score and its transition is taken once per tag, not once per segment.  Per table cell,
# states are still inserted and updated in HanTa's order, which is what ties depend on.
_EMPTY, _START, _UNKNOWN, _END_UNKNOWN = 0, 1, 3, -3  # HanTa's reserved states
_LOWER_BOUND = -1e6  # HanTa's: scores at or below it are dropped


def _segment_scores(tagger: Any, segments: list[str], first_end: int, tag: int,
                    wlen: int, strict: bool) -> list[tuple[int, float]]:
    """HanoverTagger.lp_m_t(segment, tag, wlen, strict) for each segment that the tag
    can have, with the segment's end (`segments` end at first_end, first_end + 1, …).
    Segments it cannot have (-inf) are left out: no path goes on from them."""
    known = tagger.LP_m_t[tag]
    guess = not strict and tag in tagger.LP_hapax_t and tag in tagger.LP_s_t
    if not guess:
        return [(end, lp) for end, m in enumerate(segments, first_end)
                if (lp := known.get(m)) is not None]
    suffixes = tagger.LP_s_t[tag]
    # (Int_t + hapax) + length + suffix: the additions in HanTa's order.
    start = tagger.Int_t + tagger.LP_hapax_t[tag]
    lengths = tagger.LP_len_t[tag]
    scores = []
    for end, m in enumerate(segments, first_end):
        lp = known.get(m)
        if lp is None:
            mlen = len(m)
            if wlen >= 4 and mlen <= 2:
                continue
            if mlen > 4 and m[-4:] in suffixes:
                lp_suffix = suffixes[m[-4:]]
            elif mlen > 3 and m[-3:] in suffixes:
                lp_suffix = suffixes[m[-3:]]
            elif mlen > 2 and m[-2:] in suffixes:
                lp_suffix = suffixes[m[-2:]]
            elif mlen > 1 and m[-1:] in suffixes:
                lp_suffix = suffixes[m[-1:]]
            else:
                lp_suffix = suffixes[""]
            lp = start + lengths[min(mlen, 24)] + lp_suffix
            if wlen == mlen:  # HanTa's penalty for one unknown morpheme as the word
                lp -= 4.6
        scores.append((end, lp))
    return scores


def _fill_table(tagger: Any, word: str, strict: bool, reachable: frozenset[int] | None,
                backpointer: list[dict[Any, Any]] | None) -> list[dict[Any, float]]:
    """The Viterbi table over `word`'s segmentations (HanTa's, row by row; only tags in
    `reachable` when given; back pointers into `backpointer` when given)."""
    wlen = len(word)
    nonfinal = tagger.LP_trans_nonfinal
    table: list[dict[Any, float]] = [{(_EMPTY, _START): 0}] + [{} for _ in range(wlen + 1)]
    for i in range(wlen + 1):
        row = table[i]
        # Only the 3 best states of a row go on (HanTa's beam).
        rowbound = sorted(row.values(), reverse=True)[3] - 1 if len(row) > 3 else _LOWER_BOUND
        segments: list[str] | None = None
        scores_by_tag: dict[int, list[tuple[int, float]]] = {}
        for state, lp in row.items():
            if lp < rowbound:
                continue
            followers = nonfinal.get(state, ())
            if reachable is not None:
                followers = [(t, p) for t, p in followers if t in reachable]
            if not followers:
                continue
            if segments is None:
                segments = [word[i:j] for j in range(i + 1, wlen + 1)]
            previous = state[1]
            pointer = (state, i)
            for tag, lp_transition in followers:
                scores = scores_by_tag.get(tag)
                if scores is None:
                    scores = scores_by_tag[tag] = _segment_scores(
                        tagger, segments, i + 1, tag, wlen, strict)
                base = lp + lp_transition
                new_state = (previous, tag)
                for j, lp_morpheme in scores:
                    lp1 = base + lp_morpheme
                    if lp1 > _LOWER_BOUND:
                        cell = table[j]
                        old = cell.get(new_state)
                        if old is None or lp1 > old:
                            cell[new_state] = lp1
                            if backpointer is not None:
                                backpointer[j][new_state] = pointer
    return table


def analyze_forward_fast(tagger: Any, word: str) -> list[tuple[int, float]]:
    """HanoverTagger.analyze_forward: each part of speech of `word` with its log
    probability, best first."""
    table = _fill_table(tagger, word, tagger.strict, None, None)
    last = table[-1]
    final = tagger.LP_trans_final
    for state, lp in table[-2].items():
        for tag, lp_transition in final.get(state, ()):
            lp1 = lp + lp_transition
            if lp1 > _LOWER_BOUND:
                new_state = (state[1], tag)
                if new_state not in last or lp1 > last[new_state]:
                    last[new_state] = lp1
    add_logs = tagger.logaddexp  # numpy's when numpy is loaded, as HanTa's is
    results: dict[int, float] = {}
    for state, lp in last.items():
        if lp == -math.inf:
            continue
        pos = -state[1]
        results[pos] = add_logs(results[pos], lp) if pos in results else lp
    result_list = sorted(results.items(), key=lambda item: item[1], reverse=True)
    return result_list or [(_UNKNOWN, 0)]


def analyze_viterbi_fast(tagger: Any, word: str, targetpos: int) -> list[tuple[int, int]]:
    """HanoverTagger.analyze_viterbi: the best segmentation of `word` as part of
    speech `targetpos`, as (morpheme tag, end offset) pairs."""
    wlen = len(word)
    reachable = tagger.reachability.get(targetpos, frozenset())
    for strict in (True, False):  # without unknown morphemes first, as HanTa does
        backpointer: list[dict[Any, Any]] = [{} for _ in range(wlen + 2)]
        table = _fill_table(tagger, word, strict, reachable, backpointer)
        last = table[-1]
        for state, lp in table[-2].items():
            for tag, lp_transition in tagger.LP_trans_final.get(state, []):
                if tag == targetpos:
                    lp1 = lp + lp_transition
                    if lp1 > _LOWER_BOUND:
                        new_state = (state[1], tag)
                        if new_state not in last or lp1 > last[new_state]:
                            last[new_state] = lp1
                            backpointer[-1][new_state] = (state, wlen)
                    break
        if last:
            break
    best_lp, best_state = -math.inf, (_EMPTY, _EMPTY)
    for state, lp in table[-1].items():
        if lp > best_lp:
            best_lp, best_state = lp, state
    i = len(backpointer) - 1
    if best_state == (_EMPTY, _EMPTY):
        states = [((_UNKNOWN, _END_UNKNOWN), i), ((_START, _UNKNOWN), i - 1)]
    else:
        states = [(best_state, i)]
        state = best_state
        while i > 0:
            state, i = backpointer[i][state]
            states.append((state, i))
        states = states[:-1]
    return [(state[1], i) for state, i in states[::-1]]


# ---------------------------------------------------------------------------
# Noun lexicon
# ---------------------------------------------------------------------------


class SortedTable:
    """A shipped table of sorted ``key<TAB>value`` lines (``#`` header lines first),
    read as bytes on first use (1-3 ms) and searched through a sparse index: decoding
    and splitting a few hundred thousand lines would cost 50-60 ms on every start.

    The index holds the line at every INDEX_STEP bytes (1-3 ms to build); bisecting it
    leaves a stretch of a few dozen lines, searched in one ``bytes.find``: 1-2 us a
    look-up, where bisecting the lines themselves took 10-20 us."""

    INDEX_STEP = 4096

    def __init__(self, path: Path | None, data: bytes | None = None):
        self.path = path
        self._data: bytes | None = None
        self._lines: list[bytes] = []  # the indexed lines, without their newline
        self._offsets: list[int] = []  # where each starts
        if data is not None:  # a table made in memory (tests)
            self._load(data)

    def _load(self, data: bytes) -> None:
        if not data.endswith(b"\n"):
            data += b"\n"  # every line ends in one: the search relies on it
        start = 0
        while data.startswith(b"#", start):  # the header
            start = data.index(b"\n", start) + 1
        lines, offsets = [], []
        while start < len(data):
            end = data.index(b"\n", start)
            lines.append(data[start:end])
            offsets.append(start)
            start = data.find(b"\n", start + self.INDEX_STEP) + 1
            if start <= 0:
                break
        self._lines, self._offsets = lines, offsets
        self._data = data

    def _bytes(self) -> bytes:
        if self._data is None:
            with _lock:
                if self._data is None and self.path is not None:
                    self._load(self.path.read_bytes())
        assert self._data is not None
        return self._data

    def entry(self, key: str) -> str | None:
        """The rest of the line for ``key`` (exact spelling), or None.

        UTF-8 keeps code point order, so the file's order (sorted as text) is also its
        byte order.
        """
        data = self._bytes()
        if "\n" in key:
            return None  # no line has it
        encoded = key.encode("utf-8", "surrogatepass") + b"\t"
        lines, offsets = self._lines, self._offsets
        # The first line >= key: indexed line `index`, or one after indexed line index - 1.
        index = bisect.bisect_left(lines, encoded)
        if index < len(lines) and lines[index].startswith(encoded):
            found = offsets[index]
        elif index == 0:
            return None  # before the first line
        else:
            end = offsets[index] if index < len(offsets) else len(data)
            found = data.find(b"\n" + encoded, offsets[index - 1], end + len(encoded)) + 1
            if found <= 0:
                return None
        return data[found + len(encoded) : data.index(b"\n", found)].decode("utf-8")


_lexicon = SortedTable(LEXICON_PATH)


def lexicon_entry(form: str) -> str | None:
    """The readings field of the lexicon line for ``form`` (exact spelling), or None."""
    return _lexicon.entry(form)
