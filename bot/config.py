"""Settings from the environment, validated once at start. Nothing else reads ``os.environ``.

A missing or malformed variable becomes one :class:`ConfigurationError` naming the variable,
which the CLI prints as a single line before exiting non-zero.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    SecretStr,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from bot.errors import ConfigurationError
from bot.knowledge.location import default_data_dir

__all__ = ["ENVIRONMENT_VARIABLES", "Settings", "load_settings"]


def _timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(
            f"unknown timezone '{name}' (use a name like Europe/Copenhagen)"
        ) from error
    return name


def _token(prefix: str) -> AfterValidator:
    def check(value: SecretStr) -> SecretStr:
        if not value.get_secret_value().startswith(prefix):
            raise ValueError(f"should start with '{prefix}'")
        return value

    return AfterValidator(check)


class Settings(BaseModel):
    """Everything configurable, with the defaults an offline first run needs."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    slack_bot_token: Annotated[SecretStr, _token("xoxb-")] | None = None
    slack_signing_secret: SecretStr | None = None
    slack_app_token: Annotated[SecretStr, _token("xapp-")] | None = None
    slack_client_id: Annotated[str, StringConstraints(pattern=r"^[0-9]+\.[0-9]+$")] | None = None
    slack_client_secret: SecretStr | None = None
    oauth_state_seconds: Annotated[int, Field(ge=60, le=3600)] = 600
    slack_api_url: HttpUrl = HttpUrl("https://slack.com/api/")
    database_url: str = Field(
        default_factory=lambda: f"sqlite:///{Path.cwd() / 'medicon-bot.sqlite3'}"
    )
    data_dir: Path = Field(default_factory=default_data_dir)
    timezone: Annotated[str, AfterValidator(_timezone)] = "Europe/Copenhagen"
    port: Annotated[int, Field(ge=1, le=65535)] = 3000
    web_concurrency: Annotated[int, Field(ge=1, le=64)] = 2
    posts_per_minute: Annotated[int, Field(ge=1, le=6000)] = 180
    """Spotlight posts per minute per workspace, shared by every clock and run-due."""
    log_level: str = "INFO"
    record_questions: bool = True
    table_blocks: bool = True
    """Show ``stats`` and centre lists as Block Kit tables in messages (false: sections only)."""
    """Remember unanswered questions (no user ids) and count questions per day."""
    question_retention_days: Annotated[int, Field(ge=1, le=3650)] = 180
    editors: tuple[Annotated[str, StringConstraints(pattern=r"^[UW][A-Z0-9]{2,31}$")], ...] = ()
    """Slack user ids who see the editors' summary in their App Home."""
    editors_channel: Annotated[str, StringConstraints(pattern=r"^[CG][A-Z0-9]{2,31}$")] | None = (
        None
    )
    """Where suggested additions are posted for editors to follow up."""
    public_url: HttpUrl | None = None
    """This deployment's public https base URL: the editors' chart is served under it."""

    @field_validator("editors", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(",") if part.strip())
        return value

    @field_validator("database_url")
    @classmethod
    def _sqlalchemy_url(cls, value: str) -> str:
        """Heroku-style ``postgres://`` → SQLAlchemy's ``postgresql+psycopg://``."""
        for prefix in ("postgres://", "postgresql://"):
            if value.startswith(prefix):
                return "postgresql+psycopg://" + value.removeprefix(prefix)
        if not value.startswith(("sqlite:", "postgresql+psycopg://")):
            raise ValueError("use a postgres://, postgresql:// or sqlite:/// URL")
        return value

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise ValueError("use DEBUG, INFO, WARNING or ERROR")
        return level

    @model_validator(mode="after")
    def _oauth_pair(self) -> Settings:
        if (self.slack_client_id is None) != (self.slack_client_secret is None):
            missing = (
                "slack_client_secret" if self.slack_client_secret is None else "slack_client_id"
            )
            raise ValueError(
                f"{missing}: set both SLACK_CLIENT_ID and SLACK_CLIENT_SECRET, or neither"
            )
        return self

    @property
    def oauth_enabled(self) -> bool:
        """Multi-workspace mode: "Add to Slack" installs, each workspace with its own token."""
        return self.slack_client_id is not None and self.slack_client_secret is not None

    @property
    def slack_configured(self) -> bool:
        """True when the bot can take HTTP requests: a signing secret and a source of tokens."""
        has_token = self.slack_bot_token is not None or self.oauth_enabled
        return has_token and self.slack_signing_secret is not None

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def require_slack(self, *, socket_mode: bool = False) -> None:
        """Raise ConfigurationError naming the first Slack variable this mode still needs."""
        if socket_mode:
            needed = ["slack_bot_token", "slack_app_token"]
        elif self.oauth_enabled:
            needed = ["slack_signing_secret"]
        else:
            needed = ["slack_bot_token", "slack_signing_secret"]
        for setting in needed:
            if getattr(self, setting) is None:
                variable = next(v for v, s in ENVIRONMENT_VARIABLES.items() if s == setting)
                raise ConfigurationError(f"{variable}: required to connect to Slack")


ENVIRONMENT_VARIABLES: Mapping[str, str] = {
    "SLACK_BOT_TOKEN": "slack_bot_token",
    "SLACK_SIGNING_SECRET": "slack_signing_secret",
    "SLACK_APP_TOKEN": "slack_app_token",
    "SLACK_CLIENT_ID": "slack_client_id",
    "SLACK_CLIENT_SECRET": "slack_client_secret",
    "MEDICON_OAUTH_STATE_SECONDS": "oauth_state_seconds",
    "SLACK_API_URL": "slack_api_url",
    "DATABASE_URL": "database_url",
    "MEDICON_DATA_DIR": "data_dir",
    "MEDICON_TIMEZONE": "timezone",
    "PORT": "port",
    "WEB_CONCURRENCY": "web_concurrency",
    "MEDICON_POSTS_PER_MINUTE": "posts_per_minute",
    "LOG_LEVEL": "log_level",
    "MEDICON_RECORD_QUESTIONS": "record_questions",
    "MEDICON_TABLE_BLOCKS": "table_blocks",
    "MEDICON_QUESTION_RETENTION_DAYS": "question_retention_days",
    "MEDICON_EDITORS": "editors",
    "MEDICON_EDITORS_CHANNEL": "editors_channel",
    "MEDICON_PUBLIC_URL": "public_url",
}
"""Environment variable → setting. Empty values count as unset."""


def load_settings(environ: Mapping[str, str], **overrides: object) -> Settings:
    """Settings from ``environ`` (normally ``os.environ``); ``overrides`` win (CLI flags).

    Raises ConfigurationError naming the first bad variable and what is wrong with it.
    """
    values: dict[str, object] = {
        setting: environ[variable]
        for variable, setting in ENVIRONMENT_VARIABLES.items()
        if environ.get(variable, "").strip()
    }
    values.update({key: value for key, value in overrides.items() if value is not None})
    try:
        return Settings.model_validate(values)
    except ValidationError as error:
        detail = error.errors(include_url=False)[0]
        message = detail["msg"].removeprefix("Value error, ")
        setting = str(detail["loc"][0]) if detail["loc"] else ""
        if not setting and ": " in message:  # a rule across settings names its own setting
            setting, message = message.split(": ", 1)
        variable = next((v for v, s in ENVIRONMENT_VARIABLES.items() if s == setting), setting)
        raise ConfigurationError(f"{variable}: {message}") from None
