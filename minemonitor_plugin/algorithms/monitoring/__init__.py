"""Monitoring between survey epochs: footprint change, occupation types, interpretation accuracy."""
