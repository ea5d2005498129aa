"""Tests of the formatters and atomic writes."""
