"""Who exported notes name as their creator, and the language their bodies say."""

from __future__ import annotations

import pytest

from reader.core.notes import agents
from reader.core.notes.language import detect_language, note_language


def test_a_given_name_is_the_creator_with_no_login_and_no_email(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(agents, "_login_name", lambda: "jdoe")
    creator = agents.creator_named("  Ann   Reader ")
    assert creator.as_agent() == {"id": creator.agent_id, "type": "Person", "name": "Ann Reader"}


def test_else_the_system_users_full_name_with_the_login_as_nickname(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(agents, "_login_name", lambda: "jdoe")
    monkeypatch.setattr(agents, "_full_name", lambda: "Jane Doe")
    agent = agents.creator_named().as_agent()
    assert (agent["name"], agent["nickname"]) == ("Jane Doe", "jdoe") and "email" not in agent
    monkeypatch.setattr(agents, "_full_name", lambda: "")
    assert agents.creator_named().name == "jdoe"


def test_the_agent_id_is_the_same_in_every_export() -> None:
    assert agents.Creator("Ann").agent_id == agents.Creator("Ann").agent_id
    assert agents.Creator("Ann").agent_id != agents.Creator("Bob").agent_id


def test_the_full_name_is_the_first_field_of_gecos() -> None:
    assert "," not in agents._full_name()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We must read this with the greatest care, as it is the heart of it.", "en"),
        ("Nous devons lire ceci avec la plus grande attention, et pour nous c'est le cœur.", "fr"),
        ("Wir müssen das mit der größten Sorgfalt lesen, und es ist nicht leicht.", "de"),
        ("Why?", None),
    ],
)
def test_a_language_is_told_by_its_commonest_words(text: str, language: str | None) -> None:
    assert detect_language(text) == language


def test_a_note_too_short_to_tell_takes_its_documents_language() -> None:
    document = "Le texte de la déclaration, et les recommandations qui sont pour nous."
    assert note_language("Why?", document) == "fr"
