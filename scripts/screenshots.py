"""Render every page type of a built site to PNG, for people to review the look.

For each page type (the first page of its kind in the built site): screenshots at desktop
size (1366×900) and at phone size (390×844), of the first screen and of the full page; the page printed to PDF by Chromium
(A4, print styles) with the page count, and its first pages as PNG. Document pages are all
printed, since their page counts are what a handout costs.

    .venv/bin/python scripts/screenshots.py [SITE] [-o OUT] [--pdf-pages N]

SITE defaults to site/ (build it first: scripts/serve.sh build); OUT defaults to
/tmp/kb-screenshots. Needs what scripts/test.sh installs (playwright, pypdfium2, pillow and
Debian's chromium). Prints one line per page: type, path, print pages.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
from pathlib import Path

import pypdfium2
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"]
SIZES = {"desktop": (1366, 900), "phone": (390, 844)}

# page type → glob in the built site; the first match (sorted) stands for its type
PAGE_TYPES = {
    "trang-chu": "index.html",
    "danh-sach-van-ban": "van-ban/index.html",
    "van-ban": "van-ban/*.html",
    "duyet-co-quan": "duyet/co-quan.html",
    "duyet-nam": "duyet/nam.html",
    "duyet-cap": "duyet/cap.html",
    "duyet-loai": "duyet/loai.html",
    "dan-chieu-muc-luc": "dan-chieu/index.html",
    "dan-chieu": "dan-chieu/*.html",
    "bao-cao-dan-chieu": "bao-cao/*.html",
    "trach-nhiem-muc-luc": "trach-nhiem/index.html",
    "trach-nhiem-thoi-han": "trach-nhiem/thoi-han.html",
    "trach-nhiem-co-quan": "trach-nhiem/*.html",
    "trach-nhiem-nhom": "trach-nhiem/nhom/*.html",
    "chu-de-muc-luc": "chu-de/index.html",
    "chu-de": "chu-de/*.html",
    "dong-thoi-gian": "dong-thoi-gian.html",
    "chuoi-thuc-hien": "chuoi-thuc-hien.html",
    "thuat-ngu": "thuat-ngu.html",
    "moi-cap-nhat": "moi-cap-nhat.html",
    "du-lieu-mo": "du-lieu/index.html",
    "ban-nguon": "ban-nguon/*.html",
    "huong-dan": "huong-dan/*.html",
    "404": "404.html",
}
SKIP = {"index.html", "thoi-han.html"}  # stand for their own types, not for the glob's


def pages_to_render(site: Path) -> list[tuple[str, str]]:
    chosen = []
    for kind, pattern in PAGE_TYPES.items():
        matches = sorted(p for p in site.glob(pattern) if "*" not in pattern or p.name not in SKIP)
        if not matches:
            continue
        picked = matches if kind == "van-ban" else matches[:1]
        chosen.extend((kind, p.relative_to(site).as_posix()) for p in picked)
    return chosen


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def pdf_to_png(pdf_path: Path, out_stem: Path, first: int) -> int:
    """Write the first `first` pages as PNG; return the page count."""
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    count = len(pdf)
    for index in range(min(first, count)):
        image = pdf[index].render(scale=1.2).to_pil()
        image.save(f"{out_stem}-in-{index + 1}.png")
    pdf.close()
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site", type=Path)
    parser.add_argument("-o", "--out", default="/tmp/kb-screenshots", type=Path)
    parser.add_argument("--pdf-pages", default=2, type=int, help="PDF pages to render as PNG")
    args = parser.parse_args()
    site = args.site.resolve()
    if not (site / "index.html").is_file():
        print(f"Không thấy trang web đã dựng trong {site} (chạy scripts/serve.sh build trước).", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    httpd, base = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for kind, path in pages_to_render(site):
                stem = args.out / f"{kind}--{Path(path).stem}"
                for size_name, (width, height) in SIZES.items():
                    page = browser.new_page(viewport={"width": width, "height": height})
                    page.goto(base + path)
                    page.wait_for_load_state("load")
                    page.screenshot(path=f"{stem}-{size_name}.png")  # what the reader sees first
                    page.screenshot(path=f"{stem}-{size_name}-full.png", full_page=True)
                    page.close()
                page = browser.new_page()
                page.goto(base + path)
                page.wait_for_load_state("load")
                pdf_path = Path(f"{stem}.pdf")
                page.pdf(path=str(pdf_path), format="A4", print_background=True)
                page.close()
                count = pdf_to_png(pdf_path, stem, args.pdf_pages)
                print(f"{kind:22} {path:70} {count} trang in")
            browser.close()
    finally:
        httpd.shutdown()
    print(f"Ảnh trong {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
