#!/usr/bin/env python3
"""A tiny site farm for scripts/container-test, on 127.0.0.1 only.

  container-site.py PORT DIR

Serves /page-N.html (a small terms page, N any number) at once, and /slow/page-N.html: while
the file DIR/slow exists, a slow page answers only after 120 s (a capture stays in flight for
the SIGTERM check); the first such request touches DIR/slow-hit. Otherwise slow pages answer
at once, so that a re-run completes.
"""
import http.server
import os
import sys
import time

port, work = int(sys.argv[1]), sys.argv[2]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        path = self.path.split("?")[0]
        name = path.rsplit("/", 1)[-1]
        if not (name.startswith("page-") and name.endswith(".html")):
            self.send_error(404)
            return
        if path.startswith("/slow/") and os.path.exists(os.path.join(work, "slow")):
            open(os.path.join(work, "slow-hit"), "a").close()
            deadline = time.time() + 120
            while time.time() < deadline and os.path.exists(os.path.join(work, "slow")):
                time.sleep(0.2)
        n = name[len("page-"):-len(".html")]
        body = (f"<!doctype html><html><head><meta charset='utf-8'><title>Terms {n}</title></head>"
                f"<body><nav>menu</nav><main><h1>Terms of service {n}</h1>"
                f"<p>These are the terms of service number {n}. "
                + "Clause text that a capture keeps. " * 40 +
                "</p><ol><li>First clause</li><li>Second clause</li></ol></main></body></html>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, fmt, *args):
        with open(os.path.join(work, "site.log"), "a") as log:
            log.write("%s %s\n" % (self.log_date_time_string(), fmt % args))


server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
server.daemon_threads = True
server.serve_forever()
