"""What screens are built from: theme, text, cards, buttons, scrolling, pictures, list models.

Widgets import nothing from the screens above them.
"""
