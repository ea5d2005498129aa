"""clientchain: map an organization's internal customer chain.

Every department is the *client* of the departments whose work it receives and
the *supplier* of those it hands work to, until the work reaches an external
client. This package loads an org file, builds the supplier → client graph and
analyses it.
"""

__version__ = "0.1.0"
