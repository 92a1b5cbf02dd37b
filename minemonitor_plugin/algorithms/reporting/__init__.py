"""Reporting algorithms."""
