"""lawsite: a publishing generator for legislative openness."""

__version__ = "0.1.0"
