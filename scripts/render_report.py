"""Render the seeds' HTML report in a real browser (headless Chromium) to a PNG, on demand.

    python scripts/render_report.py [OUT.png]

Writes the report to a temporary HTML file, asks Chromium for a full-page screenshot, and
prints where the PNG is. Needs Debian's `chromium` package (`apt-get install chromium`); says
so and exits 2 when no browser is installed. The browser runs with networking off, so the
report must (and does) render with no fetches.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from claimcheck import check
from claimcheck._html_report import render_html

ROOT = Path(__file__).resolve().parents[1]


def browser() -> str | None:
    """The first headless-capable Chromium on this machine, if any."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def render(out: Path) -> Path:
    """Render the seeds' report to ``out`` (PNG) and return it."""
    exe = browser()
    if exe is None:
        raise SystemExit("render_report: no Chromium found (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(render_html(check(ROOT / "seeds")), encoding="utf-8")
        subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={tmp}/profile", "--window-size=1200,2400",
                        f"--screenshot={out.resolve()}", page.as_uri()],
                       check=True, capture_output=True, timeout=120)
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("report.png")
    print(render(target))
