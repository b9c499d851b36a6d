"""Build benchmark: our site vs the plain-MkDocs floor on synthetic corpora of N documents.

    .venv/bin/python bench/run.py                      # N = 100, 500, 1000, 5000; ours and floor
    .venv/bin/python bench/run.py --sizes 100,500      # a quick run
    .venv/bin/python bench/run.py --sizes 1000 --profile   # plus a cProfile of our build
    .venv/bin/python bench/run.py --sizes 1000 --serve     # edit–rebuild loop under `mkdocs serve`

For each N it generates a deterministic corpus (bench/gen.py) into a temporary project, then
builds, in the same run and interleaved so machine noise hits both alike:
- ours:  the project as it is (hooks load data/ and generate the pages);
- floor: plain MkDocs with the same mkdocs.yml, theme, overrides and extensions but no hooks,
         building the very Markdown our generator produced, pre-written to docs/;
- ours-nosearch (and ours-serial-nosearch): ours without our search index (bench/nosearch.py),
         so that the index's share of the build is measured from outside, in the same run.
Reported: wall time, CPU time (user + system, the build and its helper processes), peak memory
(the largest sum of proportional set sizes over the build's process tree, sampled every 0.1 s:
helper processes share memory with the build copy-on-write, and PSS counts a shared page once
in total), site size, HTML bytes per document page,
search index size (raw and gzipped), and the ratios ours/floor and t(N_max)/t(N_min).
Machines are shared and noisy: trust the ratios of one run, not absolute times across runs.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import posixpath
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen  # noqa: E402

PYTHON = sys.executable
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
SAME_DOCS = 20  # the first documents are identical for every N: compare their pages across N


@dataclass
class Result:
    n: int
    variant: str  # ours | floor
    seconds: float
    cpu_seconds: float  # user + system of the build and the helper processes it waited for
    peak_mib: float  # largest sampled PSS sum of the build's process tree
    site_mib: float
    doc_page_kib: float  # mean HTML size of a document page
    same_docs_kib: float  # mean HTML size of the pages of the first SAME_DOCS documents
    search_raw_mib: float
    search_gz_mib: float


def build(project: Path, site: Path, serial: bool = False, search: bool = True) -> tuple[float, float, float]:
    """One strict build in a child process: (wall seconds, CPU seconds, peak MiB of its process tree).
    `serial`: with KB_SERIAL=1, our build does all its work in the build process (no second core).
    `search=False`: our build without our search index (bench/nosearch.py; a no-op in its place)."""
    shutil.rmtree(site, ignore_errors=True)
    # no -q: in MkDocs 1.6.1 it hides warnings from --strict, so a build with warnings would pass
    cmd = [PYTHON, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    if not search:
        cmd = [PYTHON, str(Path(__file__).resolve().parent / "nosearch.py"), str(project), str(site)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=project, env=dict(ENV, KB_SERIAL="1") if serial else ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = _MemorySampler(proc.pid)
    sampler.start()
    err = proc.stderr.read().decode() if proc.stderr else ""  # drains the pipe until the build ends
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    sampler.stop()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{err[-3000:]}")
    peak = max(sampler.peak_kib, usage.ru_maxrss)  # ru_maxrss: KiB on Linux, a floor if sampling missed the peak
    return seconds, usage.ru_utime + usage.ru_stime, peak / 1024


class _MemorySampler(threading.Thread):
    """Largest sum of PSS over a process and its descendants, read from /proc every 0.1 s."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak_kib, self._done = pid, 0, threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.1):
            self.peak_kib = max(self.peak_kib, sum(_pss_kib(p) for p in _tree(self.pid)))

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            continue
    return pids


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure_site(site: Path, doc_ids: list[str]) -> dict:
    """Sizes: the site without its downloadable zip, document pages, and the search index files."""
    files = [p for p in site.rglob("*") if p.is_file() and p.suffix != ".zip"]
    pages = [p for p in (site / "van-ban").glob("*.html") if p.name != "index.html"]
    same = [site / "van-ban" / f"{i}.html" for i in doc_ids[:SAME_DOCS]]
    search = [p for p in (site / "search").rglob("*") if p.is_file()] if (site / "search").is_dir() else []
    raw = sum(p.stat().st_size for p in search)
    gz = sum(len(gzip.compress(p.read_bytes(), 6)) for p in search)
    return dict(
        site_mib=sum(p.stat().st_size for p in files) / 2**20,
        doc_page_kib=statistics.mean(p.stat().st_size for p in pages) / 1024,
        same_docs_kib=statistics.mean(p.stat().st_size for p in same) / 1024,
        search_raw_mib=raw / 2**20,
        search_gz_mib=gz / 2**20,
    )


