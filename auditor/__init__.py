"""bbt-auditor: consistency auditor for Flemish beleids- en begrotingstoelichtingen (BBTs)."""

__version__ = "0.1.0"
