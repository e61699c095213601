#!/usr/bin/env python3
"""attune's benchmark runner.

Generates corpora with shared/bench/gen_corpus.py (found in the nearest folder above
the repository that has it, or given with --gen), builds each one
--runs times after a warm-up, and reports the median wall time, CPU time (user+sys)
and peak memory of the whole `attune build` process: cold (no earlier output) and as a
rebuild (the previous output in place, as when a publisher builds again). Where hugo, zola or mdbook are on
PATH it builds their layouts of the same corpus in the same run and prints ratios.
With --search it also measures, in headless Chromium from file://, the index bytes a
one-word query loads and the first and warm query times.

With --compare A B ... it instead runs the given attune executables against each
other, interleaved (A B A B ...) so that load from other work on the machine falls
on all of them alike, and prints each one's medians and its ratio to the first.

usage: python3 benches/run.py [--sizes 100,1000,10000] [--runs 5] [--search] [--serve]
       python3 benches/run.py --compare BASE OTHER... [--sizes 1000] [--runs 5] [--cold] [--serve]
"""
import argparse, json, os, shutil, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
CORPUS = os.path.join(HERE, "corpus")


def find_generator():
    """shared/bench/gen_corpus.py in the repository's parent folder or any above it, so
    the runner finds it from any checkout (a worktree sits deeper than the main one)."""
    folder = REPO
    while True:
        candidate = os.path.join(folder, "shared", "bench", "gen_corpus.py")
        if os.path.isfile(candidate):
            return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


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
            raise RuntimeError(f"serve did not start: {line}")
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
            try:
                while True:
                    try:
                        if marker in open(page).read():
                            break
                    except FileNotFoundError:
                        pass
                    if time.perf_counter() - start > 30:
                        raise TimeoutError(f"serve did not rewrite {page} within 30 s")
                    time.sleep(0.002)
                samples.append(time.perf_counter() - start)
                while build_number() == before:
                    if time.perf_counter() - start > 30:
                        raise TimeoutError(f"serve did not finish the rebuild after editing {src} within 30 s")
                    time.sleep(0.002)
                done.append(time.perf_counter() - start)
                edited = build_number()
            finally:
                # The corpus is left as it was, whatever happened.
                with open(src, "w") as f:
                    f.write(text)
            # The rebuild the restore causes is over before the next edit is timed.
            while build_number() == edited and time.perf_counter() - start < 60:
                time.sleep(0.01)
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
    ap.add_argument("--gen", default=find_generator(), help="the corpus generator (default: shared/bench/gen_corpus.py above the repository)")
    ap.add_argument("--binary", help="the attune executable to measure (default: build target/release/attune)")
    ap.add_argument("--compare", nargs="+", metavar="BINARY", help="measure these attune executables against the first, interleaved")
    ap.add_argument("--cold", action="store_true", help="with --compare: cold builds (output removed before each) instead of rebuilds")
    ap.add_argument("--search", action="store_true", help="measure search budgets in Chromium (needs tests/browser npm packages)")
    ap.add_argument("--serve", action="store_true", help="measure save-to-updated-file latency of `attune serve`")
    ap.add_argument("--json", help="also write results here")
    a = ap.parse_args()

    if a.compare:
        return compare(a)
    if a.binary:
        attune = os.path.abspath(a.binary)
    else:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
        attune = os.path.join(REPO, "target", "release", "attune")
    results = {}
    print(f"{'corpus':>8} {'tool':>8} {'median wall':>12} {'cpu':>8} {'peak RSS':>10}  runs")
    for n in [int(s) for s in a.sizes.split(",")]:
        root = corpus(a, n)
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


def corpus(a, n):
    """The folder of the n-article corpus, generated on first use."""
    root = os.path.join(CORPUS, str(n))
    if not os.path.isdir(os.path.join(root, "attune")):
        if not a.gen or not os.path.isfile(a.gen):
            sys.exit("corpus generator not found: give its path with --gen")
        subprocess.run([sys.executable, a.gen, str(n), root], check=True, stdout=subprocess.DEVNULL)
    return root


def compare(a):
    """Runs each executable in a.compare on the same corpus, interleaved, a.runs times
    each after one warm-up round; prints medians and ratios to the first."""
    binaries = [os.path.abspath(b) for b in a.compare]
    names = [os.path.basename(b) for b in binaries]
    results = {}
    mode = "cold" if a.cold else "rebuild"
    print(f"{'corpus':>8} {'binary':>24} {'wall':>9} {'cpu':>9} {'peak RSS':>9} {'wall ratio':>10} {'cpu ratio':>9}  ({mode}, "
          f"medians of {a.runs} interleaved runs; walls, cpus)")
    for n in [int(s) for s in a.sizes.split(",")]:
        site = os.path.join(corpus(a, n), "attune")

        def clear():
            for d in ("public", ".public.attune-staging"):
                shutil.rmtree(os.path.join(site, d), ignore_errors=True)

        samples = [[] for _ in binaries]
        for lap in range(a.runs + 1):
            for i, b in enumerate(binaries):
                if a.cold:
                    clear()
                sample = measure([b, "build", "--root", site])
                if lap > 0:  # the first round warms the file cache and the output
                    samples[i].append(sample)
        base = None
        results[n] = {}
        for s, name in zip(samples, names):
            r = {
                "wall": statistics.median(x[0] for x in s),
                "cpu": statistics.median(x[1] for x in s),
                "rss": statistics.median(x[2] for x in s),
                "walls": [round(x[0], 3) for x in s],
                "cpus": [round(x[1], 3) for x in s],
            }
            base = base or r
            results[n][name] = r
            print(f"{n:>8} {name:>24} {r['wall']*1000:>7.0f}ms {r['cpu']*1000:>7.0f}ms {r['rss']:>7.0f}MiB "
                  f"{r['wall']/base['wall']:>10.3f} {r['cpu']/base['cpu']:>9.3f}  {r['walls']} {r['cpus']}")
        if a.serve:
            lat = [([], []) for _ in binaries]
            for _ in range(a.runs):
                for i, b in enumerate(binaries):
                    try:
                        _, pages, _, wholes = serve_latency(b, site, edits=3)
                    except (TimeoutError, RuntimeError) as e:
                        print(f"{n:>8} {names[i]:>24} serve: {e}")
                        continue
                    lat[i][0].extend(pages)
                    lat[i][1].extend(wholes)
            base = None
            for i, name in enumerate(names):
                page, whole = (statistics.median(x) for x in lat[i])
                base = base or (page, whole)
                results[n][name]["serve_ms"] = page * 1000
                results[n][name]["serve_rebuild_ms"] = whole * 1000
                print(f"{n:>8} {name:>24} serve edit: page rewritten {page*1000:.0f} ms ({page/base[0]:.3f}), "
                      f"rebuild done {whole*1000:.0f} ms ({whole/base[1]:.3f}), {len(lat[i][0])} edits")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
