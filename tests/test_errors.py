"""One error tree: every exception the bot defines lives in ``bot.errors`` under MediconBotError,
is documented there (in the tree its module draws and on the class), and says something a
person can act on where a person reads it."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from types import ModuleType

import pytest

import bot
import bot.errors as errors
import handlers
from bot.config import load_settings
from bot.errors import (
    ConfigurationError,
    KnowledgeBaseError,
    MediconBotError,
    Problem,
    ScheduleError,
    SpotlightChoiceError,
)
from bot.slack.surface import SPOTLIGHT_CHANNEL_BLOCK, SPOTLIGHT_TIME_BLOCK
from bot.slack.views.spotlight import read_spotlight_choice
from bot.spotlights import parse_schedule


def _modules(package: ModuleType) -> list[ModuleType]:
    """Every module of ``package`` (migrations are scripts Alembic loads, not modules)."""
    found = [package]
    for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        if ".migrations." not in info.name and not info.name.endswith(".__main__"):
            found.append(importlib.import_module(info.name))
    return found


def _tree(root: type[BaseException]) -> list[type[BaseException]]:
    below = [root]
    for child in root.__subclasses__():
        below += _tree(child)
    return below


def _defined_exceptions() -> list[type[BaseException]]:
    return [
        value
        for module in [*_modules(bot), *_modules(handlers)]
        for value in vars(module).values()
        if inspect.isclass(value)
        and issubclass(value, BaseException)
        and value.__module__ == module.__name__
    ]


def test_every_exception_the_bot_defines_is_in_the_one_tree_in_bot_errors() -> None:
    defined = set(_defined_exceptions())
    assert defined  # the walk found them at all
    assert {cls.__module__ for cls in defined} == {"bot.errors"}
    assert defined == {cls for cls in _tree(MediconBotError) if cls.__module__.startswith("bot")}


def test_the_tree_is_drawn_and_every_class_documented() -> None:
    drawn = errors.__doc__ or ""
    exceptions = [
        getattr(errors, name)
        for name in errors.__all__
        if inspect.isclass(getattr(errors, name))
        and issubclass(getattr(errors, name), BaseException)
    ]
    assert set(exceptions) == set(_tree(MediconBotError))
    for cls in exceptions:
        assert f" {cls.__name__} " in drawn, f"{cls.__name__} is not in the drawn tree"
        assert (cls.__doc__ or "").strip(), f"{cls.__name__} has no docstring"
        drawn_parent = cls.__mro__[1].__name__
        if cls is not MediconBotError:
            # the drawing's indentation puts each class under its base
            lines = drawn.splitlines()
            at = next(n for n, line in enumerate(lines) if f" {cls.__name__} " in line)
            above = [line for line in lines[:at] if drawn_parent in line]
            assert above, f"{cls.__name__} is not drawn under {drawn_parent}"


@pytest.mark.parametrize(
    "package",
    ["bot.spotlights", "bot.spotlights.errors", "bot.knowledge", "bot.knowledge.problems"],
)
def test_the_packages_that_raise_them_name_the_same_classes(package: str) -> None:
    module = importlib.import_module(package)
    for name in module.__all__:
        value = getattr(module, name)
        if inspect.isclass(value) and issubclass(value, BaseException):
            assert value is getattr(errors, name)


def test_a_slack_user_reads_a_correction_for_a_schedule_that_is_none() -> None:
    with pytest.raises(ScheduleError) as raised:
        parse_schedule("fortnightly at teatime", default_timezone="Europe/Copenhagen")
    said = str(raised.value)
    assert said
    assert "Traceback" not in said
    assert "subscribe" in said or "Monday" in said or "09:00" in said  # it shows a way that works


def test_a_slack_user_reads_what_to_fix_on_each_field_of_the_settings_modal() -> None:
    with pytest.raises(SpotlightChoiceError) as raised:
        read_spotlight_choice({}, default_timezone="Europe/Copenhagen")
    assert SPOTLIGHT_CHANNEL_BLOCK in raised.value.errors
    assert SPOTLIGHT_TIME_BLOCK in raised.value.errors
    assert all(message.strip() for message in raised.value.errors.values())


def test_an_operator_reads_the_variable_and_the_file_and_line() -> None:
    with pytest.raises(ConfigurationError) as configured:
        load_settings({"DATABASE_URL": "sqlite:///x.sqlite3", "LOG_LEVEL": "LOUD"})
    assert "LOG_LEVEL" in str(configured.value)
    problem = Problem(file="centres.yaml", line=12, path="centres[3].city", message="required")
    said = str(KnowledgeBaseError([problem]))
    assert "centres.yaml:12: centres[3].city: required" in said
