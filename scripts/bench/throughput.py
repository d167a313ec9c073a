"""Throughput of `clausecam track` against a bare Playwright loop, side by side in one run.

Run through scripts/bench/throughput (which builds the jar and compiles BareLoop.java); see
docs/benchmarks.md ("Throughput against a bare loop") for what it measures and why.
"""
import argparse
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HOSTS = 20
PORT = 18480
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")


def snapshots(corpus_root):
    files = []
    for collection in ("ota-genai-eu-dev", "ota-dsa-dev"):
        files += sorted((corpus_root / collection).glob("**/snapshots/**/*.html"))
    if not files:
        sys.exit(f"scripts/bench/throughput: no snapshots under {corpus_root}")
    return files


SCRIPT = re.compile(rb"<script\b.*?</script\s*>", re.S | re.I)
BODY = re.compile(rb"(<body\b[^>]*>)(.*)(</body\s*>)", re.S | re.I)


def build_farm(corpus_root, pages, site):
    """Page k is snapshot k mod n with its scripts removed; odd pages get their body inserted by a
    script after load (fetched from body-k.html), a single-page application's shape."""
    sources = snapshots(corpus_root)
    farm = []
    for k in range(pages):
        raw = SCRIPT.sub(b"", sources[k % len(sources)].read_bytes())
        needs_script = k % 2 == 1
        if needs_script:
            m = BODY.search(raw)
            body = m.group(2) if m else raw
            (site / f"body-{k}.html").write_bytes(body)
            loader = (b"<p>We use cookies.</p><script>addEventListener('load', () => fetch('body-%d.html')"
                      b".then(r => r.text()).then(t => { document.body.innerHTML = t; }));</script>" % k)
            raw = raw[:m.start()] + m.group(1) + loader + m.group(3) + raw[m.end():] if m else b"<html><body>" + loader + b"</body></html>"
        (site / f"page-{k}.html").write_bytes(raw)
        # Declarations come grouped by host, as real collections' services do.
        host = f"127.0.0.{2 + k * HOSTS // pages}"
        farm.append((k, host, needs_script))
    return farm


class Farm(BaseHTTPRequestHandler):
    site = None

    def do_GET(self):
        path = self.path.split("?")[0].lstrip("/")
        f = self.site / path
        digest = int(hashlib.sha256(path.encode()).hexdigest(), 16)
        time.sleep((50 + digest % 251) / 1000)  # each answer after 50-300 ms
        if "/" in path or not f.is_file():
            self.send_error(404)
            return
        body = f.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser closing a context mid-answer (a favicon, a page given up) is not news.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve(site):
    Farm.site = site
    servers = []
    for i in range(HOSTS + 1):  # 127.0.0.2 .. 127.0.0.22
        server = QuietServer((f"127.0.0.{2 + i}", PORT), Farm)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    return servers


