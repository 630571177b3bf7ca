"""Table declarations: the one place each table's columns are written."""
from schemas.declare import Column, Table
from schemas.tables import BY_NAME, QUARANTINE, RAW_ARTICLES, TABLES

__all__ = ["BY_NAME", "Column", "QUARANTINE", "RAW_ARTICLES", "TABLES", "Table"]
