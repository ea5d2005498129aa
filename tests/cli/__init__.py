"""Tests of the command line, through the real entry points."""
