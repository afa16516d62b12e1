"""Metamorphic tests: layout transforms of a BBT that keep its content must keep its findings."""
