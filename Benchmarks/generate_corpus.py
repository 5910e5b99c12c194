#!/usr/bin/env python3
"""Deterministic benchmark corpus for briefgen and an equivalent Hugo site.

    generate_corpus.py N OUT_DIR [--seed 7]

writes
    OUT_DIR/briefgen/Content/      site.yml, points/, actors/, articles/*.md (Markdown with front matter)
    OUT_DIR/briefgen/Templates/    a copy of the repository's default theme
    OUT_DIR/briefgen-raw/          the same site with every article in the raw news-text form (*.txt)
    OUT_DIR/hugo/                  hugo.toml, layouts/, content/articles/*.md (the same articles)
    OUT_DIR/all-markdown.md        every article body in one file, for the cmark CLI floor

The Markdown site and the Hugo site hold the same bytes of Markdown, so they compare like with
like; the raw site measures the extra work of reading news text.

The text is neutral filler about a fictional negotiation: invented words of procedure, no real
people, places or events. Each article has 5 to 8 headed sections, a spread of the sticking
points' keywords (so sections speak to 0 to 2 points), quotes attributed to invented actors, and a
date within two years. The same seed gives byte-identical files.
"""
import argparse
import pathlib
import random
import shutil
import sys

POINTS = [
    ("boundary", "The boundary line", ["boundary", "line of contact", "demarcation"]),
    ("guarantees", "Security guarantees", ["guarantee*", "monitoring mission", "peacekeep*"]),
    ("framework", "The framework text", ["framework", "draft text", "annex*"]),
    ("detainees", "Detainee exchanges", ["detainee*", "exchange list", "release schedule"]),
    ("energy", "Energy and transit", ["pipeline", "transit fee*", "power grid"]),
    ("reconstruction", "Reconstruction funds", ["reconstruction", "donor conference", "trust fund"]),
]
STATUSES = ["agreed", "nearing", "unresolved", "contested"]
ACTORS = [
    ("alda-venn", "Alda Venn", "North"), ("borin-kest", "Borin Kest", "North"), ("cela-marr", "Cela Marr", "North"),
    ("dario-fell", "Dario Fell", "South"), ("esme-tollan", "Esme Tollan", "South"), ("fenn-orlo", "Fenn Orlo", "South"),
    ("greta-hald", "Greta Hald", "Mediators"), ("hugo-ravel", "Hugo Ravel", "Mediators"), ("ines-palk", "Ines Palk", "Mediators"),
    ("jory-stane", "Jory Stane", "Observers"), ("kira-moss", "Kira Moss", "Observers"), ("lenn-arbo", "Lenn Arbo", "Observers"),
]
SUBJECTS = ["The working group", "The technical committee", "The drafting team", "Each delegation", "The secretariat",
            "The review panel", "A joint commission", "The liaison office", "The budget unit", "The legal team"]
VERBS = ["reviewed", "revised", "discussed", "postponed", "approved", "examined", "summarised", "circulated",
         "compared", "scheduled", "annotated", "clarified", "consolidated", "checked"]
OBJECTS = ["the agenda for the next session", "the list of open items", "the wording of the second chapter",
           "a timetable for further meetings", "the minutes of the previous round", "the budget lines",
           "the technical appendix", "a set of procedural notes", "the order of the remaining questions",
           "the comments received in writing", "the translation of the summary", "a map of the meeting rooms"]
TAILS = ["before the afternoon break", "without a formal vote", "in a short morning meeting", "at the request of the chair",
         "over two sessions", "with minor changes", "after a long exchange of notes", "as planned", "late in the evening",
         "during a closed meeting", "for the third time this month", "in the presence of observers"]
HEADING_WORDS = ["Progress", "Questions", "Schedule", "Drafting", "Procedure", "Outlook", "Review", "Details",
                 "Meetings", "Notes", "Committee", "Timetable", "Positions", "Steps", "Workload", "Reports"]
QUOTES = ["We made steady progress on the procedural questions today.", "The text needs another careful reading.",
          "Our teams will meet again next week to continue the work.", "We are not there yet, but the direction is clear.",
          "Every open item has a name and a date now.", "The schedule is tight but it can be kept."]


def sentence(rng, keyword=None):
    text = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"
    if keyword:
        text += f", with the {keyword} on the table"
    return text + "."


def keyword_text(keyword):
    return keyword.rstrip("*") + ("s" if keyword.endswith("*") else "")


