"""Load and validate the YAML knowledge base: YAML → pydantic models → one immutable KB.

Every problem is collected, not just the first, and each names ``file:line`` and the key path,
so an editor can fix a broken file in one go. Only PyYAML's safe loader ever runs: a tag such as
``!!python/object`` is reported as an error and never constructed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.integrity import (
    alias_problems,
    field_warnings,
    figure_problems,
    source_warnings,
)
from bot.knowledge.models import (
    Centre,
    CentreKind,
    Cluster,
    OutsidePlace,
    ResearchField,
    Source,
    Stat,
    Statement,
)
from bot.knowledge.problems import KnowledgeBaseError, Problem
from bot.knowledge.rules import editorial_problems, review_warnings
from bot.knowledge.text import normalize

__all__ = [
    "KB_FILES",
    "OPTIONAL_KB_FILES",
    "KnowledgeBaseReport",
    "check_knowledge_base",
    "load_knowledge_base",
]


class _SourcesFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    sources: tuple[Source, ...]


class _FieldsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    fields: tuple[ResearchField, ...]


class _CentresFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    centres: tuple[Centre, ...]


class _ClusterFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    cluster: Cluster


class _CompaniesFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    companies: tuple[Centre, ...]


class _OutsideFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    outside: tuple[OutsidePlace, ...]


KB_FILES: Mapping[str, type[BaseModel]] = MappingProxyType(
    {
        "sources.yaml": _SourcesFile,
        "fields.yaml": _FieldsFile,
        "centres.yaml": _CentresFile,
        "cluster.yaml": _ClusterFile,
    }
)
"""The files a knowledge base consists of, and the model each must satisfy."""

OPTIONAL_KB_FILES: Mapping[str, type[BaseModel]] = MappingProxyType(
    {"companies.yaml": _CompaniesFile, "outside.yaml": _OutsideFile}
)
"""Files a knowledge base may leave out: without ``outside.yaml`` no outside places are known,
without ``companies.yaml`` no companies."""

_ENTRY_GROUPS = (("centres.yaml", "centres"), ("companies.yaml", "companies"))
"""Files whose records are :class:`Centre` entries (companies are entries of kind company)."""

Path_ = tuple[str | int, ...]

# libyaml's parser when present (several times faster); both only ever build plain data.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class _ParsedFile:
    """A YAML document with the line of every key path, to point errors at the right line."""

    name: str
    data: Any
    lines: Mapping[Path_, int]
    ids: Mapping[Path_, str]

    def line_of(self, path: Path_) -> int:
        """The line of ``path``, or of its nearest ancestor present in the file."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return line
        return 1

    def describe(self, path: Path_) -> str:
        """``centres[ludc].fields[0]``: list items named by their id where they have one."""
        text = ""
        for end, part in enumerate(path, start=1):
            if isinstance(part, int):
                text += f"[{self.ids.get(path[:end], part)}]"
            else:
                text += f".{part}" if text else str(part)
        return text or "(document)"


def _map_nodes(
    node: yaml.Node,
    path: Path_,
    lines: dict[Path_, int],
    ids: dict[Path_, str],
    duplicates: list[tuple[Path_, int]],
) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = (*path, key)
            if key in seen:
                duplicates.append((child, key_node.start_mark.line + 1))
            seen.add(key)
            lines[child] = key_node.start_mark.line + 1
            if key == "id" and isinstance(value_node, yaml.ScalarNode) and path:
                ids[path] = str(value_node.value)
            _map_nodes(value_node, child, lines, ids, duplicates)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _map_nodes(item, (*path, index), lines, ids, duplicates)


def _parse_file(file_path: Path, display_name: str, problems: list[Problem]) -> _ParsedFile | None:
    try:
        text = file_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(
            Problem(file=display_name, line=1, path="(file)", message="file is missing")
        )
        return None
    except (OSError, UnicodeDecodeError) as error:
        problems.append(
            Problem(file=display_name, line=1, path="(file)", message=f"cannot read: {error}")
        )
        return None
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        reason = error.problem or "invalid YAML"
        if "constructor" in reason:
            reason = f"unsafe or unknown YAML tag refused ({reason})"
        problems.append(Problem(file=display_name, line=line, path="(yaml)", message=reason))
        return None
    except yaml.YAMLError as error:
        problems.append(Problem(file=display_name, line=1, path="(yaml)", message=str(error)))
        return None
    finally:
        loader.dispose()
    lines: dict[Path_, int] = {}
    ids: dict[Path_, str] = {}
    duplicates: list[tuple[Path_, int]] = []
    if node is not None:
        _map_nodes(node, (), lines, ids, duplicates)
    parsed = _ParsedFile(name=display_name, data=data, lines=lines, ids=ids)
    for path, line in duplicates:
        problems.append(
            Problem(
                file=display_name,
                line=line,
                path=parsed.describe(path),
                message=f"duplicate key '{path[-1]}' (the earlier value would be lost)",
            )
        )
    return parsed


