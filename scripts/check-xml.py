#!/usr/bin/env python3
"""Parses every .xml file of a built site and checks feeds and sitemaps against their formats.

Usage: check-xml.py OUTPUT_DIR. Exit status 1 on any problem, printed as `file: message`.
"""
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")
W3C_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_feed(root, problems, name):
    for tag in ("id", "title", "updated"):
        if root.find(ATOM + tag) is None:
            problems.append(f"{name}: the feed has no <{tag}>")
    if root.find(ATOM + "author") is None and any(e.find(ATOM + "author") is None for e in root.findall(ATOM + "entry")):
        problems.append(f"{name}: the feed and some entries have no <author>")
    updated = root.findtext(ATOM + "updated") or ""
    if not RFC3339.match(updated):
        problems.append(f"{name}: <updated> is not an RFC 3339 date: {updated!r}")
    for entry in root.findall(ATOM + "entry"):
        for tag in ("id", "title", "updated"):
            if entry.find(ATOM + tag) is None:
                problems.append(f"{name}: an entry has no <{tag}>")
        if not RFC3339.match(entry.findtext(ATOM + "updated") or ""):
            problems.append(f"{name}: an entry's <updated> is not an RFC 3339 date")
        if not (entry.findtext(ATOM + "id") or "").startswith(("http://", "https://", "urn:", "tag:")):
            problems.append(f"{name}: an entry's <id> is not an absolute IRI")


def check_sitemap(root, problems, name):
    urls = root.findall(SITEMAP + "url")
    if not urls:
        problems.append(f"{name}: the sitemap lists no URL")
    for url in urls:
        loc = url.findtext(SITEMAP + "loc") or ""
        if not loc.startswith(("http://", "https://")):
            problems.append(f"{name}: <loc> is not an absolute URL: {loc!r}")
        lastmod = url.findtext(SITEMAP + "lastmod")
        if lastmod is not None and not W3C_DATE.match(lastmod):
            problems.append(f"{name}: <lastmod> is not a W3C date: {lastmod!r}")


def main():
    root_dir = pathlib.Path(sys.argv[1])
    problems, count = [], 0
    for path in sorted(root_dir.rglob("*.xml")):
        name = str(path.relative_to(root_dir))
        count += 1
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as error:
            problems.append(f"{name}: not well-formed XML: {error}")
            continue
        if root.tag == ATOM + "feed":
            check_feed(root, problems, name)
        elif root.tag == SITEMAP + "urlset":
            check_sitemap(root, problems, name)
        else:
            problems.append(f"{name}: unexpected root element {root.tag}")
    for problem in problems:
        print(problem)
    print(f"{count} XML files checked, {len(problems)} problems", file=sys.stderr)
    sys.exit(1 if problems or count == 0 else 0)


if __name__ == "__main__":
    main()
