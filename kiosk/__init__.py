"""Qingfeng Kiosk (清风展陈): offline exhibition kiosk for clean-government education."""

__version__ = "0.1.0"
