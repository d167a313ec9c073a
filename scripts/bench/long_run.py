"""Memory of a long `clausecam track` run: whole process tree (agent JVM, Playwright's driver,
Chromium) sampled as captures go by, the figure after 100 captures against the figure after N.

Run through scripts/bench/long-run (which builds the jar); the farm is the one of
scripts/bench/throughput (throughput.py); see docs/benchmarks.md ("Memory over a long run").
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import throughput  # noqa: E402
from throughput import HOSTS, build_farm, declarations, rollup, serve, tree  # noqa: E402

PROGRESS = re.compile(r"^\[(\d+)/\d+\]")


def main():
    parser = argparse.ArgumentParser(prog="scripts/bench/long-run",
                                     description="memory of clausecam track over N captures on a loopback farm of corpus pages")
    parser.add_argument("--captures", type=int, default=1000, help="captures in the run, one farm page each (default 1000)")
    parser.add_argument("--early", type=int, default=100, help="captures after which the first figure is taken (default 100)")
    parser.add_argument("--track-args", default="--host-delay 0", help="more options for track (default '--host-delay 0': "
                        "politeness only idles the browser, and memory is what is measured here)")
    parser.add_argument("--port", type=int, default=18490, help="port of the farm's hosts (default 18490; throughput uses 18480)")
    parser.add_argument("--root", required=True)
    a = parser.parse_args()
    throughput.PORT = a.port  # serve() and declarations() read it
    root = Path(a.root)
    work = Path(tempfile.mkdtemp(prefix="clausecam-long-run-"))
    try:
        site = work / "site"
        site.mkdir()
        farm = build_farm(root.parent / "shared" / "corpus", a.captures, site)
        servers = serve(site)
        declarations(work / "declarations", farm)
        env = dict(os.environ, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD="1",
                   CLAUSECAM_CHROMIUM=os.environ.get("CLAUSECAM_CHROMIUM", "/usr/bin/chromium"))
        command = ["java", "-jar", str(root / "target" / "clausecam.jar"), "track", "--declarations", str(work / "declarations"),
                   "--store", f"file:{work / 'store'}", "--allow-private-network"] + a.track_args.split()
        print(f"farm: {a.captures} pages ({sum(1 for f in farm if f[2])} built by a script after load), {HOSTS} loopback hosts "
              f"on port {a.port}; track {' '.join(a.track_args.split())}, screenshots on; {os.cpu_count()} cores, "
              f"load average {os.getloadavg()[0]:.1f}", flush=True)
        started = time.monotonic()
        proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        done = [0]
        tail = []

        def read():
            for line in proc.stdout:
                tail.append(line)
                del tail[:-6]
                m = PROGRESS.match(line)
                if m:
                    done[0] = int(m.group(1))
        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        samples = []  # (captures done, RSS KiB, PSS KiB, processes)
        while proc.poll() is None:
            rss = pss = 0
            pids = tree(proc.pid)
            for p in pids:
                r, s = rollup(p)
                rss, pss = rss + r, pss + s
            samples.append((done[0], rss, pss, len(pids)))
            time.sleep(1)
        reader.join(5)
        wall = time.monotonic() - started
        if proc.returncode != 0:
            print("track exited " + str(proc.returncode) + ":\n  " + "  ".join(tail))

        def around(lo, hi):
            window = [s for s in samples if lo <= s[0] <= hi and s[1] > 0]
            if not window:
                return None
            return (statistics.median(s[1] for s in window) / 1024, statistics.median(s[2] for s in window) / 1024,
                    max(s[1] for s in window) / 1024, len(window))

        step = max(10, a.captures // 20)
        print(f"{done[0]} captures in {wall:.0f} s ({done[0] / wall * 60:.1f}/min); every {step} captures, median RSS / PSS MiB "
              f"of the samples (1 a second) in the window:")
        for c in range(step, done[0] + 1, step):
            m = around(c - step + 1, c)
            if m:
                print(f"  captures {c - step + 1:5d}-{c:5d}: RSS {m[0]:6.0f}  PSS {m[1]:6.0f}  (peak RSS {m[2]:6.0f}, {m[3]} samples)")
        early = around(a.early - 10, a.early + 10)
        late = around(done[0] - 20, done[0])
        if early and late:
            print(f"RSS MiB after {a.early} captures: {early[0]:.0f} (PSS {early[1]:.0f}); after {done[0]}: {late[0]:.0f} "
                  f"(PSS {late[1]:.0f}); growth {100 * (late[0] / early[0] - 1):+.1f}% RSS, {100 * (late[1] / early[1] - 1):+.1f}% PSS")
        for s in servers:
            s.shutdown()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
