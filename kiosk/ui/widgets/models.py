"""A list model over plain Python objects, for views whose rows are painted by a delegate."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

ITEM = Qt.ItemDataRole.UserRole  # the row's object


class ObjectListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.items: list[Any] = []

    def set_items(self, items: list[Any]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.items)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == ITEM:
            return self.items[index.row()]
        return None
