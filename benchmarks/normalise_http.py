"""Speed of ``POST /v1/normalise`` over one keep-alive connection, against dateparser, same run.

Usage: python benchmarks/normalise_http.py [--docs N]
Starts the service with uvicorn on a free loopback port (temporary database, no seeds), posts each
document and times the round trip; times the in-process normaliser and
``dateparser.search.search_dates`` on the same documents, and prints the ratios. The HTTP overhead is
the difference between the round trip and the in-process call.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from temporal_speed import REPO, best_of, dateparser_ms, documents_from_args  # noqa: E402

from service.pipeline.temporal import normalise  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(port: int, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the service did not start")


def main() -> int:
    docs = documents_from_args(__doc__.splitlines()[0])
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "TIMELINE_DATABASE_URL": f"sqlite:///{tmp}/bench.db"}
        server = subprocess.Popen(
            [sys.executable, "-m", "service.cli", "serve", "--port", str(port), "--no-seeds"],
            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            wait_ready(port)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

            def post(text: str, reference: str) -> None:
                body = json.dumps({"text": text, "reference_date": reference})
                conn.request("POST", "/v1/normalise", body, {"Content-Type": "application/json"})
                response = conn.getresponse()
                response.read()
                assert response.status == 200, response.status

            normalise(docs[0][0], docs[0][1])
            post(docs[0][0], docs[0][1].isoformat())
            http_ms, ours_ms, theirs_ms = [], [], []
            for text, reference in docs:
                http_ms.append(best_of(lambda: post(text, reference.isoformat()), 5))
                ours_ms.append(best_of(lambda: normalise(text, reference), 5))
                theirs_ms.append(dateparser_ms(text, reference, repeat=1))
        finally:
            server.terminate()
            server.wait(timeout=10)
    median = statistics.median
    print(f"documents: {len(docs)}")
    print(f"in process:  median {median(ours_ms):7.3f} ms/doc")
    print(f"over HTTP:   median {median(http_ms):7.3f} ms/doc "
          f"(overhead {median(h - o for h, o in zip(http_ms, ours_ms)):.3f} ms)")
    print(f"dateparser:  median {median(theirs_ms):7.3f} ms/doc")
    print(f"ratio dateparser / HTTP, median per doc: "
          f"{median(t / h for t, h in zip(theirs_ms, http_ms)):.1f}x")
    print(f"ratio dateparser / in process, median per doc: "
          f"{median(t / o for t, o in zip(theirs_ms, ours_ms)):.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
