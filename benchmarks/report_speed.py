"""How fast a round's HTML report is made and opens in a browser. Prints figures; run by hand.

    python benchmarks/report_speed.py [--conversations 10000] [--turns 20] [--keep FOLDER]

Fills a temporary gradebook as `grade_speed.py` does, then times the whole `coach report
--html --csv` process with the peak memory of its largest process, and reports the index
page's size and the trainees' pages. It then opens the index in headless Chromium (when
/usr/bin/chromium or `chromium` is there) inside a page that prints, on the browser's console,
how long the index took to load and lay out. Targets at 10,000 conversations: the index under
5 MB, rendered in under 2 s; memory that does not grow with the round (compare 1,000 and 10,000).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from grade_speed import fill
from whole_process import coach_command, measured

HARNESS = """<!DOCTYPE html><html><body style="margin:0"><script>
const started = performance.now();
const frame = document.createElement("iframe");
frame.style.cssText = "width:1200px;height:2400px;border:0";
frame.onload = () => {
  const height = frame.contentDocument.documentElement.scrollHeight;  // style and layout, done now
  console.log("rendered in " + Math.round(performance.now() - started) + " ms (" + height + " px tall)");
};
frame.src = "PAGE";
document.body.appendChild(frame);
</script></body></html>
"""
"""A page that loads another in a frame and prints how long loading and laying it out took."""


def chromium() -> str | None:
    """The Chromium binary, if there is one."""
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else shutil.which("chromium")


def render_time(page: Path, browser: str) -> tuple[str, list[str]]:
    """Open `page` in headless Chromium through the harness: what it printed, and any other console lines."""
    harness = page.with_name("harness.html")
    harness.write_text(HARNESS.replace("PAGE", page.name), encoding="utf-8")
    result = subprocess.run(
        [
            browser,
            *("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"),
            *(
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--allow-file-access-from-files",
            ),
            f"--user-data-dir={page.parent / 'chromium-profile'}",
            f"--screenshot={page.parent / 'index.png'}",
            "--window-size=1200,2400",
            "--enable-logging=stderr",
            "--v=0",
            harness.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]
    rendered = [re.search(r'"(rendered in [^"]*)"', line) for line in console]
    found = [match.group(1) for match in rendered if match]
    return (found[0] if found else "no render time printed"), [
        line for line in console if "rendered in" not in line
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--keep", type=Path, default=None, help="write the report here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite'}"
        started = time.perf_counter()
        fill(url, args.conversations, args.turns)
        print(
            f"filled {args.conversations} conversations x {args.turns} turns in {time.perf_counter() - started:.1f} s"
        )
        out = (args.keep or Path(folder)) / "round.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        command = [*coach_command(), "report", "--round", "bench", "--db", url, "--html", str(out)]
        seconds, peak = measured([*command, "--csv", str(out.with_suffix(".csv"))])
        print(f"coach report --html --csv: {seconds:.2f} s, peak {peak:.0f} MiB")
        pages = list(out.with_name("round-pages").iterdir())
        size = sum(page.stat().st_size for page in pages)
        print(f"index page: {out.stat().st_size / 1e6:.2f} MB (target < 5 MB)")
        print(
            f"trainee pages: {len(pages)} in round-pages/, {size / 1e6:.1f} MB, largest {max(p.stat().st_size for p in pages) / 1e3:.0f} kB"
        )
        browser = chromium()
        if browser is None:
            print("headless Chromium: not found, the render time is not measured")
            return
        printed, other = render_time(out, browser)
        print(f"headless Chromium, the index: {printed} (target < 2 s); other console lines: {len(other)}")
        for line in other[:5]:
            print("   ", line)
        printed, other = render_time(sorted(pages)[0], browser)
        print(f"headless Chromium, a trainee's page: {printed}; other console lines: {len(other)}")


if __name__ == "__main__":
    main()
