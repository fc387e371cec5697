"""When the database refuses to store an installation (or an install link's state), the person
installing sees a page that says so and what to do, never a bare 500; once the database is
back, installing works. On SQLite and PostgreSQL, whose triggers play the failing database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlencode

from sqlalchemy import create_engine, text

from tests.support.oauth_flow import get, install, oauth_answer, start_install
from tests.support.slack_stand_in import SlackStandIn
from tests.support.web_process import WebProcess


@contextmanager
def refusing_inserts(db_url: str, table: str) -> Iterator[None]:
    """Every INSERT into ``table`` fails, as on a full disk, until the block ends."""
    engine = create_engine(db_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(
                text(
                    "CREATE FUNCTION refuse_insert() RETURNS trigger LANGUAGE plpgsql AS "
                    "$$ BEGIN RAISE EXCEPTION 'could not extend file: no space left'; END $$"
                )
            )
            connection.execute(
                text(
                    f"CREATE TRIGGER refuse BEFORE INSERT ON {table} "
                    "FOR EACH ROW EXECUTE FUNCTION refuse_insert()"
                )
            )
        else:
            connection.execute(
                text(
                    f"CREATE TRIGGER refuse BEFORE INSERT ON {table} "
                    "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
                )
            )
    try:
        yield
    finally:
        with engine.connect() as connection:
            if engine.dialect.name == "postgresql":
                connection.execute(text(f"DROP TRIGGER refuse ON {table}"))
                connection.execute(text("DROP FUNCTION refuse_insert()"))
            else:
                connection.execute(text("DROP TRIGGER refuse"))
        engine.dispose()


def test_an_installation_that_cannot_be_saved_shows_the_could_not_be_saved_page(
    web: WebProcess, stand_in: SlackStandIn, db_url: str
) -> None:
    with refusing_inserts(db_url, "slack_installations"):
        state, cookie, _ = start_install(web)
        stand_in.respond_with("oauth.v2.access", oauth_answer("T0FULL", "xoxb-team-full"), times=1)
        query = urlencode({"code": "code-full", "state": state})
        status, headers, page = get(f"{web.base_url}/slack/oauth_redirect?{query}", cookie=cookie)
    assert status == 503
    assert headers["Content-Type"].startswith("text/html")
    assert "The installation could not be saved" in page
    assert "try again in a moment" in page
    assert "Traceback" not in page
    # The log has the cause, with the failed statement's parameters (the token) redacted.
    log = web.log_text()
    assert "installation failed: storage_error" in log
    assert "xoxb-team-full" not in log
    assert "xoxb-***" in log
    # With the database back, the same workspace installs.
    assert "Medicon Bot is installed" in install(
        web, stand_in, team_id="T0FULL", token="xoxb-team-full"
    )


def test_an_install_link_that_cannot_be_issued_shows_a_page(
    web: WebProcess, stand_in: SlackStandIn, db_url: str
) -> None:
    with refusing_inserts(db_url, "slack_oauth_states"):
        status, _, page = get(f"{web.base_url}/slack/install")
    assert status == 503
    assert "Installing is not possible right now" in page
    assert "Traceback" not in page
    status, _, page = get(f"{web.base_url}/slack/install")
    assert status == 200
    assert "Add to Slack" in page