def _validate(parsed: _ParsedFile, model: type[BaseModel], problems: list[Problem]) -> Any:
    if not isinstance(parsed.data, dict):
        problems.append(
            Problem(
                file=parsed.name,
                line=1,
                path="(document)",
                message=f"expected a mapping with the key '{next(iter(model.model_fields))}'",
            )
        )
        return None
    try:
        return model.model_validate(parsed.data)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            location: Path_ = tuple(detail["loc"])
            message = detail["msg"]
            if detail["type"] == "extra_forbidden":
                message = "unknown key (check the spelling against the file's header)"
            elif detail["type"] == "value_error":
                message = str(detail.get("ctx", {}).get("error", message))
            problems.append(
                Problem(
                    file=parsed.name,
                    line=parsed.line_of(location),
                    path=parsed.describe(location),
                    message=message,
                )
            )
        return None


@dataclass
class _Checker:
    """Cross-file rules pydantic cannot see: unique ids, references and aliases."""

    files: Mapping[str, _ParsedFile]
    problems: list[Problem]

    def report(self, file: str, path: Path_, message: str) -> None:
        self.problems.append(self.locate(file, path, message))

    def locate(self, file: str, path: Path_, message: str) -> Problem:
        """A problem at ``path`` of ``file`` (a KB file name such as ``centres.yaml``)."""
        parsed = self.files[file]
        return Problem(
            file=parsed.name,
            line=parsed.line_of(path),
            path=parsed.describe(path),
            message=message,
        )

    def unique_ids(self, file: str, key: str, ids: Iterable[str], seen: dict[str, str]) -> None:
        for index, entry_id in enumerate(ids):
            if entry_id in seen:
                self.report(
                    file, (key, index, "id"), f"duplicate id '{entry_id}' ({seen[entry_id]})"
                )
            else:
                seen[entry_id] = f"first used in {self.files[file].name}"

    def reference(
        self, file: str, path: Path_, value: str, known: Mapping[str, object], kind: str
    ) -> None:
        if value not in known:
            self.report(file, path, f"unknown {kind} id '{value}'")

    def references(
        self, file: str, path: Path_, values: Iterable[str], known: Mapping[str, object], kind: str
    ) -> None:
        """Each of a list of ids (``path`` + index) must be in ``known``."""
        for index, value in enumerate(values):
            self.reference(file, (*path, index), value, known, kind)


def load_knowledge_base(data_dir: Path) -> KnowledgeBase:
    """Load, validate and index the knowledge base in ``data_dir``.

    Raises :class:`KnowledgeBaseError` listing every problem found; never returns a partial KB.
    The editorial rules of :func:`check_knowledge_base` are not applied: the bot starts on any
    well-formed knowledge base.
    """
    kb, _ = _load(data_dir)
    return kb


@dataclass(frozen=True)
class KnowledgeBaseReport:
    """What ``medicon-bot kb check`` tells an editor about a knowledge base that loads.

    ``errors`` break the editorial rules (a status or a person's role without its year) and
    fail the check; ``warnings`` list entries due for review and leave it passing.
    """

    kb: KnowledgeBase
    errors: tuple[Problem, ...]
    warnings: tuple[Problem, ...]


def check_knowledge_base(data_dir: Path, *, today: date) -> KnowledgeBaseReport:
    """Load ``data_dir`` and apply the editorial rules and the review rule as of ``today``.

    Raises :class:`KnowledgeBaseError` when the knowledge base does not load at all.
    """
    kb, checker = _load(data_dir)
    return KnowledgeBaseReport(
        kb=kb,
        errors=tuple(
            sorted(
                [
                    *editorial_problems(kb, checker.locate, today=today),
                    *alias_problems(kb, checker.locate),
                    *figure_problems(kb, checker.locate),
                ]
            )
        ),
        warnings=tuple(
            sorted(
                [
                    *review_warnings(kb, checker.locate, today=today),
                    *source_warnings(kb, checker.locate),
                    *field_warnings(kb, checker.locate),
                ]
            )
        ),
    )


