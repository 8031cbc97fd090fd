package gcl.nb;

import gcl.TableText;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Shows tables and charts in a notebook cell, the same way in every lesson.
 *
 * <p>Each method returns a display object: make it the last expression of a cell, or pass it to
 * the kernel's {@code display(...)}. Inside JJava (or the original IJava) the object is the
 * kernel's own {@code DisplayData}, found by name at run time, so the library needs no kernel jar
 * to build; elsewhere (tests, the CLI) it is a {@link Rendered} whose {@code toString()} is text.
 * Tables become {@code text/html} (numbers rounded) with the text of {@link TableText#text} as their
 * plain-text form, charts become {@code image/png}.
 */
public final class Show {
    /** Rows shown by {@link #table(Table)} before the rest is summarised. */
    public static final int DEFAULT_ROWS = 20;

    private static final String[] KERNEL_DISPLAY_CLASSES = {
        "org.dflib.jjava.jupyter.kernel.display.DisplayData",
        "io.github.spencerpark.jupyter.kernel.display.DisplayData",
    };

    private Show() {
    }

    /** A table as HTML, first {@value #DEFAULT_ROWS} rows, numbers as {@link Tables#formatNumber} shows them. */
    public static Object table(Table table) {
        return table(table, DEFAULT_ROWS);
    }

    /** A table as HTML, first {@code maxRows} rows. */
    public static Object table(Table table, int maxRows) {
        Rendered r = new Rendered();
        r.put("text/plain", TableText.text(table, maxRows));
        r.put("text/html", tableHtml(table, maxRows));
        return toKernel(r);
    }

    /** A chart (XChart) as a PNG image at its own width and height. */
    public static Object chart(Chart<?, ?> chart) {
        return image(BitmapEncoder.getBufferedImage(chart), chartTitle(chart));
    }

    /** An image as PNG. */
    public static Object image(BufferedImage image) {
        return image(image, "image " + image.getWidth() + "x" + image.getHeight());
    }

    private static Object image(BufferedImage image, String alt) {
        Rendered r = new Rendered();
        r.put("text/plain", alt);
        r.put("image/png", Base64.getEncoder().encodeToString(png(image)));
        return toKernel(r);
    }

    /** HTML as it is. */
    public static Object html(String html) {
        Rendered r = new Rendered();
        r.put("text/plain", html.replaceAll("<[^>]+>", ""));
        r.put("text/html", html);
        return toKernel(r);
    }

    /**
     * An SVG drawing (e.g. {@link Diagrams}) as {@code image/svg+xml}: drawn by the browser at any
     * zoom, in JupyterLab and in the exported HTML alike, with no script and no network.
     */
    public static Object svg(String svg) {
        if (!svg.stripLeading().startsWith("<svg") && !svg.stripLeading().startsWith("<?xml")) {
            throw new IllegalArgumentException("not an SVG document: it starts with '" + svg.strip().lines().findFirst().orElse("") + "'");
        }
        Rendered r = new Rendered();
        r.put("text/plain", "SVG drawing");
        r.put("image/svg+xml", svg);
        return toKernel(r);
    }

    /** Markdown text. */
    public static Object markdown(String markdown) {
        Rendered r = new Rendered();
        r.put("text/plain", markdown);
        r.put("text/markdown", markdown);
        return toKernel(r);
    }

    /**
     * Shows each item now, in order, as its own output of the running cell: for a cell that shows
     * several tables or charts. Items made by this class go straight to the kernel; anything else
     * is printed to standard output, as a cell's own result would be. Outside a kernel every item
     * is printed.
     */
    public static void display(Object... items) {
        for (Object item : items) {
            if (!sendToKernel(item)) {
                System.out.println(item);
            }
        }
    }

    private static final String[][] KERNEL_INSTANCES = {
        {"org.dflib.jjava.kernel.JavaNotebookStatics", "kernel"},
        {"io.github.spencerpark.ijava.IJava", "getKernelInstance"},
    };

    private static boolean sendToKernel(Object item) {
        if (item == null || item instanceof Rendered) {
            return false;
        }
        for (String[] k : KERNEL_INSTANCES) {
            Class<?> statics = findClass(k[0]);
            if (statics == null) {
                continue;
            }
            try {
                Object kernel = statics.getMethod(k[1]).invoke(null);
                if (kernel == null) {
                    continue;
                }
                for (var m : kernel.getClass().getMethods()) {
                    if (m.getName().equals("display") && m.getParameterCount() == 1
                            && m.getParameterTypes()[0].isInstance(item)) {
                        m.invoke(kernel, item);
                        return true;
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // not this kernel
            }
        }
        return false;
    }

    /** PNG bytes of an image. */
    public static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String tableHtml(Table table, int maxRows) {
        StringBuilder s = new StringBuilder();
        s.append("<table class=\"gcl-table\" style=\"border-collapse:collapse\">");
        if (table.name() != null && !table.name().isBlank()) {
            s.append("<caption style=\"text-align:left;font-weight:bold\">").append(escape(table.name())).append("</caption>");
        }
        s.append("<thead><tr>");
        for (Column<?> c : table.columns()) {
            boolean numeric = c instanceof tech.tablesaw.api.NumericColumn;
            s.append("<th style=\"text-align:").append(numeric ? "right" : "left").append("\">")
                    .append(escape(c.name())).append("</th>");
        }
        s.append("</tr></thead><tbody>");
        int rows = Math.min(maxRows, table.rowCount());
        for (int r = 0; r < rows; r++) {
            s.append("<tr>");
            for (Column<?> c : table.columns()) {
                boolean numeric = c instanceof tech.tablesaw.api.NumericColumn;
                s.append("<td style=\"text-align:").append(numeric ? "right" : "left").append("\">")
                        .append(escape(TableText.cell(c, r))).append("</td>");
            }
            s.append("</tr>");
        }
        s.append("</tbody></table>");
        if (table.rowCount() > rows) {
            s.append("<p><em>").append(table.rowCount() - rows).append(" more rows (")
                    .append(table.rowCount()).append(" in all)</em></p>");
        }
        return s.toString();
    }

    private static String chartTitle(Chart<?, ?> chart) {
        String t = chart.getTitle();
        return t == null || t.isBlank() ? "chart" : "chart: " + t;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The kernel's DisplayData with the same data, or {@code r} itself outside a kernel. */
    static Object toKernel(Rendered r) {
        for (String name : KERNEL_DISPLAY_CLASSES) {
            Class<?> type = findClass(name);
            if (type == null) {
                continue;
            }
            try {
                Object data = type.getConstructor().newInstance();
                var put = type.getMethod("putData", String.class, Object.class);
                for (Map.Entry<String, String> e : r.data().entrySet()) {
                    put.invoke(data, e.getKey(), e.getValue());
                }
                return data;
            } catch (ReflectiveOperationException e) {
                // an incompatible kernel version: fall back to the plain object
                return r;
            }
        }
        return r;
    }

    private static Class<?> findClass(String name) {
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(), Show.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        return null;
    }

    /**
     * What a cell shows, by MIME type, outside a kernel. {@code toString()} is the plain text, so the
     * CLI and tests can print it; {@link #data()} gives every representation.
     */
    public static final class Rendered {
        private final Map<String, String> data = new LinkedHashMap<>();

        void put(String mime, String value) {
            data.put(mime, value);
        }

        /** MIME type to content (base64 for images). */
        public Map<String, String> data() {
            return Collections.unmodifiableMap(data);
        }

        @Override
        public String toString() {
            return data.getOrDefault("text/plain", "");
        }
    }
}
