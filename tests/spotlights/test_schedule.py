"""Reading schedules as people type them, and turning them into UTC slots across DST."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from bot.spotlights import Schedule, ScheduleError, parse_schedule
from bot.spotlights.schedule import city_of

CPH = "Europe/Copenhagen"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", Schedule(0, time(9, 0), CPH)),
        ("monday", Schedule(0, time(9, 0), CPH)),
        ("Tue 08:30", Schedule(1, time(8, 30), CPH)),
        ("friday 14:00 Europe/Stockholm", Schedule(4, time(14, 0), "Europe/Stockholm")),
        ("09:00", Schedule(0, time(9, 0), CPH)),
        ("WEDNESDAY 7:05", Schedule(2, time(7, 5), CPH)),
        ("thu 23:59 utc", Schedule(3, time(23, 59), "UTC")),
        ("sun 2pm", Schedule(6, time(14, 0), CPH)),
        ("fredag 14.30", Schedule(4, time(14, 30), CPH)),
        ("lördag 10:00 stockholm", Schedule(5, time(10, 0), "Europe/Stockholm")),
        ("europe/oslo 10:00 søndag", Schedule(6, time(10, 0), "Europe/Oslo")),
        ("mondays", Schedule(0, time(9, 0), CPH)),
    ],
)
def test_schedules_people_type_are_read(typed: str, expected: Schedule) -> None:
    assert parse_schedule(typed, default_timezone=CPH) == expected


def test_the_default_timezone_is_the_one_given() -> None:
    assert parse_schedule("", default_timezone="Europe/Stockholm").timezone == "Europe/Stockholm"


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("funday", "I couldn't read ‘funday’ as a day."),
        ("mondya 09:00", "I couldn't read ‘mondya’ as a day."),
        ("monday 25:00", "I couldn't read ‘25:00’ as a time of day"),
        ("monday 09:75", "I couldn't read ‘09:75’ as a time of day"),
        ("monday 9", "I couldn't read ‘9’ as a time of day"),
        ("monday 13pm", "I couldn't read ‘13pm’ as a time of day"),
        ("monday 09:00 Mars/Olympus", "I don't know the timezone ‘Mars/Olympus’"),
        ("monday 09:00 Europe/Copenhagn", "Did you mean Europe/Copenhagen?"),
        ("monday tuesday", "I read two days"),
        ("09:00 10:00", "I read two times"),
        ("utc europe/oslo", "I read two timezones"),
        ("monday 09:00 utc extra", "more than a day, a time, a timezone and a language"),
        ("monday <!channel>", "‘&lt;!channel&gt;’"),
    ],
)
def test_each_mistake_gets_a_friendly_correction_with_an_example(typed: str, says: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        parse_schedule(typed, default_timezone=CPH)
    message = str(caught.value)
    assert says in message
    assert "`/medicon subscribe monday 09:00 Europe/Copenhagen`" in message


def _utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_monday_nine_in_copenhagen_follows_the_october_2026_change() -> None:
    schedule = Schedule(0, time(9, 0), CPH)
    slots = [schedule.next_slot_after(_utc(2026, 10, 12, 12, 0))]
    for _ in range(2):
        slots.append(schedule.next_slot_after(slots[-1]))
    # Summer time (UTC+2) until Sunday 25 October 2026, then UTC+1.
    assert slots == [_utc(2026, 10, 19, 7, 0), _utc(2026, 10, 26, 8, 0), _utc(2026, 11, 2, 8, 0)]


def test_monday_nine_in_copenhagen_follows_the_march_2027_change() -> None:
    schedule = Schedule(0, time(9, 0), CPH)
    slots = [schedule.next_slot_after(_utc(2027, 3, 16, 0, 0))]
    for _ in range(2):
        slots.append(schedule.next_slot_after(slots[-1]))
    # Winter time (UTC+1) until Sunday 28 March 2027, then UTC+2.
    assert slots == [_utc(2027, 3, 22, 8, 0), _utc(2027, 3, 29, 7, 0), _utc(2027, 4, 5, 7, 0)]


def test_a_slot_is_due_from_its_instant_on_and_not_before() -> None:
    schedule = Schedule(0, time(9, 0), CPH)
    slot = _utc(2026, 10, 26, 8, 0)
    assert schedule.latest_slot_at_or_before(slot) == slot
    assert schedule.latest_slot_at_or_before(_utc(2026, 10, 26, 7, 59)) == _utc(2026, 10, 19, 7)
    assert schedule.next_slot_after(slot) == _utc(2026, 11, 2, 8, 0)


def test_a_time_skipped_by_spring_forward_lands_as_long_after_the_change() -> None:
    # 02:30 does not exist on 28 March 2027 in Copenhagen: it is read as 03:30 summer time.
    schedule = Schedule(6, time(2, 30), CPH)
    assert schedule.next_slot_after(_utc(2027, 3, 27, 0, 0)) == _utc(2027, 3, 28, 1, 30)


def test_a_time_that_happens_twice_in_autumn_is_the_first_of_the_two() -> None:
    schedule = Schedule(6, time(2, 30), CPH)
    first = _utc(2026, 10, 25, 0, 30)  # 02:30 summer time; 02:30 winter time is 01:30 UTC
    assert schedule.next_slot_after(_utc(2026, 10, 24, 0, 0)) == first
    assert schedule.latest_slot_at_or_before(_utc(2026, 10, 25, 1, 45)) == first
    assert schedule.next_slot_after(first) == _utc(2026, 11, 1, 1, 30)


def test_every_weekday_and_zone_gives_a_slot_on_that_local_weekday() -> None:
    now = _utc(2026, 12, 31, 23, 59)
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu", CPH):
        for weekday in range(7):
            slot = Schedule(weekday, time(0, 15), zone).next_slot_after(now)
            local = slot.astimezone(Schedule(weekday, time(0, 15), zone).zone)
            assert (local.weekday(), local.hour, local.minute) == (weekday, 0, 15)
            assert now < slot <= now + timedelta(days=7)


def test_city_names_come_from_the_zone() -> None:
    assert city_of("Europe/Copenhagen") == "Copenhagen"
    assert city_of("America/Argentina/Buenos_Aires") == "Buenos Aires"
    assert city_of("UTC") == "UTC"
