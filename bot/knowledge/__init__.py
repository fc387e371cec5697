"""The knowledge base: YAML files under data/ loaded into frozen, indexed records."""

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.index import EntryRef, Hit, SearchIndex, TypoMatch
from bot.knowledge.loader import (
    KB_FILES,
    OPTIONAL_KB_FILES,
    KnowledgeBaseReport,
    check_knowledge_base,
    load_knowledge_base,
)
from bot.knowledge.location import default_data_dir
from bot.knowledge.models import (
    RESEARCH_KINDS,
    Centre,
    CentreKind,
    Cluster,
    OutsidePlace,
    ResearchField,
    Source,
    Stat,
    Status,
)
from bot.knowledge.problems import KnowledgeBaseError, Problem

__all__ = [
    "KB_FILES",
    "OPTIONAL_KB_FILES",
    "RESEARCH_KINDS",
    "Centre",
    "CentreKind",
    "Cluster",
    "EntryRef",
    "Hit",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "KnowledgeBaseReport",
    "OutsidePlace",
    "Problem",
    "ResearchField",
    "SearchIndex",
    "Source",
    "Stat",
    "Status",
    "TypoMatch",
    "check_knowledge_base",
    "default_data_dir",
    "load_knowledge_base",
]
