"""The knowledge quiz: a visitor's round (``screen.py``) and a guide's group contest
(``group.py``), over the questions and records of kiosk.catalog.quiz (through the library)."""