def make_floor(ours: Path, dest: Path, material_search: bool = False) -> Path:
    """Plain MkDocs project with our generated pages pre-written to docs/ as Markdown, and no hooks
    (document pages, which we render straight to HTML, as the Markdown of bench/floor_pages.py).

    With material_search, the floor also runs Material's own search plugin: what a plain
    Material site pays for search, to set against our own search index (which `floor` lacks).
    """
    sys.path.insert(0, str(ours / "hooks"))
    from kb.loader import load_corpus
    from kb.pages import PageGenerator

    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(ours / "docs", dest / "docs")
    shutil.copytree(ours / "overrides", dest / "overrides")
    # plain Material renders its navigation into every page: our cache of it (hooks/theme_cache.py) is ours
    (dest / "overrides" / "partials" / "nav.html").unlink()
    corpus, _ = load_corpus(ours / "data", root=ours)
    from kb_mkdocs import NAV_PAGES

    from floor_pages import FloorPages

    out_of_nav = set()
    generator = PageGenerator(corpus)
    floor_pages = FloorPages(generator)
    for page in generator.plan():
        if page.src_path not in NAV_PAGES:
            folder = posixpath.dirname(page.src_path)
            out_of_nav.add(f"/{folder}/*.md" if folder else f"/{page.src_path}")
        path = dest / "docs" / page.src_path
        path.parent.mkdir(parents=True, exist_ok=True)
        # pages we render as HTML from the model, the floor converts from Markdown
        content = floor_pages.markdown(page) if page.html else page.render()
        path.write_text(content, encoding="utf-8")
    config = (ours / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^hooks:\n(?:  - .*\n)+", "", config, flags=re.M)
    config = re.sub(r"^watch:\n(?:  - .*\n)+", "", config, flags=re.M)
    # our hook marks generated pages outside mkdocs.yml's nav NOT_IN_NAV; plain MkDocs needs
    # the same as patterns (nav pages stay in the nav whatever the pattern says)
    config += "\nnot_in_nav: |\n" + "".join(f"  {pattern}\n" for pattern in sorted(out_of_nav))
    if material_search:
        config = config.replace("plugins: []", "plugins:\n  - search:\n      lang: vi")
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    # pages link to the site zip our hook writes; an empty stand-in keeps those links valid
    zip_path = dest / "docs" / "tai-ve" / "kho-chi-thi-dan-van.zip"
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    zip_path.write_bytes(b"")
    return dest


def run_sizes(sizes: list[int], variants: list[str], repeat: int, work: Path) -> list[Result]:
    results = []
    for n in sizes:
        ours = gen.make_project(n, work / f"n{n}" / "ours")
        first_ids = _first_ids(ours)
        projects = {"ours": ours, "ours-serial": ours, "ours-nosearch": ours, "ours-serial-nosearch": ours}
        if "floor" in variants:
            projects["floor"] = make_floor(ours, work / f"n{n}" / "floor")
        if "floor+search" in variants:
            projects["floor+search"] = make_floor(ours, work / f"n{n}" / "floor-search", material_search=True)
        best: dict[str, tuple[float, float, float]] = {}
        for _ in range(repeat):
            for variant in variants:  # interleaved: noise hits both
                site = work / f"n{n}" / f"site-{variant}"
                seconds, cpu, peak = build(projects[variant], site, serial=variant.startswith("ours-serial"), search=not variant.endswith("-nosearch"))
                if variant.endswith("-nosearch") and (site / "search").exists():
                    raise SystemExit(f"{site} has search files: the no-search build did not replace our index")
                old = best.get(variant)
                if old is None or seconds < old[0]:  # the fastest build, and the largest peak of all
                    best[variant] = (seconds, cpu, max(peak, old[2]) if old else peak)
                else:
                    best[variant] = (old[0], old[1], max(peak, old[2]))
        for variant in variants:
            site = work / f"n{n}" / f"site-{variant}"
            r = Result(n, variant, *best[variant], **measure_site(site, first_ids))
            results.append(r)
            print(_row(r), flush=True)
    return results


def _first_ids(project: Path) -> list[str]:
    """Ids of the first SAME_DOCS generated documents (document i is the same for every N)."""
    ids = []
    for path in (project / "data" / "van-ban").glob("*.yml"):
        number = int(path.stem.rsplit("-", 1)[1])
        if number <= SAME_DOCS:
            ids.append((number, path.stem))
    return [i for _, i in sorted(ids)]


HEADER = f"{'N':>6} {'variant':<12} {'time s':>8} {'cpu s':>7} {'peak MiB':>9} {'site MiB':>9} {'doc KiB':>8} {'first20 KiB':>11} {'search MiB':>10} {'gz MiB':>7}"


def _row(r: Result) -> str:
    return (
        f"{r.n:>6} {r.variant:<12} {r.seconds:>8.2f} {r.cpu_seconds:>7.2f} {r.peak_mib:>9.0f} {r.site_mib:>9.1f} {r.doc_page_kib:>8.1f} "
        f"{r.same_docs_kib:>11.2f} {r.search_raw_mib:>10.2f} {r.search_gz_mib:>7.2f}"
    )


def ratios(results: list[Result]) -> list[str]:
    lines = []
    by = {(r.n, r.variant): r for r in results}
    sizes = sorted({r.n for r in results})
    for n in sizes:
        if (n, "ours") in by and (n, "floor") in by:
            lines.append(f"N={n}: ours/floor time {by[n, 'ours'].seconds / by[n, 'floor'].seconds:.3f}, "
                         f"CPU {by[n, 'ours'].cpu_seconds / by[n, 'floor'].cpu_seconds:.3f}, "
                         f"peak {by[n, 'ours'].peak_mib / by[n, 'floor'].peak_mib:.2f}")
        if (n, "ours-serial") in by and (n, "floor") in by:
            lines.append(f"N={n}: ours serial (KB_SERIAL=1)/floor time {by[n, 'ours-serial'].seconds / by[n, 'floor'].seconds:.3f}, "
                         f"CPU {by[n, 'ours-serial'].cpu_seconds / by[n, 'floor'].cpu_seconds:.3f}")
        for base in ("ours", "ours-serial"):  # what our search index costs the build, as a share of it
            if (n, base) in by and (n, f"{base}-nosearch") in by:
                with_, without = by[n, base], by[n, f"{base}-nosearch"]
                lines.append(f"N={n}: search index share of {base}: wall {(with_.seconds - without.seconds) / with_.seconds:.1%} "
                             f"({with_.seconds:.1f} - {without.seconds:.1f} s), CPU {(with_.cpu_seconds - without.cpu_seconds) / with_.cpu_seconds:.1%} "
                             f"({with_.cpu_seconds:.1f} - {without.cpu_seconds:.1f} s)")
        if (n, "ours") in by and (n, "floor+search") in by:
            lines.append(f"N={n}: ours/(floor+Material search) time {by[n, 'ours'].seconds / by[n, 'floor+search'].seconds:.3f}")
    for variant in ("ours", "ours-serial", "floor", "floor+search"):
        pts = [n for n in sizes if (n, variant) in by]
        if len(pts) >= 2:
            lo, hi = pts[0], pts[-1]
            if 500 in pts and hi != 500:
                lo = 500
            lines.append(f"{variant}: t({hi})/t({lo}) = {by[hi, variant].seconds / by[lo, variant].seconds:.2f} (linear would be {hi / lo:.1f})")
            kib = [by[n, variant].same_docs_kib for n in pts]
            lines.append(f"{variant}: HTML of the same {SAME_DOCS} document pages across N: {', '.join(f'{k:.2f}' for k in kib)} KiB")
    return lines


def profile(n: int, work: Path, top: int) -> None:
    """cProfile one build of ours; print where the time goes (our hooks first)."""
    import pstats

    project = work / f"n{n}" / "ours"
    if not project.exists():
        gen.make_project(n, project)
    out = work / f"n{n}" / "build.prof"
    cmd = [PYTHON, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build", "--strict", "-q", "-d", str(work / f"n{n}" / "site-prof")]
    subprocess.run(cmd, cwd=project, env=ENV, check=True)
    stats = pstats.Stats(str(out))
    total = stats.total_tt
    ours_on_files = sum(v[3] for k, v in stats.stats.items() if k[2] == "on_files" and "kb_mkdocs" in k[0])
    print(f"\nprofile N={n}: total {total:.2f} s (under cProfile); our on_files hook {ours_on_files:.2f} s = {100 * ours_on_files / total:.1f}%")
    stats.sort_stats("cumulative").print_stats(r"hooks/kb", top)
    stats.sort_stats("tottime").print_stats(top)


def search_bench(n: int, work: Path) -> None:
    """Search at N documents (building the site if this run has not): the index writer alone on the
    built pages (its time is the index's share of a build), then scripts/measure_search.py."""
    site = work / f"n{n}" / "site-ours"
    if not site.is_dir():
        seconds, _, _ = build(gen.make_project(n, work / f"n{n}" / "ours"), site)
        print(f"N={n}: build {seconds:.1f} s")
    subprocess.run([PYTHON, str(gen.ROOT / "bench" / "search_reindex.py"), str(site), "--out", str(work / f"n{n}" / "reindexed")], check=True)
    subprocess.run([PYTHON, str(gen.ROOT / "scripts" / "measure_search.py"), str(site)], check=True)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,500,1000,5000", help="comma-separated N values")
    ap.add_argument("--variants", default="ours,floor", help="any of: ours, ours-serial (KB_SERIAL=1), ours-nosearch and ours-serial-nosearch (the same without our search index: bench/nosearch.py), floor, floor+search (floor plus Material's search plugin)")
    ap.add_argument("--repeat", type=int, default=1, help="builds per variant and N (best time is kept)")
    ap.add_argument("--work", type=Path, help="keep projects and sites here (default: a temp dir, deleted)")
    ap.add_argument("--json", type=Path, help="also write the results as JSON")
    ap.add_argument("--profile", action="store_true", help="cProfile one build of ours at the largest N")
    ap.add_argument("--serve", action="store_true", help="measure the edit–rebuild loop under `mkdocs serve` at the largest N")
    ap.add_argument("--search", action="store_true", help="at every N: time the search index writer alone, and measure search in headless Chromium (scripts/measure_search.py)")
    ap.add_argument("--no-build", action="store_true", help="skip the build table (with --profile/--serve)")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    variants = [v for v in args.variants.split(",") if v]
    work = args.work or Path(tempfile.mkdtemp(prefix="kb-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if not args.no_build:
            print(HEADER, flush=True)
            results = run_sizes(sizes, variants, args.repeat, work)
            print()
            for line in ratios(results):
                print(line)
            if args.json:
                args.json.write_text(json.dumps([asdict(r) for r in results], indent=1))
        if args.profile:
            profile(max(sizes), work, 25)
        if args.search:
            for n in sizes:
                search_bench(n, work)
        if args.serve:
            import serve_loop

            serve_loop.main(max(sizes), work)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
