"""The pledge signature wall: the pledge read and signed, and the wall of signatures."""
