"""Where the shipped knowledge base lives, in a checkout and in an installed wheel."""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["default_data_dir"]

_MARKER = "fields.yaml"


def default_data_dir() -> Path:
    """The shipped ``data/``: the repository's in a checkout, else the one installed with the wheel.

    ``pip install .`` copies ``data/*.yaml`` to ``<prefix>/share/medicon-bot/data``.
    """
    checkout = Path(__file__).resolve().parents[2] / "data"
    if (checkout / _MARKER).is_file():
        return checkout
    installed = Path(sys.prefix) / "share" / "medicon-bot" / "data"
    if (installed / _MARKER).is_file():
        return installed
    return checkout
