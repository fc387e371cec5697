"""A channel's spotlight in its own language (issue 19): chosen with the grammar or the modal,
stored with the subscription (SQLite and PostgreSQL), and the post written in it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.answers.locale import localise
from bot.knowledge import KnowledgeBase
from bot.slack.surface import SPOTLIGHT_LANGUAGE_BLOCK as LANGUAGE_BLOCK
from bot.slack.views.spotlight import read_spotlight_choice, spotlight_view
from bot.spotlights import ScheduleError, describe, parse_schedule, preview, subscribe
from bot.spotlights.render import render_spotlight
from bot.spotlights.rotation import Topic
from bot.spotlights.schedule import split_language
from bot.storage import Database
from tests.support.block_limits import limit_violations

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
HEADERS = {
    "en": "Medicon Valley spotlight:",
    "da": "Medicon Valley-spotlight:",
    "sv": "Medicon Valley-spotlight:",
}
FOOTERS = {"en": "Weekly spotlight", "da": "Ugentlig spotlight", "sv": "Spotlight varje vecka"}


@pytest.mark.parametrize("language", ["en", "da", "sv"])
def test_every_topic_is_posted_in_the_channel_language_within_slack_limits(
    kb: KnowledgeBase, language: str
) -> None:
    topics: list[Topic] = [*kb.fields.values(), *kb.centres.values()]
    for topic in topics:
        message = render_spotlight(kb, topic, language=language)
        payload = {"text": message.text, "blocks": list(message.blocks)}
        assert limit_violations(payload) == [], topic.id
        header = message.blocks[0]["text"]["text"]
        assert HEADERS[language] in header, header
        context = next(b for b in message.blocks if b["type"] == "context")
        assert context["elements"][0]["text"].startswith(FOOTERS[language])


def test_a_centre_card_says_its_labels_in_danish_and_swedish(kb: KnowledgeBase) -> None:
    centre = kb.centres["ludc"]
    said = {
        language: str(render_spotlight(kb, centre, language=language).blocks)
        for language in ("en", "da", "sv")
    }
    assert "*Host*" in said["en"]
    assert "*Vært*" in said["da"]
    assert "*Värd*" in said["sv"]
    assert "Helpful" in said["en"]
    assert "Nyttigt" in said["da"]
    assert "Användbart" in said["sv"]


@pytest.mark.parametrize(
    ("typed", "language", "rest"),
    [
        ("monday 09:00 dansk", "da", "monday 09:00"),
        ("svenska tisdag 10:00 Europe/Stockholm", "sv", "tisdag 10:00 Europe/Stockholm"),
        ("friday English", "en", "friday"),
        ("auto", "auto", ""),
        ("monday 09:00", None, "monday 09:00"),
    ],
)
def test_the_subscribe_grammar_reads_a_language_word_anywhere(
    typed: str, language: str | None, rest: str
) -> None:
    assert split_language(typed) == (language, rest)


def test_the_language_is_stored_kept_and_posted_in(database: Database, kb: KnowledgeBase) -> None:
    schedule = parse_schedule("monday 09:00 Europe/Copenhagen", default_timezone="UTC")
    with database.sessions() as session:
        view = subscribe(
            session,
            team_id="T1",
            enterprise_id=None,
            channel_id="C1",
            user_id="U1",
            schedule=schedule,
            now=NOW,
            language="da",
        )
        assert view.language == "da"
        assert view.describe_schedule("da") == "hver mandag kl. 09:00 (tid i København)"
        assert view.describe_schedule("sv") == "varje måndag kl. 09:00 (tid i Köpenhamn)"
        found = describe(session, team_id="T1", channel_id="C1", now=NOW)
        assert found is not None
        assert found.post_language == "da"
        previewed = preview(session, kb=kb, team_id="T1", channel_id="C1")
        assert previewed is not None
        assert "Medicon Valley-spotlight" in previewed[1].blocks[0]["text"]["text"]
        lines = found.lines("sv")
        assert lines[0].startswith(":sparkles: Den här kanalen får")
        assert "Inlägg på danska." in lines[0]
        assert lines[1].startswith("Nästa spotlight: måndag den 14 december kl. 09:00")
        again = subscribe(
            session,
            team_id="T1",
            enterprise_id=None,
            channel_id="C1",
            user_id="U1",
            schedule=schedule,
            now=NOW,
            language=None,
        )
        assert again.language is None
        assert again.post_language == "en"


@pytest.mark.parametrize("language", ["da", "sv"])
def test_the_modal_speaks_the_person_language_and_offers_the_post_language(
    language: str,
) -> None:
    view = spotlight_view(
        channel_id="C1",
        timezone="Europe/Copenhagen",
        default_timezone="UTC",
        language=language,
        posts_in="sv",
    )
    titles = {"da": "Ugentlig spotlight", "sv": "Spotlight varje vecka"}
    assert view["title"]["text"] == titles[language]
    assert len(view["title"]["text"]) <= 24
    assert len(view["submit"]["text"]) <= 24
    block = next(b for b in view["blocks"] if b.get("block_id") == LANGUAGE_BLOCK)
    assert block["element"]["initial_option"]["value"] == "sv"
    assert [o["value"] for o in block["element"]["options"]] == ["auto", "en", "da", "sv"]
    days = next(b for b in view["blocks"] if b.get("block_id") == "spotlight_weekday")
    monday = {"da": "Mandag", "sv": "Måndag"}[language]
    assert days["element"]["options"][0]["text"]["text"] == monday
    values = {
        "spotlight_channel": {"value": {"selected_conversation": "C1"}},
        "spotlight_weekday": {"value": {"selected_option": {"value": "0"}}},
        "spotlight_time": {"value": {"selected_time": "09:00"}},
        "spotlight_timezone": {"value": {"selected_option": {"value": "Europe/Copenhagen"}}},
        LANGUAGE_BLOCK: {"value": {"selected_option": {"value": "da"}}},
    }
    assert read_spotlight_choice(values, default_timezone="UTC").language == "da"
    values[LANGUAGE_BLOCK] = {"value": {"selected_option": {"value": "auto"}}}
    assert read_spotlight_choice(values, default_timezone="UTC").language is None


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "I read two days in ‘monday tuesday’"),
        ("da", "Jeg læste to dage i ‘monday tuesday’"),
        ("sv", "Jag läste två dagar i ‘monday tuesday’"),
    ],
)
def test_a_schedule_error_is_said_in_the_person_language(language: str, said: str) -> None:
    with pytest.raises(ScheduleError) as raised:
        parse_schedule("monday tuesday", default_timezone="UTC")
    assert localise(raised.value.args[0], language).startswith(said)
