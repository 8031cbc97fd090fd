"""Tests of exercises.py (the student version of a lesson, the checks read back) and of the way
run_notebooks.py judges a lesson's checks. No kernel: notebooks are made in memory. The last class
reads the real lessons in notebooks/ (their markers, their last cell), without running them.
"""
import os
import tempfile
import unittest

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from exercises import check_outputs, copy_lessons, has_exercises, student_source, student_version
from run_notebooks import exercise_problems

NOTEBOOKS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "notebooks")

SOLVED = """var kept = td.kept();
// BEGIN SOLUTION
double share = (double) kept.rows() / train.rows();
// BLANK double share = Checks.BLANK; // YOUR CODE HERE
// END SOLUTION
Checks.show(Checks.number("share kept", share, 0.7, 1e-9, "the share", "divide"));"""


def markdown_output(text):
    return new_output("display_data", data={"text/markdown": text})


def lesson(*check_texts, error_at_last=False):
    """An executed lesson: one code cell per check text, then the requireAllPassed cell."""
    cells = [new_markdown_cell("# a lesson")]
    for text in check_texts:
        cells.append(new_code_cell("Checks.show(...)", outputs=[markdown_output(text)]))
    last = new_code_cell("Checks.requireAllPassed();")
    if error_at_last:
        last.outputs = [new_output("error", ename="IllegalStateException", evalue="exercises not passed", traceback=[])]
    cells.append(last)
    return new_notebook(cells=cells)


class StudentSourceTest(unittest.TestCase):

    def test_a_block_becomes_its_blank_lines(self):
        self.assertEqual(student_source(SOLVED), """var kept = td.kept();
double share = Checks.BLANK; // YOUR CODE HERE
Checks.show(Checks.number("share kept", share, 0.7, 1e-9, "the share", "divide"));""")

    def test_indentation_before_the_marker_is_kept(self):
        source = "for (int i = 0; i < 3; i++) {\n    // BEGIN SOLUTION\n    x += i;\n    // BLANK x += 0;\n    // END SOLUTION\n}"
        self.assertEqual(student_source(source), "for (int i = 0; i < 3; i++) {\n    x += 0;\n}")

    def test_a_block_without_blank_lines_disappears(self):
        self.assertEqual(student_source("a();\n// BEGIN SOLUTION\nb();\n// END SOLUTION\nc();"), "a();\nc();")

    def test_several_blocks_in_one_cell(self):
        source = "// BEGIN SOLUTION\nx = 1;\n// BLANK x = -1;\n// END SOLUTION\nshow(x);\n// BEGIN SOLUTION\ny = 2;\n// BLANK y = -1;\n// END SOLUTION"
        self.assertEqual(student_source(source), "x = -1;\nshow(x);\ny = -1;")

    def test_a_cell_without_markers_is_unchanged(self):
        source = "var x = 1; // BEGIN SOLUTION is only a marker on a line of its own"
        self.assertEqual(student_source(source), source)

    def test_unbalanced_markers_are_named(self):
        with self.assertRaisesRegex(ValueError, "without END"):
            student_source("// BEGIN SOLUTION\nx = 1;", "02, cell 4")
        with self.assertRaisesRegex(ValueError, "line 2: END SOLUTION without BEGIN"):
            student_source("x = 1;\n// END SOLUTION")
        with self.assertRaisesRegex(ValueError, "inside a solution block"):
            student_source("// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION")
        with self.assertRaisesRegex(ValueError, "BLANK line outside"):
            student_source("// BLANK x = 1;")


