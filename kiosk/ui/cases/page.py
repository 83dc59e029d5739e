"""A warning case's page, set like an official notice: sober, factual, its source in sight.

The title centred with one short seal-red rule beneath (the red line of a
notice), the kind and date above it; then, each under its small heading, the
person and former post, what was done and the outcome; the confession, if any,
as a quotation set apart by a rule and headed as the person's own words.  No
picture heads the page.  Beneath, the linked films, photos and topics as the
item page links them (``ItemScreen``'s tiles, its scroll kept on back).  The
source stands in a footer below the scrolled page, so it is never out of sight.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.strings import field
from kiosk.ui.cases.card import case_date
from kiosk.ui.history.detail import ItemScreen
from kiosk.ui.screen import Context
from kiosk.ui.widgets import theme

QUOTES = "“”「」『』\"'"  # an operator's own marks around the words: set once, ours


class CaseScreen(ItemScreen):
    name = "case"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.footer = QLabel()
        self.footer.setObjectName("source")
        self.footer.setWordWrap(True)
        self.footer.setTextFormat(Qt.TextFormat.PlainText)
        self.body.addWidget(self.footer)
        self.footer.hide()

    def title(self) -> str:
        return self.ctx.tr("case")

    def _build(self) -> None:
        super()._build()
        source = field(self.row, "source", self.ctx.lang) if self.row else ""
        self.footer.setVisible(bool(source))
        if source:
            m, lang = self.ctx.m, self.ctx.lang
            colon = "：" if lang == "zh" else ": "
            self.footer.setText(self.ctx.tr("source") + colon + source)
            self.footer.setFont(m.label(lang))
            # as wide as the notice's column above it (the label keeps the whole width, so
            # that its height follows its wrapped lines)
            side = max(0, (self.width() - m.margin - m.bezel - self._width()) // 2)
            rule = _rgba(theme.INK, 0.2)
            self.footer.setStyleSheet(
                f"color: {theme.INK_SOFT.name()}; border-top: 1px solid {rule};"
                f" padding-top: {m.px(14)}px; padding-bottom: {m.px(4)}px;"
                f" margin-left: {side}px; margin-right: {side}px;"
            )

    def _top(self, v: QVBoxLayout) -> None:
        ctx, m, row = self.ctx, self.ctx.m, self.row
        lang, soft = ctx.lang, theme.INK_SOFT.name()
        column = QWidget()
        col = QVBoxLayout(column)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(m.px(14))
        centred = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter
        meta = " · ".join(x for x in (ctx.tr("kind_case"), case_date(row, lang)) if x)
        heading = self._label(meta, m.label(lang), soft)
        heading.setAlignment(centred)
        col.addWidget(heading)
        title = self._label(field(row, "title", lang), m.heading(lang))
        title.setObjectName("title")
        title.setAlignment(centred)
        col.addWidget(title)
        col.addWidget(_red_line(ctx), 0, Qt.AlignmentFlag.AlignHCenter)
        col.addSpacing(m.px(10))
        for key, name, font in (
            ("case_person", "person", m.font("serif", 40 if m.large else 32, lang=lang)),
            ("case_summary", "summary", m.reading(lang)),
            ("case_outcome", "outcome", m.reading(lang)),
        ):
            text = field(row, name, lang)
            if text:
                col.addWidget(self._part(ctx.tr(key)))
                col.addWidget(self._label(text, font, rich=True))
        confession = field(row, "confession", lang)
        if confession:
            col.addWidget(self._part(ctx.tr("case_confession")))
            col.addWidget(self._quotation(confession))
        # The linked works as the item page shows them, beneath the notice in its column.
        super()._links(col)
        column.setFixedWidth(self._width())
        # Centred between stretches, not by an alignment flag: an aligned widget gets its
        # size hint's height, which for wrapped labels is guessed at another width (the
        # last lines were cut); between stretches it gets its height for its real width.
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(column)
        centre.addStretch(1)
        v.addLayout(centre)

    def _links(self, v: QVBoxLayout) -> None:
        """Nothing beneath the column: ``_top`` puts the links in it."""

    def _width(self) -> int:
        """Lines of a readable length: the notice is a column, centred on a wide screen."""
        return min(super()._width(), self.ctx.m.px(1400 if self.ctx.m.large else 1250))

    def _part(self, text: str) -> QLabel:
        """A part's small heading (人物及原任职务, 处理结果 …)."""
        m = self.ctx.m
        label = self._label(text, m.label(self.ctx.lang), theme.INK_SOFT.name())
        label.setContentsMargins(0, m.px(18), 0, 0)
        return label

    def _quotation(self, text: str) -> QWidget:
        """The person's words: in Kai, in quotation marks, set off by a rule at the left."""
        m, lang = self.ctx.m, self.ctx.lang
        quotation = QWidget()
        quotation.setObjectName("confession")
        row = QHBoxLayout(quotation)
        row.setContentsMargins(0, m.px(8), 0, m.px(8))
        row.setSpacing(m.px(28))
        rule = _rule(_rgba(theme.INK, 0.35))
        rule.setFixedWidth(max(2, m.px(4)))
        row.addWidget(rule)
        font = m.display(44 if m.large else 36) if lang == "zh" else m.reading(lang)
        font.setItalic(lang == "en")
        row.addWidget(self._label(f"“{text.strip().strip(QUOTES)}”", font, rich=True), 1)
        return quotation


def _rule(color: str) -> QFrame:
    """A plain bar of ``color`` (sized by the caller)."""
    line = QFrame()
    line.setStyleSheet(f"background: {color};")
    return line


def _red_line(ctx: Context) -> QFrame:
    """The one seal-red mark on the page: a short rule beneath the title."""
    line = _rule(theme.SEAL.name())
    line.setFixedSize(ctx.m.px(72), max(2, ctx.m.px(3)))
    return line


def _rgba(color: QColor, alpha: float) -> str:
    """``color`` at ``alpha`` for a style sheet (a hairline in ink, lighter than ink-soft)."""
    c = color.toRgb()
    return f"rgba({c.red()}, {c.green()}, {c.blue()}, {round(alpha * 255)})"
