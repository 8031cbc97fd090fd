"""Tests of offline_html: the check for network loads, and an export of a notebook with an equation.

No Java kernel: notebooks are made in memory with nbformat; one test runs run_notebooks.py on the
Python kernel that JupyterLab installs (about a second). Run by environment/test:
    .venv/bin/python -m unittest discover -s environment -p 'test_*.py'
"""
import os
import subprocess
import sys
import tempfile
import unittest

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

import offline_html
from offline_html import MATHJAX_URL, export_html, external_urls


class ExternalUrlsTest(unittest.TestCase):

    def test_a_page_with_only_local_loads_has_none(self):
        html = ('<html><head><script src="mathjax/MathJax.js?config=X"></script>'
                '<link rel="stylesheet" href="style.css"><style>body { color: red }</style></head>'
                '<body><a href="https://example.org/paper">the paper</a>'
                '<img src="data:image/png;base64,AAAA"><script>var x = "https://text.only";</script>'
                '</body></html>')
        self.assertEqual(external_urls(html), [])

    def test_script_src_over_https_http_and_protocol_relative(self):
        html = ('<script src="https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js"></script>'
                '<SCRIPT SRC="http://example.org/a.js"></SCRIPT>'
                '<script src="//example.org/b.js"></script>')
        found = external_urls(html)
        self.assertEqual(len(found), 3, found)
        self.assertIn("require.min.js", found[0])

    def test_link_href_to_a_font_or_style_sheet(self):
        html = '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        self.assertEqual(external_urls(html), ["<link href=https://fonts.googleapis.com/css?family=Roboto>"])

    def test_dynamic_and_static_import_in_a_module_script(self):
        html = ('<script type="module">\n'
                '  const mermaid = (await import("https://cdn.example/mermaid.esm.min.mjs")).default;\n'
                '  import elk from \'https://cdn.example/elk.mjs\';\n'
                '</script>')
        found = external_urls(html)
        self.assertEqual(len(found), 2, found)
        self.assertTrue(all("cdn.example" in f for f in found))

    def test_css_import_and_url_in_a_style_element(self):
        html = ('<style>@import url("https://fonts.example/x.css");\n'
                '@font-face { src: url(https://fonts.example/x.woff) }</style>')
        self.assertEqual(len(external_urls(html)), 3)  # the @import counts as an import and a url()

    def test_nbconverts_own_lab_template_is_caught(self):
        """The reason for all this: nbconvert's lab template loads from CDNs."""
        from nbconvert import HTMLExporter
        html, _ = HTMLExporter(template_name="lab").from_notebook_node(notebook_with_equation())
        found = " ".join(external_urls(html))
        self.assertIn("mathjax", found.lower())
        self.assertIn("require", found.lower())


def notebook_with_equation():
    nb = new_notebook()
    nb.cells.append(new_markdown_cell(
        "# Eq. 1\n\nG's loss is the reconstruction error $\\ell_G = \\lVert x - G(x) \\rVert^2$:\n\n"
        "$$\\mathcal{L}_G = \\frac{1}{b}\\sum_{i=1}^{b} \\lVert f_i - G(f_i) \\rVert_2^2$$\n"))
    cell = new_code_cell("Lessons.show(table)")
    cell.outputs.append(new_output("display_data", data={"text/html": "<table><tr><td>1</td></tr></table>"}))
    nb.cells.append(cell)
    return nb


class ExportTest(unittest.TestCase):

    def test_a_notebook_with_an_equation_exports_with_local_mathjax_only(self):
        with tempfile.TemporaryDirectory() as out:
            path = export_html(notebook_with_equation(), out, "eq")
            with open(path, encoding="utf-8") as f:
                html = f.read()
            self.assertEqual(external_urls(html), [])
            self.assertIn(f'<script src="{MATHJAX_URL}"></script>', html)
            self.assertIn("\\mathcal{L}_G", html)            # the TeX is left for MathJax
            self.assertIn("<title>eq</title>", html)
            mathjax = os.path.join(out, "mathjax")
            for needed in ("MathJax.js", "config/TeX-AMS-MML_HTMLorMML-full.js", "config/Safe.js",
                           "extensions/Safe.js", "jax/output/HTML-CSS/fonts/STIX-Web/fontdata.js",
                           "fonts/HTML-CSS/STIX-Web/woff/STIXMathJax_Main-Regular.woff"):
                self.assertTrue(os.path.isfile(os.path.join(mathjax, needed)), needed)
            self.assertFalse(os.path.exists(os.path.join(mathjax, "extensions", "a11y")))

    def test_the_mathjax_copy_is_made_once(self):
        with tempfile.TemporaryDirectory() as out:
            first = offline_html.copy_mathjax(out)
            stamp = os.path.join(first, ".gcl-source")
            before = os.path.getmtime(stamp)
            offline_html.copy_mathjax(out)
            self.assertEqual(os.path.getmtime(stamp), before)

    def test_an_export_that_would_load_a_url_fails_naming_the_file(self):
        nb = notebook_with_equation()
        nb.cells[1].outputs[0]["data"]["text/html"] = '<script src="https://cdn.example/plot.js"></script>'
        with tempfile.TemporaryDirectory() as out:
            with self.assertRaises(ValueError) as raised:
                export_html(nb, out, "plot")
            self.assertIn(os.path.join(out, "plot.html"), str(raised.exception))
            self.assertIn("https://cdn.example/plot.js", str(raised.exception))


def python_kernel_installed():
    from jupyter_client.kernelspec import KernelSpecManager
    return "python3" in KernelSpecManager().find_kernel_specs()


class RunAllTest(unittest.TestCase):

    @unittest.skipUnless(python_kernel_installed(), "needs the python3 kernel (ipykernel, installed with JupyterLab)")
    def test_run_all_fails_naming_the_html_copy_that_loads_a_url(self):
        """run_notebooks.py as environment/run-all calls it, on the Python kernel (a second, not a JVM)."""
        nb = notebook_with_equation()
        nb.cells[1].source = ("from IPython.display import HTML\n"
                              "HTML('<script src=\"https://cdn.example/plot.js\"></script>')")
        nb.cells[1].outputs = []
        with tempfile.TemporaryDirectory() as tmp:
            notebooks, out = os.path.join(tmp, "notebooks"), os.path.join(tmp, "out")
            os.makedirs(notebooks)
            nbformat.write(nb, os.path.join(notebooks, "09-plot.ipynb"))
            script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "run_notebooks.py")
            run = subprocess.run([sys.executable, script, "--notebooks", notebooks, "--out", out,
                                  "--kernel", "python3", "--timeout", "60"],
                                 capture_output=True, text=True, timeout=120)
            self.assertEqual(run.returncode, 1, run.stdout + run.stderr)
            self.assertIn(os.path.join(out, "09-plot.html"), run.stderr)
            self.assertIn("https://cdn.example/plot.js", run.stderr)
            self.assertIn("notebooks: 0 passed, 1 failed", run.stdout)


if __name__ == "__main__":
    unittest.main()
