"""Modal submissions: "what was missing?" after a "Not helpful" vote, suggested additions, the
spotlight settings and sharing a card from the search modal."""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services
from bot.slack.error_policy import guarded
from bot.slack.surface import NOT_HELPFUL_VIEW, SEARCH_VIEW, SPOTLIGHT_VIEW, SUGGESTION_VIEW
from handlers.views.missing import make_missing_submitted
from handlers.views.search_share import make_post_shared_card, make_share_submitted
from handlers.views.spotlight_settings import make_announce_spotlight, make_spotlight_submitted
from handlers.views.suggestion import make_post_to_editors, make_suggestion_submitted

__all__ = ["register"]


def register(app: App, services: Services) -> None:
    """Submissions are checked and stored before the modal closes (a bad URL is shown as a field
    error); the editors' channel hears of a suggestion afterwards."""
    app.view(NOT_HELPFUL_VIEW)(make_missing_submitted(services))
    app.view(SUGGESTION_VIEW)(
        ack=make_suggestion_submitted(services), lazy=[guarded(make_post_to_editors(services))]
    )
    app.view(SPOTLIGHT_VIEW)(
        ack=make_spotlight_submitted(services), lazy=[guarded(make_announce_spotlight(services))]
    )
    app.view(SEARCH_VIEW)(
        ack=make_share_submitted(services), lazy=[guarded(make_post_shared_card(services))]
    )
