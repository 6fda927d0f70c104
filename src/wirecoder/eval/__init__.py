"""Gold-set readers and metrics behind `wirecoder eval`."""