def _load(data_dir: Path) -> tuple[KnowledgeBase, _Checker]:
    problems: list[Problem] = []
    files: dict[str, _ParsedFile] = {}
    models: dict[str, Any] = {}
    wanted = {**KB_FILES, **OPTIONAL_KB_FILES}
    for file_name, model in wanted.items():
        if file_name in OPTIONAL_KB_FILES and not (data_dir / file_name).exists():
            continue
        display = str(data_dir / file_name)
        parsed = _parse_file(data_dir / file_name, display, problems)
        if parsed is None:
            continue
        files[file_name] = parsed
        validated = _validate(parsed, model, problems)
        if validated is not None:
            models[file_name] = validated
    if problems or not all(name in models for name in KB_FILES):
        raise KnowledgeBaseError(problems)

    sources: tuple[Source, ...] = models["sources.yaml"].sources
    fields: tuple[ResearchField, ...] = models["fields.yaml"].fields
    groups = {
        file_name: getattr(models[file_name], key)
        for file_name, key in _ENTRY_GROUPS
        if file_name in models
    }
    centres: tuple[Centre, ...] = tuple(entry for group in groups.values() for entry in group)
    cluster: Cluster = models["cluster.yaml"].cluster
    outside: tuple[OutsidePlace, ...] = (
        models["outside.yaml"].outside if "outside.yaml" in models else ()
    )
    checker = _Checker(files, problems)
    _check_consistency(checker, sources, fields, groups, cluster)
    _check_outside(checker, outside, {source.id for source in sources})
    _check_aliases(checker, fields, groups, cluster, outside)
    if problems:
        raise KnowledgeBaseError(problems)
    kb = KnowledgeBase(
        sources={source.id: source for source in sources},
        fields={field.id: field for field in fields},
        centres={centre.id: centre for centre in centres},
        cluster=cluster,
        outside={place.id: place for place in outside},
    )
    return kb, checker


def _check_outside(
    checker: _Checker, outside: tuple[OutsidePlace, ...], source_ids: set[str]
) -> None:
    known = dict.fromkeys(source_ids, "")
    seen: dict[str, str] = {}
    checker.unique_ids("outside.yaml", "outside", (place.id for place in outside), seen)
    for index, place in enumerate(outside):
        checker.references(
            "outside.yaml", ("outside", index, "sources"), place.sources, known, "source"
        )


def _check_consistency(
    checker: _Checker,
    sources: tuple[Source, ...],
    fields: tuple[ResearchField, ...],
    groups: Mapping[str, tuple[Centre, ...]],
    cluster: Cluster,
) -> None:
    source_ids: dict[str, str] = {}
    checker.unique_ids("sources.yaml", "sources", (s.id for s in sources), source_ids)
    entry_ids: dict[str, str] = {}
    checker.unique_ids("fields.yaml", "fields", (f.id for f in fields), entry_ids)
    keys = dict(_ENTRY_GROUPS)
    for file_name, group in groups.items():
        checker.unique_ids(file_name, keys[file_name], (c.id for c in group), entry_ids)
    field_map = {f.id: f for f in fields}
    centre_map = {c.id: c for group in groups.values() for c in group}
    entry_map: dict[str, object] = {**centre_map, **field_map}

    stat_ids: dict[str, str] = {}

    def stats(file: str, path: Path_, owner: str, entries: tuple[Stat, ...]) -> None:
        for stat_index, stat in enumerate(entries):
            at: Path_ = (*path, "stats", stat_index)
            checker.reference(file, (*at, "source"), stat.source, source_ids, "source")
            if stat.id in stat_ids:
                checker.report(file, (*at, "id"), f"duplicate stat id '{stat.id}'")
            stat_ids[stat.id] = owner

    def statements(file: str, path: Path_, key: str, entries: Iterable[Statement]) -> None:
        for item_index, statement in enumerate(entries):
            at: Path_ = (*path, key, item_index)
            if statement.source is not None:
                checker.reference(file, (*at, "source"), statement.source, source_ids, "source")
            checker.references(file, (*at, "about"), statement.about, entry_map, "entry")

    for index, field in enumerate(fields):
        checker.references(
            "fields.yaml", ("fields", index, "sources"), field.sources, source_ids, "source"
        )
        stats("fields.yaml", ("fields", index), field.id, field.stats)
        statements("fields.yaml", ("fields", index), "highlights", field.highlights)
    stats("cluster.yaml", ("cluster",), "cluster", cluster.stats)
    statements("cluster.yaml", ("cluster",), "highlights", cluster.highlights)
    checker.references(
        "cluster.yaml", ("cluster", "sources"), cluster.sources, source_ids, "source"
    )

    for file_name, group in groups.items():
        for index, centre in enumerate(group):
            _check_entry(
                checker, file_name, (keys[file_name], index), centre, field_map, centre_map
            )
            path: Path_ = (keys[file_name], index)
            checker.references(file_name, (*path, "sources"), centre.sources, source_ids, "source")
            stats(file_name, path, centre.id, centre.stats)
            statements(file_name, path, "details", centre.details)
            for key in ("ownership", "listing"):
                sentence = getattr(centre, key)
                if sentence is not None and sentence.source is not None:
                    at = (*path, key, "source")
                    checker.reference(file_name, at, sentence.source, source_ids, "source")
            for change_index, change in enumerate(centre.changes):
                at = (*path, "changes", change_index)
                checker.reference(file_name, (*at, "source"), change.source, source_ids, "source")
                if change.successor is not None:
                    checker.reference(
                        file_name, (*at, "successor"), change.successor, centre_map, "entry"
                    )


