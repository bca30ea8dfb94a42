"""The extractor on the language of statements: what counts, what does not, and why."""

from __future__ import annotations

import pytest

from reader.core.documents.builder import BlockSpec, build_document
from reader.core.documents.document import BlockKind, Document, Metadata
from reader.core.recommendations.cues import judge
from reader.core.recommendations.extraction import JSON_KEYS, Recommendation, extract
from reader.core.recommendations.rules import RuleSet
from reader.core.recommendations.taxonomy import Taxonomy

P, H, LI = BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM


def doc_of(*blocks: tuple[BlockKind, str] | tuple[BlockKind, str, int]) -> Document:
    specs = [BlockSpec(b[0], b[1], b[2] if len(b) > 2 else (2 if b[0] is H else 1)) for b in blocks]
    return build_document("test", "imported", Metadata(title="A statement"), specs)


def found(rules: RuleSet, taxonomy: Taxonomy, *blocks: tuple[BlockKind, str]) -> list[str]:
    return [r.sentence for r in extract(doc_of(*blocks), rules, taxonomy)]


@pytest.mark.parametrize(
    "sentence",
    [
        "We strongly recommend that both governments resume consultations.",
        "The group urges Moscow and Washington to extend the treaty.",
        "We call on all parties to show restraint.",
        "The Task Force has called for an agreement between NATO and Russia.",
        "Both sides should refrain from deploying new systems.",
        "The two presidents must meet without delay.",
        "Governments need to restore military-to-military channels.",
        "There is an urgent need for a new framework.",
        "It is essential to keep channels of communication open.",
        "It is vitally important to act now.",
        "The time has come to resume the dialogue.",
        "Neither side can afford not to talk.",
        "The goal is to restore trust.",
        "It is unacceptable to use force against civilians.",
        "The only way forward is to negotiate.",
        "We propose a joint working group on incidents at sea.",
        "We encourage parliamentarians to meet regularly.",
        "Restore dialogue.",
        "Joint efforts are needed to avert this threat.",
        "There is no alternative to negotiation.",
        # reported calls
        "The Council today called on Moscow and Washington to resume talks.",
        "The commission urged both governments to restore their embassies.",
        "Other recommendations include a joint early-warning centre.",
        "Among the proposed measures are regular consultations between military staffs.",
        "States are urged to ratify the treaty.",
        "The experts recommended establishing a hotline between the militaries.",
        # necessity without a modal, passive modals, bodies as the actor
        "Dialogue between the militaries is essential.",
        "A return to arms control is critical.",
        "The first priority is for both states to extend the treaty.",
        "Restoring the NATO-Russia Council is a top priority.",
        "What is needed now is a new framework for arms control.",
        "The right of every state to choose its alliances should be recognised as a principle.",
        "The OSCE Forum for Security Co-operation needs to revive the Vienna Document.",
        # words a capture glued together
        "The partiesmust act now to end the war.",
        "Wecall on all parties to show restraint.",
        "Itis essential to resume dialogue.",
    ],
)
def test_recommending_sentences_are_found(
    rules: RuleSet, taxonomy: Taxonomy, sentence: str
) -> None:
    assert found(rules, taxonomy, (P, sentence)) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "The situation in Ukraine continues to remain unresolved.",
        "The current situation may lead to an increased chance of incidents.",
        "During the meeting the sides discussed the following issues:",
        "Should the treaty lapse, nothing would limit the arsenals.",
        "What should the sides do next?",
        "The tools of communication are not being used as they should be.",
        "In 2008 we urged immediate attention to setting a new course.",
        "We are similarly encouraged that the presidents established a commission.",
        "The leaders affirmed that “a nuclear war cannot be won and must never be fought.”",
        "The parties should have acted sooner.",
        "It is not necessary to repeat the arguments here.",
        "The sides discussed how the two countries should respond.",
        "Read the full statement by the commission here",
        "The proposed meeting offers an opportunity.",
        "Support for the treaty has declined.",
        "For the past six years the group has emphasized the importance of dialogue.",
        "We are concerned about proposals that call for new deployments.",
        "We are deeply concerned that some states should consider nuclear use.",
        "Our generation will have to bear the costs of this failure.",
        "The situation is critical.",
        "In 2015 the Task Force called for an agreement on incidents.",
        "The Minsk agreements called for a ceasefire.",
        "It must be noted that the treaty has expired.",
        "The report suggests that tensions are rising.",
        "Sign up for our newsletter.",
        "Share this article with a friend.",
        "This is a must-read report on arms control.",
        "Russia's role is crucial in the region.",
        "It is important to note that the treaty has expired.",
        "The conference is expected to call for a moratorium.",
        "Last year, the Group called on both sides to resume talks.",
        "The measures recommended by the commission were ignored.",
        "There are concerns that the sides should not meet.",
        "The president never urged Ukraine to open an investigation.",
        "The commission did not call for sanctions.",
    ],
)
def test_descriptions_forecasts_and_accounts_are_not(
    rules: RuleSet, taxonomy: Taxonomy, sentence: str
) -> None:
    assert found(rules, taxonomy, (P, sentence)) == []


