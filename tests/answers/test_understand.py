"""Text → Question, table-driven: intent, entities, filters and language in three languages."""

from __future__ import annotations

import pytest

from bot.answers import Intent, answer_question, outcome, render, understand
from bot.answers.understand.vocabulary import Signal
from bot.knowledge import CentreKind, EntryRef, KnowledgeBase, Status

FIELD = "field"
CENTRE = "centre"


@pytest.mark.parametrize(
    ("typed", "intent", "subject", "language"),
    [
        (
            "how many compounds for inflammation are in the pipeline?",
            Intent.COUNT,
            (FIELD, "inflammation"),
            "en",
        ),
        ("hvor mange diabetesvirksomheder er der?", Intent.COUNT, (FIELD, "diabetes"), "da"),
        ("hur många företag arbetar med diabetes?", Intent.COUNT, (FIELD, "diabetes"), "sv"),
        ("when was Rigshospitalet founded?", Intent.WHEN, (CENTRE, "rigshospitalet"), "en"),
        ("hvornår blev CBMR grundlagt?", Intent.WHEN, (CENTRE, "cbmr"), "da"),
        (
            "när grundades Lund Stem Cell Center?",
            Intent.WHEN,
            (CENTRE, "lund-stem-cell-center"),
            "sv",
        ),
        ("where is LUDC?", Intent.WHERE, (CENTRE, "ludc"), "en"),
        ("var ligger Wallenberg Neuroscience Center?", Intent.WHERE, (CENTRE, "wnc"), "sv"),
        ("who hosts CREATE Health?", Intent.WHO, (CENTRE, "create-health"), "en"),
        ("vem leder Wallenberg Neuroscience Center?", Intent.WHO, (CENTRE, "wnc"), "sv"),
        ("is DanStem still active?", Intent.STATUS, (CENTRE, "danstem"), "en"),
        ("what replaced DanStem?", Intent.STATUS, (CENTRE, "danstem"), "en"),
        ("what is CBMR?", Intent.WHAT, (CENTRE, "cbmr"), "en"),
        (
            "what does the Lund Stem Cell Center work on?",
            Intent.WHAT,
            (CENTRE, "lund-stem-cell-center"),
            "en",
        ),
        ("hvad er LUDC?", Intent.WHAT, (CENTRE, "ludc"), "da"),
        ("tell me about LUDC", Intent.ABOUT, (CENTRE, "ludc"), "en"),
        ("who does epilepsy research?", Intent.LIST, (FIELD, "neuroscience"), "en"),
        ("which field has the most compounds in the pipeline?", Intent.COMPARE, None, "en"),
        ("kræftforskning", Intent.LOOKUP, (FIELD, "cancer"), "da"),
        ("stamcelleterapi", Intent.LOOKUP, (FIELD, "stem-cells"), "en"),
        ("hjärnforskning", Intent.LOOKUP, (FIELD, "neuroscience"), "sv"),
        ("diabetesforskare", Intent.LOOKUP, (FIELD, "diabetes"), "en"),
        ("insulin", Intent.LOOKUP, (FIELD, "diabetes"), "en"),
        ("dementia", Intent.LOOKUP, (FIELD, "neuroscience"), "en"),
        ("probiotics", Intent.LOOKUP, (FIELD, "microbiome"), "en"),
        ("blood cancer", Intent.LOOKUP, (FIELD, "cancer"), "en"),
        ("LUDC", Intent.LOOKUP, (CENTRE, "ludc"), "en"),
        ("rigshospitalt", Intent.LOOKUP, (CENTRE, "rigshospitalet"), "en"),
        ("hej med dig", Intent.GREETING, None, "da"),
        ("hej", Intent.GREETING, None, "en"),  # both languages': the reader's choice decides
        ("tack så mycket", Intent.THANKS, None, "sv"),
        ("what can you do?", Intent.HELP, None, "en"),
        ("help", Intent.HELP, None, "en"),
        ("fields", Intent.FIELDS, None, "en"),
        ("which research fields are there?", Intent.FIELDS, None, "en"),
        ("hvor mange forskningsområder er der?", Intent.FIELDS, None, "da"),
        ("give me the numbers", Intent.STATS, None, "en"),
        ("stats", Intent.STATS, None, "en"),
        ("search epilepsy Lund", Intent.SEARCH, None, "en"),
        ("Karolinska Institutet", Intent.OUTSIDE, None, "en"),
    ],
)
def test_intent_subject_and_language(
    kb: KnowledgeBase,
    typed: str,
    intent: Intent,
    subject: tuple[str, str] | None,
    language: str,
) -> None:
    question = understand(kb, typed)
    assert question.intent is intent, question
    assert question.subject == (EntryRef(*subject) if subject else None)  # type: ignore[arg-type]
    assert question.language == language


