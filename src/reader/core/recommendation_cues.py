"""Finding the cue that makes one sentence a recommendation, and how sure it makes us."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from reader.core.recommendation_rules import CueRule, RuleSet


@dataclass(frozen=True)
class CueMatch:
    """A cue found in a sentence: its rule's name, [start, end) in the sentence, confidence."""

    rule: str
    start: int
    end: int
    confidence: float


def judge(text: str, rules: RuleSet) -> CueMatch | None:
    """The sentence's strongest cue with the sentence's confidence, or None if it has none.

    The cue is the first one nearly as strong as the strongest (the main clause's, as a
    rule). The confidence is the strongest cue's, plus a little for each further kind of
    cue, less every penalty that applies; the caller compares it with the threshold.
    """
    found = unmasked_cues(text, rules.cues, rules)
    if not found:
        return None
    strongest = max(m.confidence for m in found)
    shown = min(
        (m for m in found if m.confidence >= strongest - rules.cue_margin), key=lambda m: m.start
    )
    extra = len({m.rule for m in found}) - 1
    bonus = min(extra * rules.cue_bonus, rules.max_cue_bonus)
    penalty = sum(p.penalty for p in rules.penalties if p.pattern.search(text))
    confidence = max(0.0, round(min(1.0, strongest + bonus) - penalty, 2))
    return CueMatch(shown.rule, shown.start, shown.end, confidence)


def lead_in_cue(text: str, rules: RuleSet) -> CueMatch | None:
    """The cue of a list's lead-in ("We recommend the following:"), which its items inherit.

    Penalties do not apply: a lead-in ends with a colon, which would reject it as a sentence.
    """
    found = unmasked_cues(text, (*rules.cues, *rules.lead_in_cues), rules)
    return max(found, key=lambda m: (m.confidence, -m.start)) if found else None


def rejected(text: str, rules: RuleSet) -> bool:
    """True when a penalty of 1 or more applies (a question, a lead-in)."""
    return any(p.penalty >= 1.0 and p.pattern.search(text) for p in rules.penalties)


def unmasked_cues(text: str, cues: Iterable[CueRule], rules: RuleSet) -> list[CueMatch]:
    masks = [(m.start(), m.end()) for mask in rules.masks for m in mask.pattern.finditer(text)]
    return [
        match
        for match in _matches(text, cues)
        if not any(start <= match.start and match.end <= end for start, end in masks)
    ]


def _matches(text: str, cues: Iterable[CueRule]) -> Iterator[CueMatch]:
    for cue in cues:
        for match in cue.pattern.finditer(text):
            group = "cue" if "cue" in cue.pattern.groupindex else 0
            yield CueMatch(cue.name, match.start(group), match.end(group), cue.confidence)