def test_headings_never_recommend(rules: RuleSet, taxonomy: Taxonomy) -> None:
    assert found(rules, taxonomy, (H, "Leaders Must Act Now"), (P, "A description.")) == []


def test_items_of_a_recommending_lead_in_are_recommendations(
    rules: RuleSet, taxonomy: Taxonomy
) -> None:
    doc = doc_of(
        (P, "We recommend the following:"),
        (LI, "a moratorium on intermediate-range missiles in Europe;"),
        (LI, "a hotline between the militaries. It was used in the past. It should be revived."),
    )
    recs = extract(doc, rules, taxonomy)
    assert [r.sentence for r in recs] == [
        "a moratorium on intermediate-range missiles in Europe;",
        "a hotline between the militaries.",
        "It should be revived.",
    ]
    first = recs[0]
    assert doc.text[first.cue_start : first.cue_end] == first.cue == "recommend"
    assert not first.cue_in_sentence and first.rule == "recommend (list lead-in)"
    assert first.confidence == pytest.approx(0.95 * rules.lead_in_factor, abs=0.01)
    assert recs[2].cue == "should" and recs[2].cue_in_sentence
    assert first.cue_parts() == (first.sentence, "", "")
    assert recs[2].cue_parts() == ("It ", "should", " be revived.")


def test_items_of_a_plain_lead_in_need_their_own_cue(rules: RuleSet, taxonomy: Taxonomy) -> None:
    sentences = found(
        rules,
        taxonomy,
        (P, "The key factors are:"),
        (LI, "growing crisis in the global economy;"),
        (LI, "the treaty should be extended."),
    )
    assert sentences == ["the treaty should be extended."]


def test_a_nested_lead_in_governs_its_own_items(rules: RuleSet, taxonomy: Taxonomy) -> None:
    doc = doc_of(
        (P, "The group makes a proposal, namely that:"),
        (LI, "The agreement would:", 1),
        (LI, "set out rules for encounters at sea;", 2),
    )
    assert doc.lead_in_of(2) == 1 and doc.lead_in_of(1) == 0
    assert [r.sentence for r in extract(doc, rules, taxonomy)] == []


def test_the_cue_points_at_its_words_and_the_main_clause_wins(
    rules: RuleSet, taxonomy: Taxonomy
) -> None:
    text = "Leaders should reinforce the principle that a nuclear war must never be fought."
    (rec,) = extract(doc_of((P, "Intro."), (P, text)), rules, taxonomy)
    assert rec.cue == "should" and rec.rule == "should"
    assert rec.sentence == text and rec.start == len("Intro.\n\n")
    assert rec.cue_start == rec.start + text.index("should")


def test_confidence_orders_strong_and_weak_cues(rules: RuleSet, taxonomy: Taxonomy) -> None:
    strong, weak = extract(
        doc_of((P, "We urge the sides to talk."), (P, "Further work is required.")),
        rules,
        taxonomy,
    )
    assert 0 <= weak.confidence < strong.confidence <= 1
    assert weak.confidence >= rules.threshold


def test_elbe_cyber_paragraphs_under_syria_are_cybersecurity(
    elbe: Document, rules: RuleSet, taxonomy: Taxonomy
) -> None:
    recs = extract(elbe, rules, taxonomy)
    under_syria = [r for r in recs if r.section == "On Syria"]
    assert [r.topic for r in under_syria] == [
        "middle-east-syria",
        "cybersecurity",
        "cybersecurity",
    ]
    assert under_syria[1].topic_label == "Cybersecurity"


def test_special_services_recommendation_has_two_topics(
    elbe: Document, rules: RuleSet, taxonomy: Taxonomy
) -> None:
    (rec,) = [r for r in extract(elbe, rules, taxonomy) if r.cue == "strongly recommend"]
    assert rec.topics[:2] == ("us-russia-relations", "cybersecurity")
    assert rec.section == "Current U.S.-Russia Relationship"


