"""Operator access: the PIN pad, the operator panel behind it and its Content page."""
