"""The version of clientchain (one place; hatchling reads it too)."""

__version__ = "0.1.0"