def tree(pid):
    """pid and its descendants, from /proc."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as s:
                    ppid = int(s.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except OSError:
                pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def rollup(pid):
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def cpu_ticks(pid):
    try:
        with open(f"/proc/{pid}/stat") as s:
            fields = s.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime
    except OSError:
        return None


def measure(command, env, documents):
    """Runs command; samples its process tree every 0.5 s: peak RSS and PSS summed over the tree,
    CPU ticks per process (the last sample before each one ended)."""
    started = time.monotonic()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = []
    reader = threading.Thread(target=lambda: output.extend(proc.stdout), daemon=True)
    reader.start()
    peak_rss = peak_pss = 0
    ticks = {}
    seen, renderers = set(), set()
    while proc.poll() is None:
        rss = pss = 0
        for p in tree(proc.pid):
            if p not in seen:
                seen.add(p)
                try:
                    with open(f"/proc/{p}/cmdline", "rb") as c:
                        if b"--type=renderer" in c.read():
                            renderers.add(p)
                except OSError:
                    pass
            r, s = rollup(p)
            rss, pss = rss + r, pss + s
            t = cpu_ticks(p)
            if t is not None:
                ticks[p] = max(ticks.get(p, 0), t)
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.5)
    wall = time.monotonic() - started
    reader.join(5)
    cpu = sum(ticks.values()) / TICKS
    return {"wall": wall, "per_min": documents / wall * 60, "rss": peak_rss / 1024, "pss": peak_pss / 1024,
            "cpu_per_doc": cpu / documents, "exit": proc.returncode, "output": "".join(output),
            "renderers": len(renderers)}


def declarations(folder, farm):
    folder.mkdir(parents=True)
    for k, host, needs_script in farm:
        document = {"fetch": f"http://{host}:{PORT}/page-{k}.html", "select": ["body"]}
        if needs_script:
            document["executeClientScripts"] = True
        (folder / f"Page {k:04d}.json").write_text(json.dumps({"name": f"Page {k:04d}", "terms": {"Terms of Service": document}}))


def one_off(a, work, site, env, launcher):
    """One-off capture of a small static page, alternated with Chromium's command line and with the
    floor of the stack: BareLoop given that one page (a JVM, Playwright's driver, a launch, a
    page, a full-page PNG, nothing else), started as scripts/clausecam starts a one-off capture
    (its own class-data archive, the quick compiler alone, the serial collector, the cached driver)."""
    small = site / "small.html"
    small.write_text("<!doctype html><title>Terms</title><h1>Terms of service</h1><p>These terms apply to every use of the service.</p>")
    url = f"http://127.0.0.2:{PORT}/small.html"
    (work / "one-url.txt").write_text(url + "\n")
    jsa = Path(a.loop_jar).with_suffix(".jsa")
    bare = ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"]
    loop_args = ["-cp", f"{a.loop_jar}:{a.classpath}", "BareLoop", str(work / "one-url.txt"), "1", "screenshots"]
    times = {"capture": [], "bare": [], "chromium": []}
    phases = {}
    for i in range(a.captures + 1):  # round 0 only warms up: driver cache, class archives
        t = time.monotonic()
        done = subprocess.run([launcher, "capture", "--allow-private-network", "--out", str(work / f"capture-{i}"), url],
                              env=dict(env, CLAUSECAM_TIMINGS="1"), capture_output=True, text=True)
        took = time.monotonic() - t
        if done.returncode:
            print(f"clausecam capture failed ({done.returncode}): {done.stderr.strip()[-300:]}")
        if i == 0:
            # The driver folder clausecam unpacked once, so that the floor does not unpack one per start either.
            cache = Path(env.get("CLAUSECAM_DRIVER_CACHE", Path.home() / ".cache" / "clausecam"))
            bare += [f"-Dplaywright.cli.dir={d}" for d in sorted(cache.glob("playwright-driver-*"))[-1:]]
            subprocess.run(bare + [f"-XX:ArchiveClassesAtExit={jsa}"] + loop_args, env=env, capture_output=True)
            continue
        times["capture"].append(took)
        for line in done.stderr.splitlines():
            m = re.match(r"clausecam timings: (.*) ([0-9.]+) s$", line)
            if m:
                phases.setdefault(m.group(1), []).append(float(m.group(2)))
        t = time.monotonic()
        loop = subprocess.run(bare + ([f"-XX:SharedArchiveFile={jsa}"] if jsa.exists() else []) + loop_args,
                              env=env, capture_output=True, text=True)
        times["bare"].append(time.monotonic() - t)
        if loop.returncode:
            print(f"bare one-off failed ({loop.returncode}): {loop.stderr.strip()[-300:]}")
        t = time.monotonic()
        subprocess.run([env["CLAUSECAM_CHROMIUM"], "--headless", "--disable-gpu", "--no-sandbox",
                        f"--user-data-dir={work / f'chromium-profile-{i}'}", f"--screenshot={work / f'chromium-{i}.png'}",
                        "--window-size=1280,800", url], capture_output=True)
        times["chromium"].append(time.monotonic() - t)
    cap, floor, chm = (statistics.median(times[k]) for k in ("capture", "bare", "chromium"))
    print(f"one-off capture of a small page (medians of {a.captures}, alternated): clausecam capture {cap:.2f} s, "
          f"bare Playwright-for-Java one-off {floor:.2f} s, chromium --headless --screenshot {chm:.2f} s; "
          f"capture {cap / chm:.2f}x Chromium's command line, the bare one-off {floor / chm:.2f}x")
    for phase, values in phases.items():
        print(f"  {phase}: {statistics.median(values):.2f} s")


def main():
    parser = argparse.ArgumentParser(prog="scripts/bench/throughput",
                                     description="clausecam track against a bare Playwright loop on a loopback farm of corpus pages")
    parser.add_argument("--pages", type=int, default=200, help="policy pages in the farm (default 200)")
    parser.add_argument("--concurrency", default="2", help="comma-separated pages in flight to compare (default 2)")
    parser.add_argument("--rounds", type=int, default=1, help="times every run is repeated, interleaved (default 1)")
    parser.add_argument("--captures", type=int, default=5, help="one-off captures against Chromium's command line (default 5)")
    parser.add_argument("--only", default="", help="a quick check instead of the whole comparison: 'track-screenshots' runs "
                        "only track with screenshots and default politeness, 'screenshots' that and the bare loop with "
                        "screenshots, 'shared-context' the bare loop with a context per page against one context whose "
                        "pages are reused, at each --concurrency, --rounds times; 'one-off' only the one-off comparison")
    parser.add_argument("--track-args", default="", help="more options for every track run, e.g. '--workers 4'")
    parser.add_argument("--root", required=True)
    parser.add_argument("--classpath", required=True)
    parser.add_argument("--loop-classes", required=True)
    parser.add_argument("--loop-jar", required=True)
    a = parser.parse_args()
    root = Path(a.root)
    work = Path(tempfile.mkdtemp(prefix="clausecam-throughput-"))
    try:
        site = work / "site"
        site.mkdir()
        farm = build_farm(root.parent / "shared" / "corpus", a.pages, site)
        servers = serve(site)
        declarations(work / "declarations", farm)
        (work / "urls.txt").write_text("".join(f"http://{h}:{PORT}/page-{k}.html\n" for k, h, _ in farm))
        env = dict(os.environ, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD="1",
                   CLAUSECAM_CHROMIUM=os.environ.get("CLAUSECAM_CHROMIUM", "/usr/bin/chromium"))
        # As users run it: scripts/clausecam, with its class-data archive.
        launcher = str(root / "scripts" / "clausecam")
        print(f"farm: {a.pages} pages ({sum(1 for f in farm if f[2])} built by a script after load) from "
              f"{len(snapshots(root.parent / 'shared' / 'corpus'))} corpus snapshots, {HOSTS} loopback hosts, "
              f"answers after 50-300 ms; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}", flush=True)

        runs = []
        for _ in range(0 if a.only == "one-off" else a.rounds):
            for k in [int(c) for c in a.concurrency.split(",")]:
                if a.only == "track-screenshots":
                    runs.append(("track", k, True, "default"))
                    continue
                if a.only == "shared-context":
                    for shots in (True, False):
                        runs.append(("bare loop", k, shots, None))
                        runs.append(("bare loop, one context, pages reused", k, shots, None))
                    continue
                if a.only == "screenshots":
                    runs.append(("bare loop", k, True, None))
                    runs.append(("track", k, True, "default"))
                    continue
                for shots in (True, False):
                    runs.append(("bare loop", k, shots, None))
                    runs.append(("track", k, shots, "default"))
                    runs.append(("track", k, shots, "0"))
        results = []
        for n, (what, k, shots, delay) in enumerate(runs):
            if what.startswith("bare loop"):
                command = ["java", "-cp", f"{a.loop_classes}:{a.classpath}", "BareLoop", str(work / "urls.txt"), str(k),
                           "screenshots" if shots else "none"] + (["reuse"] if "reused" in what else [])
            else:
                store = work / f"store-{n}"
                command = [launcher, "track", "--declarations", str(work / "declarations"), "--store", f"file:{store}",
                           "--allow-private-network", "--concurrency", str(k)]
                command += [] if shots else ["--no-screenshots"]
                command += [] if delay == "default" else ["--host-delay", delay]
                command += a.track_args.split()
            r = measure(command, dict(env, CLAUSECAM_TIMINGS="1"), a.pages)
            r.update(what=what, k=k, shots=shots, delay=delay)
            results.append(r)
            label = f"{what}{'' if delay is None else ', politeness ' + ('default' if delay == 'default' else '--host-delay ' + delay)}"
            print(f"{label:<40} K={k} {'screenshots   ' if shots else 'no screenshots'}  {r['per_min']:6.1f} documents/min  "
                  f"{r['cpu_per_doc']:.2f} CPU s/doc  peak RSS {r['rss']:6.0f} MiB  PSS {r['pss']:6.0f} MiB  "
                  f"renderers {r['renderers']}  exit {r['exit']}", flush=True)
            for line in r["output"].splitlines():
                if line.startswith("clausecam timings: owner"):
                    print("  " + line[len("clausecam timings: "):], flush=True)
            if what == "track" and r["exit"] not in (0,):
                print("  " + "\n  ".join(r["output"].strip().splitlines()[-4:]), flush=True)
            shutil.rmtree(work / f"store-{n}", ignore_errors=True)

        if a.only and a.only != "one-off":
            return
        one_off(a, work, site, env, launcher)
        if a.only:
            return

        def best(what, shots, delay):
            rs = [r for r in results if r["what"] == what and r["shots"] == shots and r["delay"] == delay]
            return max(rs, key=lambda r: r["per_min"])
        for shots in (False, True):
            loop = best("bare loop", shots, None)
            for delay in ("default", "0"):
                t = best("track", shots, delay)
                print(f"ratio {'with' if shots else 'without'} screenshots, politeness "
                      f"{'default' if delay == 'default' else '--host-delay 0'}: {t['per_min'] / loop['per_min']:.2f} "
                      f"(track K={t['k']} {t['per_min']:.1f} vs loop K={loop['k']} {loop['per_min']:.1f}/min; "
                      f"peak RSS {t['rss']:.0f} vs {loop['rss']:.0f} MiB)")
        loop, track = best("bare loop", True, None), best("track", True, "default")
        print(f"clausecam/bare-loop throughput ratio: {track['per_min'] / loop['per_min']:.2f}")
        print(f"peak RSS MiB (agent + browser): {track['rss']:.0f}")
        for s in servers:
            s.shutdown()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
