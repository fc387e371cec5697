"""The locale machinery: catalogs complete and compiled, placeholders that match, CLDR formats,
and phrases that are English for every caller yet translatable when rendered."""

from __future__ import annotations

from datetime import date
from importlib.resources import files

import pytest
from babel.messages.catalog import Catalog

from bot.answers import phrases
from bot.answers.locale import (
    TRANSLATED,
    Composed,
    Phrase,
    format_day,
    format_names,
    format_number,
    gettext_for,
    language_or_english,
    localise,
    localise_code,
)
from bot.answers.locale.catalogs import Message, check, entry_problems, messages, placeholders


def test_every_message_has_a_danish_and_a_swedish_translation_compiled_and_shipped() -> None:
    assert check() == []
    for language in TRANSLATED:
        shipped = files("bot") / "answers" / "locale" / language / "LC_MESSAGES" / "medicon.mo"
        assert shipped.is_file()


@pytest.mark.parametrize("language", TRANSLATED)
def test_each_translation_keeps_the_placeholders_of_its_message(language: str) -> None:
    gettext, ngettext = gettext_for(language)
    for message in messages():
        if message.plural:
            for n in (1, 2, 5):
                said = ngettext(message.msgid, message.plural, n)
                assert placeholders(said) <= placeholders(message.plural), said
        else:
            said = gettext(message.msgid)
            assert placeholders(said) == placeholders(message.msgid), said
            assert said != message.msgid or _same_in_both(message.msgid), said


def _same_in_both(msgid: str) -> bool:
    """Ids whose translation may equal the English (a pattern of names, a shared word)."""
    return not any(c.isalpha() for c in msgid.replace("{", " ").split("}")[-1]) or msgid in {
        "Status",
        "Type",
        "Hospital",
        "Organisation",
        "Programme",
        "Infrastructure",
        "Active",
        "University",
    }


def test_the_check_catches_a_missing_translation_and_a_wrong_placeholder() -> None:
    catalog = Catalog(locale="da")
    catalog.add("{label} is in {place}.", "{label} ligger i {sted}.")
    catalog.add("Host", "")
    wrong = entry_problems(catalog, Message("{label} is in {place}.", None, "x"), "da")
    missing = entry_problems(catalog, Message("Host", None, "x"), "da")
    absent = entry_problems(catalog, Message("Fields", None, "x"), "da")
    assert wrong
    assert "placeholders" in wrong[0]
    assert missing == ["da: no translation of 'Host' (x)"]
    assert absent == ["da: no translation of 'Fields' (x)"]


def test_phrases_are_english_text_for_every_caller() -> None:
    said = phrases.FOUNDED_IN.format(label="LUDC", year=2006, note="")
    assert said == "LUDC was founded in 2006."
    assert type(said) is Composed
    longer = said + " More."
    assert longer == "LUDC was founded in 2006. More."
    assert isinstance(longer, Composed)
    assert localise(longer, "en") == "LUDC was founded in 2006. More."
    assert type(localise(longer, "en")) is str


def test_composed_text_is_said_again_in_danish_and_swedish_with_names_as_written() -> None:
    said = phrases.NOT_RECORDED.format(asked=phrases.ASKED_ROLE["host"], name="Steno Diabetes")
    caveat = " " + phrases.SUCCESSOR.format(label="Lund University Diabetes Centre")
    assert localise(said, "da") == "Vidensbasen oplyser ikke, hvem der er vært for Steno Diabetes."
    assert localise(said, "sv") == "Kunskapsbasen anger inte vem som är värd för Steno Diabetes."
    assert localise(caveat, "sv") == " Efterträdare: Lund University Diabetes Centre."
    assert localise("A sourced statement, as written.", "da") == "A sourced statement, as written."


def test_plurals_follow_the_number() -> None:
    one = phrases.CENTRES_IN_FIELD.format(count=1)
    many = phrases.CENTRES_IN_FIELD.format(count=1234)
    assert localise(one, "da") == "Den har 1 center eller program inden for feltet."
    assert localise(many, "da") == "Den har 1.234 centre og programmer inden for feltet."
    assert localise(many, "sv") == "Den har 1\xa0234 centrum och program inom området."


def test_numbers_days_and_lists_are_written_the_cldr_way() -> None:
    assert [format_number(12345.6, lang) for lang in ("en", "da", "sv")] == [
        "12,345.6",
        "12.345,6",
        "12\xa0345,6",
    ]
    assert format_day(date(2027, 1, 1), "da") == "1. januar 2027"
    assert format_day(date(2027, 1, 1), "sv") == "1 januari 2027"
    names = ["Lund", "Malmö", "Copenhagen"]
    assert format_names(names, "da") == "Lund, Malmö og Copenhagen"
    assert format_names(names, "sv") == "Lund, Malmö och Copenhagen"


def test_code_composed_english_is_read_by_shape_and_years_stay_years() -> None:
    text = "LUDC in 1990; Steno (more than 4,002 people, as of 2022)"
    assert localise_code(text, "others", "da") == (
        "LUDC i 1990; Steno (mere end 4.002 people, pr. 2022)"
    )
    assert localise_code("founded 1990", "value", "sv") == "grundår 1990"
    assert localise_code(text, "label", "da") == text  # a name is never touched


def test_a_tag_maps_to_a_language_and_anything_else_to_english() -> None:
    assert language_or_english("da-DK") == "da"
    assert language_or_english("sv_SE") == "sv"
    assert language_or_english("en-US") == "en"
    assert language_or_english("nb") == "en"
    assert language_or_english(None) == "en"


def test_phrase_formatting_refuses_positional_fields() -> None:
    with pytest.raises(TypeError):
        Phrase("{0} and {1}").format("a", "b")
