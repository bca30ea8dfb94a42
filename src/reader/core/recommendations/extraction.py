"""Recommendations: the sentences of a document that urge, recommend, call for or state as
necessary a course of action, each with its cue, confidence and topics.

The extractor is deterministic and explainable: every recommendation names the rule that
made it one (`rule`) and points at the words that matched (`cue_start`, `cue_end`); the
rules themselves are data (resources/recommendation_rules.json, resources/topics.tsv).

    rules, taxonomy = bundled_rules(), bundled_taxonomy()  # or load_rules(path), ...
    for rec in extract(doc, rules, taxonomy): ...
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reader.core.documents.document import BlockKind, Document, Sentence, section_title
from reader.core.documents.sentences import opens_with_list_marker
from reader.core.recommendations.cues import CueMatch, DocumentCues, lead_in_cue, rejected
from reader.core.recommendations.rules import RuleSet
from reader.core.recommendations.taxonomy import Taxonomy
from reader.core.recommendations.topic_assignment import TopicAssigner

EXTRACTED, USER = "extracted", "user"
JSON_KEYS = (
    "doc_id",
    "sentence",
    "start",
    "end",
    "topic",
    "topics",
    "topic_label",
    "section",
    "cue",
    "cue_start",
    "cue_end",
    "confidence",
    "source",
)


@dataclass(frozen=True)
class Recommendation:
    """One recommending sentence of one document.

    `start`, `end`: the sentence's range in the document's canonical text; `sentence` is that
    text. `topic` is the primary topic id, `topics` every topic id, primary first.
    `section`: the title of the innermost heading above the sentence, or "".
    `cue`: the words that made it a recommendation, as the text has them ("strongly
    recommend"); `cue_start`, `cue_end` their range in the canonical text. Usually inside
    the sentence; for an item of a recommending list, the cue is its lead-in's ("We
    recommend the following:"), before the sentence. A sentence the user marked has no cue
    of its own (cue "", cue_start == cue_end == start). `rule`: the name of the rule that
    matched (for explanations). `source`: EXTRACTED, or USER when the user marked it or
    changed its topics (see recommendation_overrides).
    """

    doc_id: str
    start: int
    end: int
    sentence: str
    topic: str
    topics: tuple[str, ...]
    topic_label: str
    section: str
    cue: str
    cue_start: int
    cue_end: int
    confidence: float
    source: str = EXTRACTED
    rule: str = ""

    @property
    def cue_in_sentence(self) -> bool:
        """True when the cue's words lie in the sentence (false for list items and marks)."""
        return self.start <= self.cue_start < self.cue_end <= self.end

    def cue_parts(self) -> tuple[str, str, str]:
        """The sentence cut around its cue: (before, cue, after). When the cue's words do
        not lie in the sentence (a list item's, a mark's), (sentence, "", "")."""
        if not self.cue_in_sentence:
            return self.sentence, "", ""
        start, end = self.cue_start - self.start, self.cue_end - self.start
        return self.sentence[:start], self.sentence[start:end], self.sentence[end:]

    def to_json(self) -> dict[str, Any]:
        """The command line's JSON object for this recommendation (keys in JSON_KEYS)."""
        value = {key: getattr(self, key) for key in JSON_KEYS}
        value["topics"] = list(self.topics)
        return value


def extract(doc: Document, rules: RuleSet, taxonomy: Taxonomy) -> list[Recommendation]:
    """Every recommendation in `doc`, in text order: one per recommending sentence.

    Headings never recommend; neither do questions or a list's lead-in. The items of a
    list whose lead-in recommends ("We urge the sides to:") are recommendations in their
    own right: each item's first sentence inherits the lead-in's cue, and any further
    sentence of the item counts only with a cue of its own. So do the items of such a list
    run into one paragraph ("We propose: 1) Restore dialogue; 2) ..."), one sentence each.
    """
    assigner = TopicAssigner(doc, taxonomy, rules)
    cues = DocumentCues(doc, rules)
    lead_ins = _lead_in_cues(doc, rules)
    found = []
    for index, sentence in enumerate(doc.sentences):
        if doc.blocks[sentence.block].kind is BlockKind.HEADING:
            continue
        cue = _sentence_cue(doc, index, cues, lead_ins, rules)
        if cue is not None and cue.confidence >= rules.threshold:
            found.append(_recommendation(doc, sentence, cue, assigner.topics(index), taxonomy))
    return found


def _sentence_cue(
    doc: Document,
    index: int,
    cues: DocumentCues,
    lead_ins: dict[int, CueMatch],
    rules: RuleSet,
) -> CueMatch | None:
    """The sentence's own cue, or for an item's first sentence its lead-in's."""
    own = cues.judge(index)
    if own is not None:
        return own
    sentence = doc.sentences[index]
    text = doc.sentence_text(sentence)
    inherited = lead_ins.get(sentence.block)
    first_of_block = index == 0 or doc.sentences[index - 1].block != sentence.block
    if not first_of_block or inherited is None:
        inherited, first_of_block = _inline_lead_in_cue(doc, index, rules), True
    if inherited is None or not first_of_block or rejected(text, rules):
        return None
    confidence = round(inherited.confidence * rules.lead_in_factor, 2)
    return CueMatch(f"{inherited.rule} (list lead-in)", inherited.start, inherited.end, confidence)


def _inline_lead_in_cue(doc: Document, index: int, rules: RuleSet) -> CueMatch | None:
    """For an inline list item ("We propose: 1) Restore dialogue; 2) ..." run into one
    paragraph by a capture): the cue of the lead-in before it and its sibling items."""
    sentences = doc.sentences
    block = sentences[index].block
    if not opens_with_list_marker(doc.sentence_text(sentences[index])):
        return None
    before = index - 1
    while before >= 0 and sentences[before].block == block:
        text = doc.sentence_text(sentences[before])
        if not opens_with_list_marker(text):
            if not text.rstrip('"”’)]').endswith(":"):
                return None
            cue = lead_in_cue(text, rules)
            return _shifted(cue, sentences[before].start) if cue is not None else None
        before -= 1
    return None


def _lead_in_cues(doc: Document, rules: RuleSet) -> dict[int, CueMatch]:
    """For each list item under a recommending lead-in: the lead-in's cue, offsets absolute."""
    last_sentence = {s.block: s for s in doc.sentences}
    by_lead_in: dict[int, CueMatch | None] = {}
    cues: dict[int, CueMatch] = {}
    for index, block in enumerate(doc.blocks):
        lead_in = doc.lead_in_of(index) if block.kind is BlockKind.LIST_ITEM else None
        if lead_in is None:
            continue
        if lead_in not in by_lead_in:
            last = last_sentence[lead_in]
            cue = lead_in_cue(doc.sentence_text(last), rules)
            by_lead_in[lead_in] = _shifted(cue, last.start) if cue is not None else None
        if (cue := by_lead_in[lead_in]) is not None:
            cues[index] = cue
    return cues


def _shifted(cue: CueMatch, offset: int) -> CueMatch:
    return CueMatch(cue.rule, cue.start + offset, cue.end + offset, cue.confidence)


def _recommendation(
    doc: Document, sentence: Sentence, cue: CueMatch, topics: tuple[str, ...], taxonomy: Taxonomy
) -> Recommendation:
    primary = topics[0] if topics else ""
    return Recommendation(
        doc_id=doc.id,
        start=sentence.start,
        end=sentence.end,
        sentence=doc.sentence_text(sentence),
        topic=primary,
        topics=topics,
        topic_label=taxonomy.label(primary),
        section=section_title(doc, sentence.start),
        cue=" ".join(doc.text[cue.start : cue.end].split()),
        cue_start=cue.start,
        cue_end=cue.end,
        confidence=cue.confidence,
        rule=cue.rule,
    )