@pytest.mark.parametrize(
    ("typed", "field", "city", "country", "kind", "status"),
    [
        (
            "which centres do stem-cell research in Copenhagen?",
            "stem-cells",
            "copenhagen",
            None,
            None,
            None,
        ),
        ("which centres work on diabetes in Sweden?", "diabetes", None, "SE", None, None),
        ("hospitals in Copenhagen", None, "copenhagen", None, CentreKind.HOSPITAL, None),
        ("which centres have closed?", None, None, None, None, Status.ENDED),
        ("vilka centrum har lagts ner?", None, None, None, None, Status.ENDED),
        (
            "hvilke hospitaler er der i København?",
            None,
            "copenhagen",
            None,
            CentreKind.HOSPITAL,
            None,
        ),
        ("centres in Lund", None, "lund", None, None, None),
    ],
)
def test_list_filters(
    kb: KnowledgeBase,
    typed: str,
    field: str | None,
    city: str | None,
    country: str | None,
    kind: CentreKind | None,
    status: Status | None,
) -> None:
    question = understand(kb, typed)
    assert question.intent is Intent.LIST, question
    filters = question.filters
    assert (filters.field, filters.city, filters.country, filters.kind, filters.status) == (
        field,
        city,
        country,
        kind,
        status,
    )


@pytest.mark.parametrize(
    ("typed", "role"),
    [
        ("who hosts CREATE Health?", Signal.HOST),
        ("who runs LUDC?", Signal.HOST),
        ("who leads CBMR?", Signal.LEAD),
        ("hvem leder LUDC?", Signal.LEAD),
        ("who funds CINS?", Signal.FUNDER),
        ("who founded the Epilepsy Center?", Signal.FOUNDER),
        ("when did DanStem close?", Signal.ENDED),
    ],
)
def test_roles(kb: KnowledgeBase, typed: str, role: Signal) -> None:
    assert understand(kb, typed).role is role


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("'; DROP TABLE centres; --", "out-of-domain"),
        ("<!here>", "garbage"),
        ("🙂🙂🙂", "garbage"),
        ('Traceback (most recent call last): File "x.py", line 1, in <module>', "out-of-domain"),
        ("what's the stock price of Novo Nordisk", "out-of-domain"),
        ("is Silicon Valley bigger than Medicon Valley?", "out-of-domain"),
        ("what's the best cancer treatment?", "out-of-domain"),
        ("can you diagnose my diabetes?", "out-of-domain"),
        ("book a meeting with LUDC", "out-of-domain"),
        ("how do I cook pasta?", "out-of-domain"),
        ("what's the weather in Lund?", "out-of-domain"),
        ("how many people live in Tokyo?", "out-of-domain"),
        ("Mayo Clinic", "not-in-kb"),
        ("where is CERN?", "not-in-kb"),
    ],
)
def test_what_it_does_not_know(kb: KnowledgeBase, typed: str, reason: str) -> None:
    question = understand(kb, typed)
    assert question.intent is Intent.UNKNOWN
    assert question.reason == reason
    result = outcome(answer_question(kb, typed))
    assert (result.kind, result.subjects) == ("declined", ())


@pytest.mark.parametrize(
    ("typed", "facts"),
    [
        ("how many compounds for inflammation are in the pipeline?", ["over 45", "undated"]),
        ("when was Rigshospitalet founded?", ["1757"]),
        ("where is LUDC?", ["Malmö and Lund, Sweden"]),
        ("is DanStem still active?", ["ended", "reNEW"]),
        ("which field has the most compounds in the pipeline?", ["Cancer", "over 75"]),
        ("hvor mange diabetesvirksomheder er der?", ["more than 10"]),
    ],
)
def test_direct_answers_lead_with_the_fact(kb: KnowledgeBase, typed: str, facts: list[str]) -> None:
    answer = answer_question(kb, typed)
    assert outcome(answer).kind == "direct"
    text = render(answer).text
    for fact in facts:
        assert fact in text, text


