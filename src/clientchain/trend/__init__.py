"""Trends across versions of an org file: the measures of each version, the attention
rules between them and the forecast of when growing load reaches capacity.

Above :mod:`clientchain.checks` (its findings are the checks' :class:`Finding`) and
below the use case :mod:`clientchain.app.trend` that reads the versions.
"""
