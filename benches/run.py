#!/usr/bin/env python3
"""attune's benchmark runner.

Generates corpora with ../shared/bench/gen_corpus.py (or --gen), builds each one
--runs times after a warm-up, and reports the median wall time, CPU time (user+sys)
and peak memory of the whole `attune build` process: cold (no earlier output) and as a
rebuild (the previous output in place, as when a publisher builds again). Where hugo, zola or mdbook are on
PATH it builds their layouts of the same corpus in the same run and prints ratios.
With --search it also measures, in headless Chromium from file://, the index bytes a
one-word query loads and the first and warm query times.

usage: python3 benches/run.py [--sizes 100,1000,10000] [--runs 5] [--search]
"""
import argparse, json, os, shutil, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
CORPUS = os.path.join(HERE, "corpus")


def measure(cmd, cwd=None):
    """Runs cmd; returns (wall seconds, cpu seconds, peak RSS MiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"command failed: {' '.join(cmd)}\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def bench(cmd, runs, cwd=None, before=None):
    measure(cmd, cwd)  # warm-up: file cache, first output
    samples = []
    for _ in range(runs):
        if before:
            before()
        samples.append(measure(cmd, cwd))
    return {
        "wall": statistics.median(s[0] for s in samples),
        "cpu": statistics.median(s[1] for s in samples),
        "rss": statistics.median(s[2] for s in samples),
        "walls": [round(s[0], 3) for s in samples],
    }


def serve_latency(attune, site, edits=9):
    """Median time from saving one article to its page being rewritten by `attune serve`,
    and to the rebuild being over (when open pages reload)."""
    import json, re, tempfile, threading, urllib.request
    out = tempfile.mkdtemp(prefix="attune-bench-serve-")
    os.rmdir(out)
    proc = subprocess.Popen([attune, "serve", "--port", "0", "--out", out, "--root", site],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = proc.stdout.readline()
        found = re.search(r"http://[\d.:]+/", line)
        if not found:
            sys.exit(f"serve did not start: {line}")
        status_url = found.group(0) + "__attune/status"

        def build_number():
            with urllib.request.urlopen(status_url) as r:
                return json.load(r)["build"]

        threading.Thread(target=proc.stdout.read, daemon=True).start()
        articles = sorted(os.listdir(os.path.join(site, "content", "patterns")))
        samples, done = [], []
        for k in range(edits):
            name = articles[k % len(articles)]
            src = os.path.join(site, "content", "patterns", name)
            page = os.path.join(out, "patterns", name[:-3], "index.html")
            marker = f"Edited for timing {k}."
            text = open(src).read()
            time.sleep(0.3)
            before = build_number()
            start = time.perf_counter()
            with open(src, "w") as f:
                f.write(text.rstrip("\n") + f"\n\n{marker}\n")
            while True:
                try:
                    if marker in open(page).read():
                        break
                except FileNotFoundError:
                    pass
                if time.perf_counter() - start > 30:
                    sys.exit("serve did not rewrite the page within 30 s")
                time.sleep(0.002)
            samples.append(time.perf_counter() - start)
            while build_number() == before:
                if time.perf_counter() - start > 30:
                    sys.exit("serve did not finish the rebuild within 30 s")
                time.sleep(0.002)
            done.append(time.perf_counter() - start)
            with open(src, "w") as f:
                f.write(text)
        return statistics.median(samples), samples, statistics.median(done), done
    finally:
        proc.terminate()
        proc.wait()
        shutil.rmtree(out, ignore_errors=True)


def others(root):
    """Commands for the other generators that are installed."""
    found = {}
    if shutil.which("hugo"):
        found["hugo"] = (["hugo", "--quiet", "-s", os.path.join(root, "hugo")], None)
    if shutil.which("zola"):
        found["zola"] = (["zola", "build"], os.path.join(root, "zola"))
    if shutil.which("mdbook"):
        found["mdbook"] = (["mdbook", "build", os.path.join(root, "mdbook")], None)
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--gen", default=os.path.join(REPO, "..", "shared", "bench", "gen_corpus.py"))
    ap.add_argument("--search", action="store_true", help="measure search budgets in Chromium (needs tests/browser npm packages)")
    ap.add_argument("--serve", action="store_true", help="measure save-to-updated-file latency of `attune serve`")
    ap.add_argument("--json", help="also write results here")
    a = ap.parse_args()

    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    attune = os.path.join(REPO, "target", "release", "attune")
    results = {}
    print(f"{'corpus':>8} {'tool':>8} {'median wall':>12} {'cpu':>8} {'peak RSS':>10}  runs")
    for n in [int(s) for s in a.sizes.split(",")]:
        root = os.path.join(CORPUS, str(n))
        if not os.path.isdir(os.path.join(root, "attune")):
            subprocess.run([sys.executable, a.gen, str(n), root], check=True, stdout=subprocess.DEVNULL)
        site = os.path.join(root, "attune")
        # Cold: no earlier output, so every file is created and offline.zip compressed
        # whole. Rebuild: the usual case, the previous build's output beside it, so
        # unchanged files and archive entries are compared rather than written again.
        def clear():
            for d in ("public", ".public.attune-staging"):
                shutil.rmtree(os.path.join(site, d), ignore_errors=True)
        c = bench([attune, "build", "--root", site], a.runs, before=clear)
        r = bench([attune, "build", "--root", site], a.runs)
        results[n] = {"attune": r, "attune_cold": c}
        print(f"{n:>8} {'cold':>8} {c['wall']*1000:>10.0f}ms {c['cpu']*1000:>6.0f}ms {c['rss']:>8.0f}MiB  {c['walls']}")
        print(f"{n:>8} {'attune':>8} {r['wall']*1000:>10.0f}ms {r['cpu']*1000:>6.0f}ms {r['rss']:>8.0f}MiB  {r['walls']}")
        for tool, (cmd, cwd) in others(root).items():
            o = bench(cmd, a.runs, cwd)
            results[n][tool] = o
            print(f"{n:>8} {tool:>8} {o['wall']*1000:>10.0f}ms {o['cpu']*1000:>6.0f}ms {o['rss']:>8.0f}MiB  ratio {o['wall']/r['wall']:.1f}x slower than attune")
        if a.serve:
            median, samples, whole, wholes = serve_latency(attune, site)
            results[n]["serve_ms"] = median * 1000
            results[n]["serve_rebuild_ms"] = whole * 1000
            print(f"{n:>8} {'serve':>8} one-article edit to updated page: median {median*1000:.0f} ms "
                  f"(10 ms debounce included) {[round(s*1000) for s in samples]}")
            print(f"{n:>8} {'serve':>8} one-article edit to rebuild done (pages reload): median {whole*1000:.0f} ms "
                  f"{[round(s*1000) for s in wholes]}")
        if a.search:
            offline = os.path.join(root, "offline")
            subprocess.run([attune, "build", "--root", site, "--out", offline, "--offline"], check=True, stderr=subprocess.DEVNULL)
            out = subprocess.run(["node", os.path.join(HERE, "search_budget.mjs"), offline], check=True, capture_output=True, text=True)
            s = json.loads(out.stdout)
            results[n]["search"] = s
            print(f"{n:>8} {'search':>8} one-word query loads {s['bytes']/1024:.0f} KB in {s['files']} files; "
                  f"first query {s['first_ms']:.0f} ms, warm {s['warm_ms']:.1f} ms; index {s['index_bytes']/1e6:.1f} MB in {s['index_files']} files")
    if len(results) > 1:
        sizes = sorted(results)
        lo, hi = sizes[-2], sizes[-1]
        print(f"scaling {hi}/{lo}: {results[hi]['attune']['wall']/results[lo]['attune']['wall']:.1f}x time for {hi/lo:.0f}x articles")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
