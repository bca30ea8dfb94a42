"""Finding the cue that makes a sentence a recommendation, and how sure it makes us."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from reader.core.documents.document import Document
from reader.core.recommendations.matching_view import MatchingView
from reader.core.recommendations.rules import CueRule, RuleSet

_WORD = re.compile(r"\w")
_WORD_BEFORE = re.compile(r"(\w+) $")


@dataclass(frozen=True)
class CueMatch:
    """A cue found in a text: its rule's name, [start, end) in that text, a confidence."""

    rule: str
    start: int
    end: int
    confidence: float


class DocumentCues:
    """The cues of every sentence of one document, offsets into the document's text.

    Each cue pattern runs once over the whole text rather than once per sentence: the
    patterns find little, and three thousand searches of short sentences cost more than
    eighty of the whole text. They run over the matching view (lost spaces put back), and
    offsets are the view's until `judge` maps them back to the document's text.
    """

    def __init__(self, doc: Document, rules: RuleSet) -> None:
        self._doc, self._rules = doc, rules
        self._view = MatchingView(lower_case(doc.text))
        self._text = self._view.text
        self._starts = [self._view.start(s.start) for s in doc.sentences]
        self._ends = [self._view.end(s.end) for s in doc.sentences]
        self._found: dict[int, list[CueMatch]] = {}
        for cue in rules.cues:
            if cue.pattern.pattern.startswith("^"):
                self._add_anchored(cue)
            else:
                self._add_scanned(cue)
        # Masks and penalties too run once over the whole text (judging each sentence with
        # twenty-six searches of its own took most of a long text's extraction).
        bounds = (self._text, self._starts, self._ends)
        self._masks = SentenceScans([m.pattern for m in rules.masks], *bounds)
        self._penalties = [(p, SentenceScans([p.pattern], *bounds)) for p in rules.penalties]

    def judge(self, index: int) -> CueMatch | None:
        """Sentence `index`'s cue and confidence (see judge_found), offsets absolute."""
        found = self._found.get(index)
        if not found:
            return None
        start = self._starts[index]
        relative = [_shifted(m, -start) for m in found]
        text = self._text[start : self._ends[index]]
        masks = self._masks.spans(index, text)
        penalty = sum(p.penalty for p, scans in self._penalties if scans.spans(index, text))
        verdict = _judged(relative, self._rules, masks, penalty)
        return _mapped_back(self._view, _shifted(verdict, start)) if verdict else None

    def _add_scanned(self, cue: CueRule) -> None:
        """Scan the whole text; the sentences a match runs across are scanned on their own,
        as a match that ends past its sentence would hide one inside it."""
        group = "cue" if "cue" in cue.pattern.groupindex else 0
        kept, rescan = _by_sentence(cue.pattern, self._text, self._starts, self._ends)
        for index, matches in kept.items():
            if index not in rescan:
                for match in matches:
                    self._keep(index, cue, match.start(group), match.end(group))
        for index in sorted(rescan):
            offset = self._starts[index]
            for match in _word_matches(cue.pattern, self._text[offset : self._ends[index]]):
                self._keep(index, cue, offset + match.start(group), offset + match.end(group))

    def _add_anchored(self, cue: CueRule) -> None:
        """A pattern that opens with "^" means the sentence's start: try each sentence."""
        group = "cue" if "cue" in cue.pattern.groupindex else 0
        for index, (offset, end) in enumerate(zip(self._starts, self._ends, strict=True)):
            match = cue.pattern.match(self._text[offset:end])
            if match:
                self._keep(index, cue, offset + match.start(group), offset + match.end(group))

    def _keep(self, index: int, cue: CueRule, start: int, end: int) -> None:
        if cue.widen:
            start = _widened(self._text, start, self._rules.widen_over)
        self._found.setdefault(index, []).append(CueMatch(cue.name, start, end, cue.confidence))


