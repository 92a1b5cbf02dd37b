"""Grid algorithms."""
