"""Storage: raw zone, extraction store, versioned Parquet and the published DuckDB file."""