def _check_entry(
    checker: _Checker,
    file_name: str,
    path: Path_,
    centre: Centre,
    field_map: Mapping[str, object],
    centre_map: Mapping[str, object],
) -> None:
    """An entry's fields and its references to other entries; companies and only companies
    live in companies.yaml."""
    is_company = centre.kind is CentreKind.COMPANY
    if is_company != (file_name == "companies.yaml"):
        where = "companies.yaml" if is_company else "centres.yaml"
        checker.report(
            file_name, (*path, "kind"), f"an entry of kind '{centre.kind}' goes in {where}"
        )
    checker.references(file_name, (*path, "fields"), centre.fields, field_map, "field")
    for key in ("successor", "part_of", "owner"):
        target = getattr(centre, key)
        if target is not None:
            checker.reference(file_name, (*path, key), target, centre_map, "entry")
            if target == centre.id:
                checker.report(file_name, (*path, key), "refers to itself")


def _check_aliases(
    checker: _Checker,
    fields: tuple[ResearchField, ...],
    groups: Mapping[str, tuple[Centre, ...]],
    cluster: Cluster,
    outside: tuple[OutsidePlace, ...],
) -> None:
    """Each spelling a person may type must lead to exactly one entry.

    Outside places are claimed last, so a clash is reported on the outside place: a name
    of something in the cluster must never answer "outside Medicon Valley".
    """
    owners: dict[str, str] = {}

    def claim(file: str, path: Path_, spelling: str, owner: str) -> None:
        key = normalize(spelling)
        if not key:
            checker.report(file, path, f"'{spelling}' has no letters or digits to match on")
            return
        previous = owners.get(key)
        if previous is not None and previous != owner:
            checker.report(
                file, path, f"'{spelling}' also names '{previous}'; it must name one entry"
            )
        owners.setdefault(key, owner)

    for index, field in enumerate(fields):
        claim("fields.yaml", ("fields", index, "id"), field.id, field.id)
        claim("fields.yaml", ("fields", index, "name"), field.name, field.id)
        for alias_index, alias in enumerate(field.aliases):
            claim("fields.yaml", ("fields", index, "aliases", alias_index), alias, field.id)
    keys = dict(_ENTRY_GROUPS)
    for file_name, group in groups.items():
        for index, centre in enumerate(group):
            path: Path_ = (keys[file_name], index)
            claim(file_name, (*path, "id"), centre.id, centre.id)
            claim(file_name, (*path, "name"), centre.name, centre.id)
            if centre.short_name:
                claim(file_name, (*path, "short_name"), centre.short_name, centre.id)
            for alias_index, alias in enumerate(centre.aliases):
                claim(file_name, (*path, "aliases", alias_index), alias, centre.id)
    claim("cluster.yaml", ("cluster", "name"), cluster.name, "cluster")
    for alias_index, alias in enumerate(cluster.aliases):
        claim("cluster.yaml", ("cluster", "aliases", alias_index), alias, "cluster")
    for index, place in enumerate(outside):
        owner = f"outside place {place.id}"
        claim("outside.yaml", ("outside", index, "id"), place.id, owner)
        claim("outside.yaml", ("outside", index, "name"), place.name, owner)
        for alias_index, alias in enumerate(place.aliases):
            claim("outside.yaml", ("outside", index, "aliases", alias_index), alias, owner)
