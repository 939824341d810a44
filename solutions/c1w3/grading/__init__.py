"""Hidden grading material of unit c1w3: random cases and the mistakes' code (never shipped)."""
