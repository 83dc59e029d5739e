"""Operator access: the PIN pad and the operator panel behind it."""