class StudentVersionTest(unittest.TestCase):

    def test_code_cells_lose_solutions_and_outputs_markdown_is_kept(self):
        cell = new_code_cell(SOLVED, outputs=[markdown_output("✅ **share kept**: the share is 0.7.")], execution_count=3)
        nb = new_notebook(cells=[new_markdown_cell("// BEGIN SOLUTION in prose stays"), cell])
        copy = student_version(nb, "02-x.ipynb")
        self.assertEqual(copy.cells[0].source, "// BEGIN SOLUTION in prose stays")
        self.assertNotIn("kept.rows()", copy.cells[1].source)
        self.assertEqual(copy.cells[1].outputs, [])
        self.assertIsNone(copy.cells[1].execution_count)
        self.assertIn("kept.rows()", nb.cells[1].source, "the solution notebook itself is not changed")
        self.assertTrue(has_exercises(nb))
        self.assertFalse(has_exercises(copy))

    def test_copy_writes_student_versions_and_keeps_a_students_work(self):
        with tempfile.TemporaryDirectory() as src, tempfile.TemporaryDirectory() as dest:
            nbformat.write(new_notebook(cells=[new_code_cell(SOLVED)]), os.path.join(src, "02-a.ipynb"))
            nbformat.write(new_notebook(cells=[new_code_cell("x")]), os.path.join(src, "notes.ipynb"))
            nbformat.write(new_notebook(cells=[new_code_cell("my work")]), os.path.join(dest, "03-b.ipynb"))
            nbformat.write(new_notebook(cells=[new_code_cell(SOLVED)]), os.path.join(src, "03-b.ipynb"))
            copy_lessons(src, dest)
            self.assertEqual(sorted(os.listdir(dest)), ["02-a.ipynb", "03-b.ipynb"])
            written = nbformat.read(os.path.join(dest, "02-a.ipynb"), as_version=4)
            self.assertIn("double share = Checks.BLANK;", written.cells[0].source)
            kept = nbformat.read(os.path.join(dest, "03-b.ipynb"), as_version=4)
            self.assertEqual(kept.cells[0].source, "my work")


class CheckOutputsTest(unittest.TestCase):

    def test_reads_ticks_and_crosses_with_the_exercise_name(self):
        nb = lesson("✅ **share kept**: the share is 0.7.", "❌ **G or D**: not answered yet.",
                    "a table, not a check")
        self.assertEqual(check_outputs(nb), [(True, "share kept", 1), (False, "G or D", 2)])

    def test_a_solution_with_a_cross_fails(self):
        nb = lesson("✅ **a**: right.", "❌ **b**: 0.3 is not it.")
        self.assertEqual(exercise_problems(nb, None, student=False),
                         ["check 'b' (cell 2) did not pass in the solution"])
        self.assertEqual(exercise_problems(lesson("✅ **a**: right."), None, student=False), [])

    def test_a_student_version_must_fail_every_check_and_only_its_last_cell(self):
        good = lesson("❌ **a**: not answered yet.", "❌ **b**: not answered yet.", error_at_last=True)
        self.assertEqual(exercise_problems(good, (3, "IllegalStateException", "not passed"), student=True), [])
        vacuous = lesson("❌ **a**: not answered yet.", "✅ **b**: right.", error_at_last=True)
        self.assertEqual(exercise_problems(vacuous, (3, "IllegalStateException", "x"), student=True),
                         ["check 'b' (cell 2) passes on the untouched exercise: it checks nothing"])
        broken = lesson("❌ **a**: not answered yet.", error_at_last=True)
        self.assertIn("failed at cell 1", exercise_problems(broken, (1, "CompilationException", "x"), student=True)[0])
        ran_through = lesson("❌ **a**: not answered yet.")
        self.assertIn("ran to the end", exercise_problems(ran_through, None, student=True)[0])
        self.assertIn("showed no check", exercise_problems(lesson(error_at_last=True), (1, "E", "x"), student=True)[0])


class LessonsTest(unittest.TestCase):
    """The lessons in notebooks/ that have exercises follow the convention (no kernel needed)."""

    def lessons_with_exercises(self):
        found = []
        for name in sorted(os.listdir(NOTEBOOKS)):
            if name.endswith(".ipynb") and name[:2].isdigit():
                nb = nbformat.read(os.path.join(NOTEBOOKS, name), as_version=4)
                if has_exercises(nb):
                    found.append((name, nb))
        return found

    def test_every_lesson_with_exercises_ends_by_requiring_them_and_makes_a_student_version(self):
        for name, nb in self.lessons_with_exercises():
            with self.subTest(lesson=name):
                code = [c for c in nb.cells if c.cell_type == "code"]
                self.assertEqual(code[-1].source.strip(), "Checks.requireAllPassed();")
                copy = student_version(nb, name)  # raises on unbalanced markers
                self.assertFalse(has_exercises(copy))
                self.assertNotEqual([c.source for c in copy.cells], [c.source for c in nb.cells])


if __name__ == "__main__":
    unittest.main()
