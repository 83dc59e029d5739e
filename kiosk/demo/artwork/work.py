"""One work to draw: its sheet row and its spec from ``data/demo/artwork.toml``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass
class Work:
    """The fields of one sheet row plus its layout spec."""

    key: str
    row: dict[str, str]
    spec: dict[str, Any]

    @property
    def seed(self) -> int:
        return int(self.spec.get("seed", sum(map(ord, self.key))))

    def choose(self, table: Mapping[str, T], field: str, default: str, what: str) -> T:
        """``table``'s entry for the spec's ``field`` (``default`` if unset); a ValueError
        naming the work and ``what`` it is when the table has no such entry."""
        name = self.spec.get(field, default)
        try:
            return table[name]
        except KeyError:
            raise ValueError(f"{self.key}: unknown {what} {name!r}") from None
