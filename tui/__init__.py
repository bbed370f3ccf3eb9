"""diptych: read two texts side by side and see the facts both report."""

__version__ = "0.1.0"
