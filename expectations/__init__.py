"""Great Expectations suites that gate publication."""
