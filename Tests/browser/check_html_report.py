#!/usr/bin/env python3
"""Renders an HTML report with headless Chromium, as a person's browser would, and reports what came out.

Usage: check_html_report.py REPORT.html OUT_DIR
Writes OUT_DIR/report.pdf (printed on A4) and OUT_DIR/page1.png (the first screen, 1240x1754), then prints
one JSON object: the number of PDF pages, the PDF's text (pdftotext, UTF-8), and the share of the PNG's
pixels that are not white (a blank or failed render is ~0). The Swift test decides what is right.
"""
import json
import os
import subprocess
import sys

from PIL import Image


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        for folder in os.environ.get("PATH", "").split(os.pathsep):
            path = os.path.join(folder, name)
            if os.access(path, os.X_OK):
                return path
    sys.exit("chromium not found")


def main():
    report, out = os.path.abspath(sys.argv[1]), sys.argv[2]
    pdf, png = os.path.join(out, "report.pdf"), os.path.join(out, "page1.png")
    base = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--hide-scrollbars"]
    url = "file://" + report
    subprocess.run(base + ["--no-pdf-header-footer", "--print-to-pdf=" + pdf, url],
                   check=True, capture_output=True, timeout=180)
    subprocess.run(base + ["--screenshot=" + png, "--window-size=1240,1754", url],
                   check=True, capture_output=True, timeout=180)
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], check=True, capture_output=True).stdout
    image = Image.open(png).convert("L")
    histogram = image.histogram()
    nonwhite = sum(histogram[:240]) / (image.width * image.height)
    json.dump({"pages": pages, "text": text.decode("utf-8"), "nonwhite": nonwhite,
               "width": image.width, "height": image.height}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
