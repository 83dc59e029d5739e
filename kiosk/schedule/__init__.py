"""When the hall is open and when each item may play: plain Python, no Qt, no catalogue writes.

``festivals`` dates the festivals, ``bands`` and ``weekdays`` read the written values,
``hours`` is the hall's ``[hours]`` and ``items`` one item's schedule; every bad value
becomes a ``Problem`` (``problems``) that the caller reports while it keeps its defaults.
"""
