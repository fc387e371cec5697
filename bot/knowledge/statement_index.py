"""Full-text search over the knowledge base's statements, with SQLite's FTS5.

Why FTS5: it ships inside Python's own ``sqlite3`` (no new dependency, no native build), it is
maintained with SQLite itself, and its BM25 ranking over a few thousand short sentences answers
in well under a millisecond. Stemming is ours: every word goes through the same Snowball stems
(English, Danish, Swedish) as the questions do, and the index holds those stems, so
``stamceller``, ``stem cells`` and ``stem-cell`` meet.

The index is built once, when the knowledge base loads, in a private in-memory database; it is
read-only afterwards and queries are serialised on one connection (each takes microseconds).
"""

from __future__ import annotations

import math
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.knowledge.index import EntryRef
from bot.knowledge.statements import KnownStatement

__all__ = ["StatementHit", "StatementIndex"]


@dataclass(frozen=True)
class StatementHit:
    """A statement that shares stems with a question, and how well."""

    statement: KnownStatement
    relevance: float
    """BM25 relevance (higher is better) of the statement for the stems searched."""
    covered: frozenset[str]
    """The searched stems the statement contains."""


class StatementIndex:
    """BM25 over statement stems, optionally restricted to statements about some entries."""

    def __init__(self, statements: Sequence[KnownStatement]) -> None:
        self.statements = tuple(statements)
        self.vocabulary: frozenset[str] = frozenset().union(*(s.stems for s in self.statements))
        """Every stem some statement uses."""
        frequency: dict[str, int] = {}
        for statement in self.statements:
            for stem_ in statement.stems:
                frequency[stem_] = frequency.get(stem_, 0) + 1
        total = len(self.statements) or 1
        self._idf = {
            stem_: math.log(1 + (total - count + 0.5) / (count + 0.5))
            for stem_, count in frequency.items()
        }
        self._top_weight = max(self._idf.values(), default=1.0)  # once: asked per word
        self._by_entry: dict[EntryRef, list[KnownStatement]] = {}
        for statement in self.statements:
            for ref in statement.about:
                self._by_entry.setdefault(ref, []).append(statement)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute("CREATE VIRTUAL TABLE said USING fts5(stems, tokenize='unicode61')")
        self._db.executemany(
            "INSERT INTO said(rowid, stems) VALUES (?, ?)",
            ((s.id, " ".join(sorted(s.stems))) for s in self.statements),
        )
        self._db.commit()

    @property
    def top_weight(self) -> float:
        """The weight of the rarest stem: what a word no statement says weighs when asked."""
        return self._top_weight

    def weight(self, stem_: str) -> float:
        """How much saying ``stem_`` tells: its rarity across the statements (BM25's IDF)."""
        return self._idf.get(stem_, self._top_weight)

    def about(self, ref: EntryRef) -> tuple[KnownStatement, ...]:
        """Every statement about ``ref`` (its own, and others' that name it)."""
        return tuple(self._by_entry.get(ref, ()))

    def search(
        self,
        stems: Iterable[str],
        *,
        about: Iterable[EntryRef] = (),
        limit: int = 20,
    ) -> list[StatementHit]:
        """Statements sharing any of ``stems``, best first; only those about ``about`` if given."""
        wanted = [s for s in dict.fromkeys(stems) if s and s.replace("_", "").isalnum()]
        if not wanted:
            return []
        match = " OR ".join(f'"{s}"' for s in wanted)
        allowed = {s.id for ref in about for s in self._by_entry.get(ref, ())}
        with self._lock:
            rows = self._db.execute(
                "SELECT rowid, bm25(said) FROM said WHERE said MATCH ? ORDER BY bm25(said) LIMIT ?",
                (match, limit * 20 if allowed else limit),
            ).fetchall()
        hits = []
        stem_set = frozenset(wanted)
        for rowid, score in rows:
            if allowed and rowid not in allowed:
                continue
            statement = self.statements[rowid]
            hits.append(StatementHit(statement, -float(score), statement.stems & stem_set))
            if len(hits) >= limit:
                break
        return hits
