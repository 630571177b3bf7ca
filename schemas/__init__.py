"""Table and view declarations: the one place each table's and view's columns are written."""
from schemas.declare import Column, Table, View
from schemas.marts import MARTS
from schemas.tables import BY_NAME, QUARANTINE, RAW_ARTICLES, TABLES

__all__ = ["BY_NAME", "MARTS", "Column", "QUARANTINE", "RAW_ARTICLES", "TABLES", "Table", "View"]