class SentenceScans:
    """Where some patterns match in each sentence of a text, as if searched in the sentence
    alone: one search of the whole text, and the sentences a match runs across (or that a
    pattern anchored at "^" or "$" concerns) searched on their own, when first asked for."""

    def __init__(
        self, patterns: Sequence[re.Pattern[str]], text: str, starts: list[int], ends: list[int]
    ) -> None:
        self._starts, self._ends = starts, ends
        self._anchored = [p for p in patterns if _anchored(p)]
        self._alone = [p for p in patterns if not _anchored(p)]
        self._found: dict[int, list[tuple[int, int]]] = {}
        self._rescan: set[int] = set()
        for pattern in self._alone:
            kept, rescan = _by_sentence(pattern, text, starts, ends)
            self._rescan |= rescan
            for index, matches in kept.items():
                offset = starts[index]
                spans = [(m.start() - offset, m.end() - offset) for m in matches]
                self._found.setdefault(index, []).extend(spans)

    def spans(self, index: int, sentence: str) -> list[tuple[int, int]]:
        """The matches in sentence `index` (whose text is `sentence`), relative to it."""
        patterns = [*self._anchored, *(self._alone if index in self._rescan else ())]
        found = [] if index in self._rescan else list(self._found.get(index, ()))
        for pattern in patterns:
            found += [(m.start(), m.end()) for m in _word_matches(pattern, sentence)]
        return found


def _by_sentence(
    pattern: re.Pattern[str], text: str, starts: list[int], ends: list[int]
) -> tuple[dict[int, list[re.Match[str]]], set[int]]:
    """The matches of one search of the whole text, by the sentence that holds each, and
    the sentences a match runs across (to be searched on their own: such a match would
    hide one that lies inside a sentence)."""
    kept: dict[int, list[re.Match[str]]] = {}
    rescan: set[int] = set()
    for match in _word_matches(pattern, text):
        index = bisect_right(starts, match.start()) - 1
        if index >= 0 and match.end() <= ends[index]:
            kept.setdefault(index, []).append(match)
        else:
            last = bisect_right(starts, match.end() - 1) - 1
            rescan.update(range(max(index, 0), last + 1))
    return kept, rescan


def _anchored(pattern: re.Pattern[str]) -> bool:
    return pattern.pattern.startswith("^") or pattern.pattern.endswith("$")


@dataclass(frozen=True)
class Explanation:
    """Why one sentence is or is not a recommendation: every cue found (offsets into the
    matching view), those a mask hid, the penalties that apply, and the verdict."""

    cues: tuple[CueMatch, ...]
    masked: tuple[CueMatch, ...]
    penalties: tuple[str, ...]
    verdict: CueMatch | None


def explain(text: str, rules: RuleSet) -> Explanation:
    """`judge`, with its workings shown (for reports on misses and false positives)."""
    view = MatchingView(lower_case(text))
    found = list(_cue_matches(view.text, rules.cues, rules))
    unmasked = _unmasked(view.text, found, rules)
    penalties = tuple(p.name for p in rules.penalties if _first(p.pattern, view.text))
    masked = tuple(m for m in found if m not in unmasked)
    return Explanation(tuple(found), masked, penalties, judge_found(view.text, found, rules))


def judge(text: str, rules: RuleSet) -> CueMatch | None:
    """One sentence's cue and confidence, or None if it has none (offsets into `text`)."""
    view = MatchingView(lower_case(text))
    verdict = judge_found(view.text, list(_cue_matches(view.text, rules.cues, rules)), rules)
    return _mapped_back(view, verdict) if verdict is not None else None


def judge_found(text: str, found: Sequence[CueMatch], rules: RuleSet) -> CueMatch | None:
    """Given the cues found in lower-case `text`, the one to show and the confidence.

    Cues inside a mask (a quotation, "as they should") do not count. The cue shown is the
    first nearly as strong as the strongest (the main clause's, as a rule). The confidence
    is the strongest cue's, plus a little for each further kind of cue, less every penalty
    that applies; the caller compares it with the threshold.
    """
    masks = [
        (m.start(), m.end()) for mask in rules.masks for m in _word_matches(mask.pattern, text)
    ]
    penalty = sum(p.penalty for p in rules.penalties if _first(p.pattern, text))
    return _judged(found, rules, masks, penalty)


