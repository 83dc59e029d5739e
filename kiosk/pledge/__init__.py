"""The pledge signature wall's data: signatures kept, rendered and exported (no Qt)."""
