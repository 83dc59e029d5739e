"""USB sticks behind the operator PIN: finding them (``drives``), reading what one holds
(``contents``), importing from one (``importing``) and writing records to one (``export``).

No Qt here: the panel (``kiosk.ui.operator.usb*``) runs these off the GUI thread.
"""
