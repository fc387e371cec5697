"""Buttons and selects: open a field or centre, share an answer, navigate the App Home, the
type-ahead menus, the spotlight set-up button, the welcome's example questions and the
suggested follow-ups under an answer."""

from __future__ import annotations

import re
from collections.abc import Callable

from slack_bolt import App

from bot.answers.render.render import OPEN_CENTRE, OPEN_FIELD
from bot.services import Services
from bot.slack.error_policy import acknowledge, guarded
from bot.slack.replies import HOME_BACK, OPEN_CENTRE_SELECT, SHARE
from bot.slack.surface import (
    ENTRY_SEARCH,
    FEEDBACK_HELPFUL,
    FEEDBACK_NOT_HELPFUL,
    FOLLOW_UP,
    HOME_ENTRY_SEARCH,
    HOME_LANGUAGE,
    SPOTLIGHT_SETUP,
    SUGGEST_ADDITION,
    WELCOME_QUESTION,
)
from handlers.actions.feedback import make_vote
from handlers.actions.follow_up import make_follow_up
from handlers.actions.home_back import make_home_back
from handlers.actions.home_language import make_home_language
from handlers.actions.open_entry import make_open_entry
from handlers.actions.search_choice import make_home_choice, make_search_choice
from handlers.actions.share import make_share
from handlers.actions.spotlight_setup import make_spotlight_setup
from handlers.actions.suggest import make_suggest_addition
from handlers.actions.welcome_question import make_welcome_question

__all__ = ["register"]


def register(app: App, services: Services) -> None:
    """Each click is acknowledged at once; the answer follows from a lazy listener."""
    listeners: dict[str | re.Pattern[str], Callable[..., None]] = {
        re.compile(rf"^{OPEN_FIELD}:"): make_open_entry(services, kind="field"),
        re.compile(rf"^{OPEN_CENTRE}:"): make_open_entry(services, kind="centre"),
        OPEN_CENTRE_SELECT: make_open_entry(services, kind="centre"),
        SHARE: make_share(services),
        HOME_BACK: make_home_back(services),
        FEEDBACK_HELPFUL: make_vote(services, helpful=True),
        FEEDBACK_NOT_HELPFUL: make_vote(services, helpful=False),
        SUGGEST_ADDITION: make_suggest_addition(services),
        ENTRY_SEARCH: make_search_choice(services),
        HOME_ENTRY_SEARCH: make_home_choice(services),
        HOME_LANGUAGE: make_home_language(services),
        SPOTLIGHT_SETUP: make_spotlight_setup(services),
        re.compile(rf"^{WELCOME_QUESTION}:"): make_welcome_question(services),
        re.compile(rf"^{FOLLOW_UP}:"): make_follow_up(services),
    }
    for action_id, listener in listeners.items():
        app.action(action_id)(ack=acknowledge, lazy=[guarded(listener)])
