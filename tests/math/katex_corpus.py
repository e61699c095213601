#!/usr/bin/env python3
"""Writes tests/math/katex-support.tsv, the formulas the math corpus test renders, from
KaTeX's own list of TeX functions (docs/support_table.md of github.com/KaTeX/KaTeX):
one row per function KaTeX supports, with the formula KaTeX's page renders for it (the
TeX of its "Rendered" column; for functions that need a KaTeX extension, such as
mhchem's `\\ce`, the TeX of its "Source" column). Functions the table marks "Not
supported" are left out.

    python3 tests/math/katex_corpus.py path/to/KaTeX/docs/support_table.md COMMIT
"""
import html
import re
import sys


def cells(line):
    # Split a Markdown table row on `|` outside code spans and `$…$`.
    out, cur, code, math = [], "", False, False
    i = 0
    while i < len(line):
        c = line[i]
        if c == "\\" and i + 1 < len(line) and not code and not math:
            cur += line[i : i + 2]
            i += 2
            continue
        if c == "`":
            code = not code
        elif c == "$" and not code:
            math = not math
        if c == "|" and not code and not math:
            out.append(cur)
            cur = ""
        else:
            cur += c
        i += 1
    out.append(cur)
    return out[1:-1] if len(out) > 2 else out


def main():
    path, commit = sys.argv[1], sys.argv[2]
    rows = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.startswith("|") or line.startswith("|:") or line.startswith("|Symbol"):
            continue
        parts = cells(line)
        if len(parts) < 2:
            continue
        name = html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", parts[0].strip()))
        rendered = parts[1].strip()
        source = parts[2] if len(parts) > 2 else ""
        if "Not supported" in rendered:
            continue
        if "extension" in source:
            code = re.findall(r"`([^`]*)`|<code>(.*?)</code>", source)
            tex = " ".join(a or b for a, b in code)
            display = False
        else:
            m = re.fullmatch(r"\$\$(.*)\$\$|\$(.*)\$", rendered)
            if not m:
                continue
            tex = m.group(1) if m.group(1) is not None else m.group(2)
            display = m.group(1) is not None
        tex = html.unescape(tex).replace("\\VERT", "|").strip()
        if not tex:
            continue
        rows.append((name, "1" if display else "0", tex))
    with open(sys.argv[3] if len(sys.argv) > 3 else "tests/math/katex-support.tsv", "w", encoding="utf-8") as f:
        f.write(f"# KaTeX docs/support_table.md at {commit}: function, display (1) or inline (0), formula\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(len(rows), "formulas")


main()