def _judged(
    found: Sequence[CueMatch], rules: RuleSet, masks: Sequence[tuple[int, int]], penalty: float
) -> CueMatch | None:
    found = [m for m in found if not any(s <= m.start and m.end <= e for s, e in masks)]
    if not found:
        return None
    strongest = max(m.confidence for m in found)
    shown = min(
        (m for m in found if m.confidence >= strongest - rules.cue_margin), key=lambda m: m.start
    )
    extra = len({m.rule for m in found}) - 1
    bonus = min(extra * rules.cue_bonus, rules.max_cue_bonus)
    confidence = max(0.0, round(min(1.0, strongest + bonus) - penalty, 2))
    return CueMatch(shown.rule, shown.start, shown.end, confidence)


def lead_in_cue(text: str, rules: RuleSet) -> CueMatch | None:
    """The cue of a list's lead-in ("We recommend the following:"), which its items inherit.

    Penalties do not apply: a lead-in ends with a colon, which would reject it as a sentence.
    """
    view = MatchingView(lower_case(text))
    cues = (*rules.cues, *rules.lead_in_cues)
    found = _unmasked(view.text, list(_cue_matches(view.text, cues, rules)), rules)
    best = max(found, key=lambda m: (m.confidence, -m.start)) if found else None
    return _mapped_back(view, best) if best is not None else None


def rejected(text: str, rules: RuleSet) -> bool:
    """True when a penalty of 1 or more applies (a question, a lead-in)."""
    text = MatchingView(lower_case(text)).text
    return any(p.penalty >= 1.0 and _first(p.pattern, text) for p in rules.penalties)


def lower_case(text: str) -> str:
    """`text` in lower case, letter for letter: offsets stay valid ("İ" would grow)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _unmasked(text: str, found: Sequence[CueMatch], rules: RuleSet) -> list[CueMatch]:
    if not found:
        return []
    masks = [
        (m.start(), m.end()) for mask in rules.masks for m in _word_matches(mask.pattern, text)
    ]
    return [m for m in found if not any(s <= m.start and m.end <= e for s, e in masks)]


def _cue_matches(text: str, cues: Iterable[CueRule], rules: RuleSet) -> Iterator[CueMatch]:
    for cue in cues:
        group = "cue" if "cue" in cue.pattern.groupindex else 0
        for match in _word_matches(cue.pattern, text):
            start = match.start(group)
            if cue.widen:
                start = _widened(text, start, rules.widen_over)
            yield CueMatch(cue.name, start, match.end(group), cue.confidence)


def _word_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches that do not start inside a word; after one that does, search on from the
    next character, so "this is needed" still finds "is needed"."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        start = match.start()
        if start and _WORD.match(text, start - 1) and _WORD.match(text, start):
            position = start + 1
            continue
        yield match
        position = max(match.end(), start + 1)


def _first(pattern: re.Pattern[str], text: str) -> bool:
    return next(_word_matches(pattern, text), None) is not None


def _widened(text: str, start: int, widen_over: frozenset[str]) -> int:
    """Take in the adverb just before a cue: "strongly recommend", "therefore urge"."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is not None and before.group(1) in widen_over:
        return before.start(1)
    return start


def _mapped_back(view: MatchingView, match: CueMatch) -> CueMatch:
    """A match in the view, with its offsets in the text the view was made of."""
    start, end = view.original_start(match.start), view.original_end(match.end)
    return CueMatch(match.rule, start, end, match.confidence)


def _shifted(match: CueMatch, offset: int) -> CueMatch:
    return CueMatch(match.rule, match.start + offset, match.end + offset, match.confidence)