def article(rng, index, start_day):
    date = start_day + rng.randrange(730)
    sections = rng.randint(5, 8)
    focus = rng.sample(range(len(POINTS)), rng.choice([1, 1, 2, 2, 3]))
    title_words = rng.sample(HEADING_WORDS, 3)
    title = f"Session {index}: {title_words[0]} and {title_words[1]} in the {title_words[2]} Round"
    body = []  # (heading or None, [paragraph texts])
    lede = [" ".join(sentence(rng) for _ in range(3))]
    body.append((None, lede))
    for section in range(sections):
        heading = " ".join(rng.sample(HEADING_WORDS, 2)) + f" {section + 1}"
        point = POINTS[focus[section % len(focus)]] if rng.random() < 0.6 else None
        paragraphs = []
        for paragraph in range(rng.randint(2, 4)):
            sentences = []
            for s in range(rng.randint(3, 5)):
                keyword = keyword_text(rng.choice(point[2])) if point and (paragraph + s) % 3 == 0 else None
                sentences.append(sentence(rng, keyword))
            if rng.random() < 0.25:
                actor = rng.choice(ACTORS)
                sentences.append(f"\"{rng.choice(QUOTES)[:-1]},\" said {actor[1]}.")
            paragraphs.append(" ".join(sentences))
        body.append((heading, paragraphs))
    return index, date, title, body, [POINTS[i][0] for i in focus]


def day_text(ordinal):
    import datetime
    return (datetime.date(1970, 1, 1) + datetime.timedelta(days=ordinal)).isoformat()


def write_raw(path, date, title, body):
    lines = [f" date {date} {title}", ""]
    for heading, paragraphs in body:
        if heading:
            lines += [heading, ""]
        for paragraph in paragraphs:
            lines += [paragraph, ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def markdown_body(body):
    lines = []
    for heading, paragraphs in body:
        if heading:
            lines += [f"## {heading}", ""]
        for paragraph in paragraphs:
            lines += [paragraph, ""]
    return "\n".join(lines)


def write_site(content, repo):
    """Settings, points, actors and the theme: the same for both briefgen sites."""
    for folder in ("points", "actors", "articles"):
        (content / folder).mkdir(parents=True)
    shutil.copytree(repo / "Templates", content.parent / "Templates")
    (content / "site.yml").write_text(
        "title: Benchmark Briefing\nbase_url: https://bench.example.org/\nlanguage: en\n"
        "description: A generated corpus of neutral filler text.\n", encoding="utf-8")
    for order, (slug, title, keywords) in enumerate(POINTS, 1):
        keyword_lines = "".join(f"  - \"{k}\"\n" for k in keywords)
        (content / "points" / f"{slug}.md").write_text(
            f"---\ntitle: {title}\nstatus: {STATUSES[order % 4]}\norder: {order}\nkeywords:\n{keyword_lines}---\n\n"
            f"An overview of {title.lower()} in generated filler text.\n", encoding="utf-8")
    for slug, name, side in ACTORS:
        (content / "actors" / f"{slug}.md").write_text(
            f"---\nname: {name}\naliases: [{name.split()[-1]}]\nrole: Delegate\nside: {side}\n---\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    repo = pathlib.Path(__file__).resolve().parent.parent
    out = args.out
    if out.exists():
        shutil.rmtree(out)
    contents = [out / site / "Content" for site in ("briefgen", "briefgen-raw")]
    for content in contents:
        write_site(content, repo)
    hugo = out / "hugo"
    (hugo / "content" / "articles").mkdir(parents=True)
    shutil.copytree(pathlib.Path(__file__).resolve().parent / "hugo-site", hugo, dirs_exist_ok=True)

    start_day = 19_700  # 2023-12-09
    for index in range(1, args.count + 1):
        number, date_ordinal, title, body, points = article(rng, index, start_day)
        date = day_text(date_ordinal)
        name = f"a{index:06d}"
        (contents[0] / "articles" / f"{name}.md").write_text(
            f"---\ntitle: \"{title}\"\ndate: {date}\n---\n\n{markdown_body(body)}", encoding="utf-8")
        write_raw(contents[1] / "articles" / f"{name}.txt", date, title, body)
        # Hugo cannot infer sticking points: it is given them in front matter.
        point_list = ", ".join(f"\"{p}\"" for p in points)
        (hugo / "content" / "articles" / f"{name}.md").write_text(
            f"---\ntitle: \"{title}\"\ndate: {date}\npoints: [{point_list}]\n---\n\n{markdown_body(body)}", encoding="utf-8")
    (out / "all-markdown.md").write_text(
        "".join((hugo / "content" / "articles" / f"a{i:06d}.md").read_text(encoding="utf-8").split("---\n", 2)[2]
                for i in range(1, args.count + 1)), encoding="utf-8")
    print(f"wrote {args.count} articles to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
