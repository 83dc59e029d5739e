"""One work to draw: its sheet row and its spec from ``data/demo/artwork.toml``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Work:
    """The fields of one sheet row plus its layout spec."""

    key: str
    row: dict[str, str]
    spec: dict[str, Any]

    @property
    def seed(self) -> int:
        return int(self.spec.get("seed", sum(map(ord, self.key))))
