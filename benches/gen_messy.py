#!/usr/bin/env python3
"""Generate a big, messy Obsidian-style vault: the kind of library a publisher brings to
attune on day one, before fixing anything.

N notes (default 6,500) in nested folders of any case; about half have no title (no
front matter title and no heading: the title is the file name, with spaces), many carry
keys attune does not know (`publish`, `plugin-id`, `cssclass`), and the text is full of
problems: wikilinks to notes not yet written, misspelt slugs, links to missing files
and anchors. `attune check` on it must report thousands of problems in seconds.
Deterministic: the same N and seed give the same bytes.

usage: gen_messy.py DIR [--notes 6500] [--seed 7]
then:  cargo build --release && time target/release/attune check --root DIR
"""
import argparse, os, random, shutil

TOPICS = ["patterns", "effects", "healing", "tools", "journal", "people"]
SUBS = ["Family styles", "daily", "Reading notes", "archive", "2021", "Ideas"]
WORDS = ("emotional neglect attunement validation support childhood adult parent feelings regulation "
         "nervous system safety trust connection relationship therapy healing compassion critic shame "
         "boundary needs body breath grounding journal practice awareness vocabulary sadness anger fear "
         "loneliness emptiness numbness vigilance rest busyness sleep appetite partner friend family rules "
         "pattern attachment anxious avoidant secure earned repair rupture listening expression naming").split()


def sentence(r):
    w = [r.choice(WORDS) for _ in range(r.randint(8, 16))]
    s = " ".join(w)
    return s[0].upper() + s[1:] + "."


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--notes", type=int, default=6500)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    r = random.Random(args.seed)
    if os.path.exists(args.dir):
        shutil.rmtree(args.dir)
    content = os.path.join(args.dir, "content")
    os.makedirs(content)
    with open(os.path.join(args.dir, "book.toml"), "w") as f:
        f.write('[site]\ntitle = "A messy vault"\n\n')
        # Two of the six top folders are declared; the rest are problems too.
        for t in TOPICS[:4]:
            f.write(f'[[topics]]\nid = "{t}"\ntitle = "{t.title()}"\n\n')

    notes = []
    for i in range(args.notes):
        topic = TOPICS[i % len(TOPICS)]
        depth = r.randint(0, 2)
        folder = [topic] + [r.choice(SUBS) for _ in range(depth)]
        words = [r.choice(WORDS) for _ in range(r.randint(2, 4))]
        name = " ".join(words).capitalize() + f" {i}" if r.random() < 0.5 else "-".join(words) + f"-{i}"
        notes.append((folder, name))

    for i, (folder, name) in enumerate(notes):
        path = os.path.join(content, *folder)
        os.makedirs(path, exist_ok=True)
        lines = []
        kind = r.random()
        if kind < 0.5:
            # Obsidian: no title at all, keys attune does not know.
            lines += ["---", "publish: true", f"plugin-id: p{i}", "cssclass: wide", "tags: [note]", "---", ""]
        elif kind < 0.8:
            lines += ["---", f"title: Note number {i}", f"weight: {r.randint(1, 50)}", f"date: 2021-{r.randint(1, 12):02}-{r.randint(1, 28):02}", "---", ""]
            lines += [f"## Note number {i}", ""]
        else:
            lines += [f"# {name.capitalize()}", ""]
        for _ in range(r.randint(3, 8)):
            para = [sentence(r) for _ in range(r.randint(2, 5))]
            roll = r.random()
            if roll < 0.35:
                # A wikilink to a note not yet written.
                para.insert(1, f"[[{' '.join(r.choice(WORDS) for _ in range(3))} idea {r.randrange(10**6)}]]")
            elif roll < 0.55:
                # A wikilink by note name (spaces, any case).
                _, other = notes[r.randrange(len(notes))]
                para.insert(1, f"[[{other}]]")
            elif roll < 0.7:
                # A misspelt slug: every one of these asks for a suggestion.
                _, other = notes[r.randrange(len(notes))]
                slug = other.lower().replace(" ", "-")
                para.insert(1, f"[see]({slug[:-1]}x.md)")
            elif roll < 0.8:
                para.insert(1, f"![diagram](images/missing-{r.randrange(1000)}.png)")
            elif roll < 0.9:
                _, other = notes[r.randrange(len(notes))]
                para.insert(1, f"[[{other}#No such heading {r.randrange(99)}]]")
            lines.append(" ".join(para))
            lines.append("")
        with open(os.path.join(path, name + ".md"), "w") as f:
            f.write("\n".join(lines))
    print(f"wrote {len(notes)} notes to {content}")


if __name__ == "__main__":
    main()