def test_to_that_end_takes_its_topic_from_the_paragraph_before(
    rules: RuleSet, taxonomy: Taxonomy
) -> None:
    doc = doc_of(
        (P, "The sides believe that ISIS in Syria and Iraq must be defeated."),
        (P, "To that end, both countries should authorize practical interaction."),
    )
    assert extract(doc, rules, taxonomy)[1].topic == "middle-east-syria"


def test_a_sentence_naming_no_topic_falls_back_to_the_title(
    rules: RuleSet, taxonomy: Taxonomy
) -> None:
    doc = build_document(
        "t",
        "imported",
        Metadata(title="Statement on Ukraine"),
        [BlockSpec(P, "We urge restraint.")],
    )
    assert extract(doc, rules, taxonomy)[0].topic == "ukraine"
    bare = doc_of((P, "We urge restraint."))
    assert extract(bare, rules, taxonomy)[0].topics == ("other",)


def test_extraction_is_deterministic(elbe: Document, rules: RuleSet, taxonomy: Taxonomy) -> None:
    assert extract(elbe, rules, taxonomy) == extract(elbe, rules, taxonomy)


def test_json_has_exactly_the_documented_keys(
    ac_riac: Document, rules: RuleSet, taxonomy: Taxonomy
) -> None:
    value = extract(ac_riac, rules, taxonomy)[0].to_json()
    assert tuple(value) == JSON_KEYS
    assert isinstance(value["topics"], list) and value["source"] == "extracted"
    assert value["sentence"] == ac_riac.text[value["start"] : value["end"]]


def test_recommendations_are_frozen(ac_riac: Document, rules: RuleSet, taxonomy: Taxonomy) -> None:
    rec: Recommendation = extract(ac_riac, rules, taxonomy)[0]
    with pytest.raises(AttributeError):
        rec.topic = "other"  # type: ignore[misc]


def test_a_cue_match_running_past_a_sentence_does_not_hide_one_inside_the_next(
    rules: RuleSet, taxonomy: Taxonomy
) -> None:
    # Scanned as one text, "the only way forward clear? The only way is to" is one match
    # across two sentences; each sentence must then be searched on its own.
    text = "Is the only way forward clear? The only way is to talk."
    (rec,) = extract(doc_of((P, text)), rules, taxonomy)
    assert rec.sentence == "The only way is to talk." and rec.cue == "The only way is to"


def test_a_cue_is_widened_over_the_adverb_before_it(rules: RuleSet, taxonomy: Taxonomy) -> None:
    (rec,) = extract(doc_of((P, "We therefore strongly urge restraint.")), rules, taxonomy)
    assert rec.cue == "strongly urge"


def test_judge_explains_a_single_sentence(rules: RuleSet) -> None:
    verdict = judge("Both sides should, we believe, resume talks.", rules)
    assert verdict is not None and (verdict.rule, verdict.start, verdict.end) == ("should", 11, 17)
    assert judge("The talks were resumed.", rules) is None


def test_a_glued_cue_is_found_and_points_into_the_text_as_it_is(
    rules: RuleSet, taxonomy: Taxonomy
) -> None:
    text = "Intro. We stronglyrecommend that the partiesmust meet."
    doc = doc_of((P, text))
    (rec,) = extract(doc, rules, taxonomy)
    assert doc.text == text  # the canonical text keeps the capture's glued words
    assert rec.sentence == "We stronglyrecommend that the partiesmust meet."
    assert rec.cue == "stronglyrecommend" == doc.text[rec.cue_start : rec.cue_end]


def test_items_of_an_inline_list_inherit_its_lead_in(rules: RuleSet, taxonomy: Taxonomy) -> None:
    text = "We recommend: 1) A hotline between the militaries; 2) Regular talks. It is old news."
    recs = extract(doc_of((P, "Intro."), (P, text)), rules, taxonomy)
    assert [r.sentence for r in recs] == [
        "1) A hotline between the militaries;",
        "2) Regular talks.",
    ]
    assert {r.cue for r in recs} == {"recommend"} and not recs[0].cue_in_sentence
    plain = "The key factors are: 1) A growing crisis; 2) Mistrust."
    assert found(rules, taxonomy, (P, plain)) == []


def test_an_inline_item_may_be_an_imperative(rules: RuleSet, taxonomy: Taxonomy) -> None:
    text = "Six principles: • Restore dialogue. • Reduce risks."
    assert found(rules, taxonomy, (P, text)) == ["• Restore dialogue.", "• Reduce risks."]
