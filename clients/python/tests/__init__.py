"""Unit tests of the Python client (see test_client.py)."""
