#!/usr/bin/env python3
"""Bounded load test of `attune serve` on 127.0.0.1 while sources are edited.

Copies a site to a temporary folder, starts `attune serve --port 0` on it, then runs
CONNECTIONS keep-alive clients for SECONDS, each requesting pages in turn, while an
article is rewritten four times a second (so the server rebuilds under load). Every
response must be a 200 whose body is exactly Content-Length bytes and, for HTML, a whole
document; the server's resident memory is sampled every second. Traffic never leaves
the loopback interface, and the run stops by itself.

usage: python3 benches/load.py [SITE] [--seconds 60] [--connections 100]
"""
import argparse, asyncio, os, re, shutil, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PAGES = ["/", "/effects/alexithymia/", "/patterns/dismissive-family/", "/glossary/", "/search/index.js",
         "/assets/style.css", "/tags/", "/map/", "/sitemap.xml"]


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


async def client(host, port, deadline, stats):
    reader, writer = await asyncio.open_connection(host, port)
    i = 0
    try:
        while time.monotonic() < deadline:
            path = PAGES[i % len(PAGES)]
            i += 1
            start = time.monotonic()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = int(re.search(rb"(?i)content-length:\s*(\d+)", head).group(1))
            body = await reader.readexactly(length)
            stats["latency"].append(time.monotonic() - start)
            stats["requests"] += 1
            if status != 200:
                stats["failed"] += 1
            elif path.endswith("/") and not body.rstrip().endswith(b"</html>"):
                stats["partial"] += 1
    except (ConnectionError, asyncio.IncompleteReadError, AttributeError, ValueError) as e:
        stats["errors"].append(repr(e))
    finally:
        writer.close()


async def editor(source, deadline, stats):
    original = open(source).read()
    n = 0
    while time.monotonic() < deadline:
        n += 1
        with open(source, "w") as f:
            f.write(original.rstrip("\n") + f"\n\nEdited under load, version {n}.\n")
        stats["edits"] += 1
        await asyncio.sleep(0.25)
    with open(source, "w") as f:
        f.write(original)


async def sampler(pid, deadline, stats):
    while time.monotonic() < deadline:
        stats["rss"].append(rss_kib(pid))
        await asyncio.sleep(1)


async def run(host, port, pid, source, seconds, connections):
    deadline = time.monotonic() + seconds
    stats = {"requests": 0, "failed": 0, "partial": 0, "errors": [], "latency": [], "edits": 0, "rss": []}
    await asyncio.gather(
        *(client(host, port, deadline, stats) for _ in range(connections)),
        editor(source, deadline, stats),
        sampler(pid, deadline, stats),
    )
    return stats


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("site", nargs="?", default=os.path.join(REPO, "tests", "fixtures", "basic"))
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--connections", type=int, default=100)
    a = ap.parse_args()
    a.seconds = min(a.seconds, 600)  # bounded, whatever is asked
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    work = tempfile.mkdtemp(prefix="attune-load-")
    site = os.path.join(work, "site")
    shutil.copytree(a.site, site, ignore=shutil.ignore_patterns("public"))
    source = os.path.join(site, "content", "effects", "alexithymia.md")
    server = subprocess.Popen([os.path.join(REPO, "target", "release", "attune"), "serve", "--port", "0",
                               "--out", os.path.join(work, "served"), "--root", site],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        m = re.search(r"http://(127\.0\.0\.1):(\d+)/", line)
        if not m:
            sys.exit(f"serve did not start: {line!r}")
        stats = asyncio.run(run(m.group(1), int(m.group(2)), server.pid, source, a.seconds, a.connections))
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)
    lat = sorted(stats["latency"]) or [0]
    rss = stats["rss"] or [0]
    print(f"{stats['requests']} requests over {a.seconds:.0f} s from {a.connections} connections "
          f"({stats['requests'] / a.seconds:.0f}/s) during {stats['edits']} edits")
    print(f"failed {stats['failed']}, partial {stats['partial']}, connection errors {len(stats['errors'])}")
    print(f"latency p50 {statistics.median(lat) * 1000:.1f} ms, p99 {lat[int(len(lat) * 0.99) - 1] * 1000:.1f} ms")
    print(f"server RSS: first {rss[0] / 1024:.1f} MiB, last {rss[-1] / 1024:.1f} MiB, max {max(rss) / 1024:.1f} MiB")
    ok = stats["failed"] == 0 and stats["partial"] == 0 and not stats["errors"]
    if stats["errors"]:
        print("errors:", stats["errors"][:5])
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
