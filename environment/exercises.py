"""The lessons' exercises: the student version of a lesson, and what its checks showed when it ran.

A lesson in notebooks/ is the solution version. In a code cell, the solution sits between a line
`// BEGIN SOLUTION` and a line `// END SOLUTION` (nbgrader's language-independent markers); inside
the block, each line `// BLANK code` gives a line of the student's starting code. The student version
replaces each block by its BLANK lines (prefix removed, indentation kept) and has no outputs.

    python environment/exercises.py --copy SRC_DIR DEST_DIR   student versions of SRC_DIR's lessons
                                                             (a lesson already in DEST_DIR is kept)

The check cells show their result as markdown that starts with ✅ or ❌ (gcl.nb.Checks.show);
`check_outputs` reads them back from an executed notebook (run_notebooks.py uses it).
"""
import argparse
import os
import re
import sys

import nbformat

BEGIN = re.compile(r"^\s*// BEGIN SOLUTION\s*$")
END = re.compile(r"^\s*// END SOLUTION\s*$")
BLANK = re.compile(r"^(\s*)// BLANK ?(.*)$")
# a check's markdown: ✅ or ❌, then the exercise's name in bold (Checks.Result.markdown)
CHECK = re.compile(r"^(✅|❌) \*\*(.+?)\*\*")


def student_source(source, where="cell"):
    """The student's version of one cell's source; raises ValueError on unbalanced markers."""
    out = []
    inside = False
    for number, line in enumerate(source.split("\n"), start=1):
        if BEGIN.match(line):
            if inside:
                raise ValueError(f"{where}, line {number}: BEGIN SOLUTION inside a solution block")
            inside = True
        elif END.match(line):
            if not inside:
                raise ValueError(f"{where}, line {number}: END SOLUTION without BEGIN SOLUTION")
            inside = False
        elif inside:
            blank = BLANK.match(line)
            if blank:
                out.append(blank.group(1) + blank.group(2))
        else:
            if BLANK.match(line):
                raise ValueError(f"{where}, line {number}: a BLANK line outside a solution block")
            out.append(line)
    if inside:
        raise ValueError(f"{where}: BEGIN SOLUTION without END SOLUTION")
    return "\n".join(out)


def has_exercises(nb):
    """Whether a lesson has solution blocks."""
    return any(c.cell_type == "code" and any(BEGIN.match(l) for l in c.source.split("\n")) for c in nb.cells)


def student_version(nb, name="notebook"):
    """A copy of a lesson with every solution block replaced by its BLANK lines and no outputs."""
    copy = nbformat.reads(nbformat.writes(nb), as_version=4)
    for index, cell in enumerate(copy.cells):
        if cell.cell_type != "code":
            continue
        cell.source = student_source(cell.source, f"{name}, cell {index}")
        cell.outputs = []
        cell.execution_count = None
    return copy


def check_outputs(nb):
    """The checks an executed lesson showed, in order: a list of (passed, exercise, cell index)."""
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            text = output.get("data", {}).get("text/markdown")
            if text is None:
                continue
            if isinstance(text, list):
                text = "".join(text)
            for line in text.split("\n"):
                m = CHECK.match(line.strip())
                if m:
                    found.append((m.group(1) == "✅", m.group(2), index))
    return found


def copy_lessons(src, dest):
    """Writes the student version of each lesson of src into dest; keeps lessons already there."""
    os.makedirs(dest, exist_ok=True)
    names = sorted(n for n in os.listdir(src) if n.endswith(".ipynb") and n[:2].isdigit())
    for name in names:
        target = os.path.join(dest, name)
        if os.path.exists(target):
            print(f"lab: kept {target} (delete it to get the lesson afresh)")
            continue
        nb = nbformat.read(os.path.join(src, name), as_version=4)
        nbformat.write(student_version(nb, name), target)
        print(f"lab: copied {name} into {dest}" + (" (exercise version)" if has_exercises(nb) else ""))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copy", nargs=2, metavar=("SRC_DIR", "DEST_DIR"), required=True)
    args = parser.parse_args(argv)
    try:
        copy_lessons(*args.copy)
    except ValueError as e:
        print(f"lab: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
