"""US-China Trade Watch helpers."""
