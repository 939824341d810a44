"""Hidden grading material of unit c1w4: random cases and the mistakes' code (never shipped)."""
