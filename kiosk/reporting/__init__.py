"""The monthly report (PDF and spreadsheet) and the record exports it can be made from."""
