"""Who says what: quotes, the outlet's framing, and claims that disagree (issue 17)."""
