"""Execute the lessons headless under the Java (GCL) kernel; used by environment/run-all.

Each notebook runs top to bottom with nbclient. The executed notebook and an HTML copy go to the
output folder; the HTML copies load MathJax from mathjax/ beside them and nothing from the network
(offline_html.py). A failing cell stops that notebook; the script goes on with the others and exits
non-zero at the end, naming each notebook and cell that failed, and each HTML copy that would load
something from the network.

Exercises (exercises.py): a solution lesson fails when any of its checks shows ❌. With --student,
only the lessons that have exercises run, in their student version (each solution replaced by its
starting code, written to OUT/student/): every cell but the last must run, the last
(`Checks.requireAllPassed();`) must fail, and every check must show ❌ — a check that passes on the
untouched exercise is vacuous.
"""
import argparse
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from exercises import check_outputs, has_exercises, student_version
from offline_html import export_html


def first_line(text, limit=300):
    text = (text or "").strip().splitlines()
    return (text[0] if text else "")[:limit]


def run(path, out_dir, timeout, kernel, student=False):
    nb = nbformat.read(path, as_version=4)
    name = os.path.basename(path)
    if student:
        nb = student_version(nb, name)
    kernel_name = kernel or nb.metadata.get("kernelspec", {}).get("name", "java-gcl")
    client = NotebookClient(nb, timeout=timeout, kernel_name=kernel_name, allow_errors=False,
                            resources={"metadata": {"path": os.path.dirname(path)}})
    started = time.time()
    error = None
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        error = e
    seconds = time.time() - started
    failed_cell = None
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                failed_cell = (index, output.get("ename", ""), output.get("evalue", ""))
                break
        if failed_cell:
            break
    nbformat.write(nb, os.path.join(out_dir, name))
    offline_error = None
    try:
        export_html(nb, out_dir, name[:-len(".ipynb")])
    except ValueError as e:  # the HTML copy would load something from the network
        offline_error = str(e)
    if error is not None and failed_cell is None:
        # a timeout or a dead kernel leaves no error output: find the cell that was running
        running = next((i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.get("execution_count") is None), -1)
        failed_cell = (running, type(error).__name__, first_line(str(error)))
    return seconds, failed_cell, offline_error, nb


def exercise_problems(nb, failed_cell, student):
    """What is wrong with an executed lesson's checks (empty when nothing is)."""
    checks = check_outputs(nb)
    if not student:
        return [f"check '{name}' (cell {cell}) did not pass in the solution" for passed, name, cell in checks if not passed]
    problems = [f"check '{name}' (cell {cell}) passes on the untouched exercise: it checks nothing"
                for passed, name, cell in checks if passed]
    if not checks:
        problems.append("the student version showed no check")
    last_code = max(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
    if failed_cell is None:
        problems.append("the student version ran to the end: its last cell (Checks.requireAllPassed()) should fail")
    elif failed_cell[0] != last_code:
        index, ename, evalue = failed_cell
        problems.append(f"the student version failed at cell {index}, not at its last cell: {ename}: {first_line(evalue)}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notebooks", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--timeout", type=int, default=int(os.environ.get("GCL_CELL_TIMEOUT", "3600")),
                        help="seconds one cell may run")
    parser.add_argument("--kernel", default=None, help="kernel name (default: the notebook's own)")
    parser.add_argument("--student", action="store_true",
                        help="run the student version of each lesson that has exercises (in OUT/student)")
    parser.add_argument("only", nargs="*", help="run only notebooks whose name starts with these")
    args = parser.parse_args()

    names = sorted(n for n in os.listdir(args.notebooks) if n.endswith(".ipynb") and n[:2].isdigit())
    if args.only:
        names = [n for n in names if any(n.startswith(p) for p in args.only)]
    if args.student:
        args.out = os.path.join(args.out, "student")
        names = [n for n in names if has_exercises(nbformat.read(os.path.join(args.notebooks, n), as_version=4))]
    os.makedirs(args.out, exist_ok=True)
    if not names:
        print("run-all: no notebooks to run", file=sys.stderr)
        return 1
    profile = os.environ.get("GCL_PROFILE", "quick") + (", student" if args.student else "")
    failures = []
    total = 0.0
    for name in names:
        print(f"run-all [{profile}]: {name} ...", flush=True)
        seconds, failed, offline_error, nb = run(os.path.join(args.notebooks, name), args.out, args.timeout,
                                                 args.kernel, args.student)
        total += seconds
        problems = exercise_problems(nb, failed, args.student)
        for problem in problems:
            failures.append(f"{name}, exercises: {problem}")
            print(f"run-all [{profile}]: {name} FAILED: {problem}", flush=True)
        if args.student:
            failed = None  # the expected failure of the last cell was judged above
        if failed:
            index, ename, evalue = failed
            failures.append(f"{name}, cell {index}: {ename}: {first_line(evalue)}")
            print(f"run-all [{profile}]: {name} FAILED at cell {index} ({seconds:.0f} s): {ename}: {first_line(evalue)}", flush=True)
        if offline_error:
            failures.append(f"{name}, HTML copy: {offline_error}")
            print(f"run-all [{profile}]: {name} FAILED: {offline_error}", flush=True)
        if not failed and not offline_error and not problems:
            print(f"run-all [{profile}]: {name} ok ({seconds:.0f} s)", flush=True)
    print(f"run-all: executed notebooks and HTML copies are in {args.out}")
    failed_notebooks = len({f.split(",")[0] for f in failures})
    print(f"notebooks: {len(names) - failed_notebooks} passed, {failed_notebooks} failed ({total:.0f} s)")
    for f in failures:
        print(f"run-all: FAILED {f}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
