"""Headless Chromium for the HTML report tests: Debian's chromium, driven by Playwright (no browser
download). CI installs chromium (.ci/run) and sets BBT_REQUIRE_BROWSER, so there a missing browser
fails the test instead of skipping it."""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("BBT_REQUIRE_BROWSER"):
            pytest.fail("chromium is required (BBT_REQUIRE_BROWSER is set) but not installed")
        pytest.skip("chromium not installed (apt-get install chromium)")
    return path
