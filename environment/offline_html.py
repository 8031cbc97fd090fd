"""HTML copies of the lessons that open with no network; used by environment/run_notebooks.py.

nbconvert's "lab" template loads MathJax, require.js and Mermaid from a CDN, so without internet
every equation shows as raw TeX. Here the template environment/nbconvert/gcl-offline leaves out
what the lessons do not need and loads MathJax 2.7 from a copy beside the HTML (mathjax/, from the
PyPI package jupyter-server-mathjax that environment/setup installs), by a relative URL, so the
output folder works from file:// and can be copied elsewhere as a whole.

    export_html(nb, out_dir, name)   writes out_dir/name.html and out_dir/mathjax/
    external_urls(html)              what an HTML page would load from the network ([] when none)
"""
import importlib.util
import os
import re
import shutil
from html.parser import HTMLParser

from nbconvert import HTMLExporter

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATE_DIR = os.path.join(HERE, "nbconvert")
TEMPLATE = "gcl-offline"
MATHJAX_DIR = "mathjax"
# TeX input, MathML-or-HTML output (HTML-CSS on every current browser), Safe mode as nbconvert uses
MATHJAX_URL = MATHJAX_DIR + "/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full,Safe"

# parts of the MathJax package that this configuration never loads (of 12 MB, about 9 MB)
_MATHJAX_UNUSED = {
    os.path.join("extensions", "a11y"),       # accessibility explorer, not enabled
    os.path.join("jax", "output", "SVG"),     # the SVG output (its fonts only; HTML-CSS is used)
    "localization",                           # menu translations; English is built in
}


def mathjax_source():
    """The static folder of the installed jupyter-server-mathjax package (MathJax 2.7)."""
    spec = importlib.util.find_spec("jupyter_server_mathjax")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the package jupyter-server-mathjax is missing: run environment/setup")
    static = os.path.join(list(spec.submodule_search_locations)[0], "static")
    if not os.path.isfile(os.path.join(static, "MathJax.js")):
        raise RuntimeError(f"no MathJax.js in {static}: reinstall jupyter-server-mathjax (environment/setup)")
    return static


def copy_mathjax(out_dir):
    """Copies the MathJax files the HTML copies need to out_dir/mathjax (once; again when the
    package changes). Returns that folder."""
    source = mathjax_source()
    target = os.path.join(out_dir, MATHJAX_DIR)
    stamp = os.path.join(target, ".gcl-source")
    mark = f"{source} {os.path.getmtime(os.path.join(source, 'MathJax.js'))}\n"
    if os.path.isfile(stamp):
        with open(stamp, encoding="utf-8") as f:
            if f.read() == mark:
                return target

    def ignore(directory, names):
        rel = os.path.relpath(directory, source)
        return [n for n in names if os.path.normpath(os.path.join(rel, n)) in _MATHJAX_UNUSED]

    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, ignore=ignore)
    with open(stamp, "w", encoding="utf-8") as f:
        f.write(mark)
    return target


def exporter():
    """nbconvert's HTML exporter on the offline template, MathJax at the relative MATHJAX_URL."""
    return HTMLExporter(template_name=TEMPLATE, extra_template_basedirs=[TEMPLATE_DIR],
                        mathjax_url=MATHJAX_URL)


def export_html(nb, out_dir, name):
    """Writes the notebook node nb as out_dir/name.html (name without extension) with the MathJax
    copy beside it. Raises ValueError naming the file when the page would still load anything
    from the network. Returns the path of the HTML file."""
    copy_mathjax(out_dir)
    html, _ = exporter().from_notebook_node(nb, resources={"metadata": {"name": name}})
    path = os.path.join(out_dir, name + ".html")
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)
    found = external_urls(html)
    if found:
        raise ValueError(f"{path} loads from the network: " + ", ".join(found))
    return path


_EXTERNAL = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)
# dynamic import("..."), static `import ... from "..."`, CSS @import / url(...) in inline code
_IN_CODE = [
    re.compile(r"""\bimport\s*\(\s*["'`]((?:https?:)?//[^"'`]+)""", re.IGNORECASE),
    re.compile(r"""\b(?:from|import)\s+["']((?:https?:)?//[^"']+)""", re.IGNORECASE),
]
_IN_CSS = [
    re.compile(r"""@import\s+(?:url\(\s*)?["']?((?:https?:)?//[^"')\s]+)""", re.IGNORECASE),
    re.compile(r"""url\(\s*["']?((?:https?:)?//[^"')\s]+)""", re.IGNORECASE),
]


class _Loads(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self._in = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self._in = "script"
            if attrs.get("src") and _EXTERNAL.match(attrs["src"]):
                self.found.append(f"<script src={attrs['src']}>")
        elif tag == "link":
            if attrs.get("href") and _EXTERNAL.match(attrs["href"]):
                self.found.append(f"<link href={attrs['href']}>")
        elif tag == "style":
            self._in = "style"

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._in = None

    def handle_data(self, data):
        patterns = _IN_CODE if self._in == "script" else _IN_CSS if self._in == "style" else ()
        for pattern in patterns:
            for match in pattern.finditer(data):
                self.found.append(f"{self._in}: {match.group(1)}")


def external_urls(html):
    """Every http://, https:// or protocol-relative URL that the page would load: src of <script>,
    href of <link>, import() and `import ... from` in scripts, @import and url() in <style>.
    Links in the text (<a href>) are not loads and are not listed."""
    parser = _Loads()
    parser.feed(html)
    parser.close()
    return parser.found