def test_a_missing_fact_is_said_honestly_and_offers_the_card(kb: KnowledgeBase) -> None:
    answer = answer_question(kb, "who funds Rigshospitalet?")
    message = render(answer)
    result = outcome(answer)
    assert result.subjects[:1] == (EntryRef("centre", "rigshospitalet"),)
    if result.kind == "declined":
        assert "does not record" in message.text
    buttons = [
        element["action_id"]
        for block in message.blocks
        if block["type"] == "actions"
        for element in block["elements"]
    ]
    assert "open_centre:rigshospitalet" in buttons


def test_understanding_is_a_pure_function_of_text(kb: KnowledgeBase) -> None:
    assert understand(kb, "who leads CBMR?") == understand(kb, "who leads CBMR?")


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("Novo Nordisk", "card"),  # a company of the knowledge base since issue 18
        ("what is Baxter?", "declined"),  # named once, in Gambro's history: not an entry
        ("Daiichi Sankyo", "direct"),  # named in one statement (COBIS's tenant): that statement
        ("what's the population of Denmark?", "declined"),
        ("search novo nordisk", "search"),
        ("what is the population of Medicon Valley?", "direct"),
    ],
)
def test_words_that_appear_in_entries_are_not_taken_for_answers(
    kb: KnowledgeBase, typed: str, kind: str
) -> None:
    assert outcome(answer_question(kb, typed)).kind == kind


@pytest.mark.parametrize(
    ("typed", "intent", "subject"),
    [
        ("how meny compounds in cancer", Intent.COUNT, ("field", "cancer")),
        ("wen was CBMR founded", Intent.WHEN, ("centre", "cbmr")),
        ("hwo hosts LUDC", Intent.WHO, ("centre", "ludc")),
        ("CBMR please", Intent.LOOKUP, ("centre", "cbmr")),
        ("CBMR's founder", Intent.WHEN, ("centre", "cbmr")),
        ("what research does CNSR do?", Intent.WHAT, ("centre", "cnsr")),
    ],
)
def test_misspelt_question_words_and_filler_around_a_name(
    kb: KnowledgeBase, typed: str, intent: Intent, subject: tuple[str, str]
) -> None:
    question = understand(kb, typed)
    assert question.intent is intent
    assert question.subject == EntryRef(*subject)  # type: ignore[arg-type]
    assert question.closest_to is None or intent is not Intent.LOOKUP


@pytest.mark.parametrize(
    ("typed", "fact"),
    [
        ("what is LUDC's website?", "https://www.ludc.lu.se/"),
        ("hvad er LUDC's hjemmeside?", "https://www.ludc.lu.se/"),
        ("how old is Rigshospitalet?", "1757"),
        ("since when does MVA exist?", "1997"),
    ],
)
def test_more_ways_to_ask_for_a_fact(kb: KnowledgeBase, typed: str, fact: str) -> None:
    answer = answer_question(kb, typed)
    assert outcome(answer).kind == "direct"
    assert fact in render(answer).text


def test_understanding_from_many_threads_at_once_gives_the_same_answers(kb: KnowledgeBase) -> None:
    """Web workers answer on several threads; the stemmers and caches are shared."""
    from concurrent.futures import ThreadPoolExecutor

    texts = [
        "hvor mange diabetesvirksomheder er der?",
        "stamcelleterapi",
        "hjärnforskningen i Lund",
        "vem leder Wallenberg Neuroscience Center?",
        "kræftforskningscentre i København",
        "which centres have closed?",
    ] * 20
    expected = [understand(kb, text) for text in texts]
    with ThreadPoolExecutor(max_workers=6) as pool:
        found = list(pool.map(lambda text: understand(kb, text), texts))
    assert found == expected


@pytest.mark.parametrize(
    "typed", ["which field has the most companies?", "hvilket felt har færrest virksomheder?"]
)
def test_a_ranking_compares_like_with_like(kb: KnowledgeBase, typed: str) -> None:
    """A share (Europe-wide 23% of venture money) is never ranked against counts of companies."""
    answer = answer_question(kb, typed)
    assert outcome(answer).kind == "direct"
    text = render(answer).text
    assert "companies" in text
    assert "%" not in text, text
