package gcl.nb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

class DiagramsTest {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    @Test
    void cooperativeLoopIsAWellFormedSelfContainedSvg() throws Exception {
        Document doc = check("cooperative-loop", Diagrams.cooperativeLoop());
        String text = allText(doc);
        for (String label : new String[] {"G: autoencoder", "D: classifier", "FC[d,1024,512,256,", "FC[d,512,32,1]",
                "Eq. 1", "Eq. 2", "Eq. 3", "Eq. 4", "Eq. 5", "Eq. 6", "ones", "μR + σR", "LG = ‖f − f̂‖₂", "BCE", "GCL_PT"}) {
            assertTrue(text.contains(label), "missing label " + label);
        }
        assertTrue(doc.getElementsByTagNameNS(SVG_NS, "polyline").getLength() >= 11, "arrows of the loop");
        assertTrue(Diagrams.cooperativeLoop().contains("stroke-dasharray"), "the optional pre-training box is dashed");
    }

    @Test
    void negativeLearningShowsBothPathsInTheChartColours() throws Exception {
        String svg = Diagrams.negativeLearning();
        Document doc = check("negative-learning", svg);
        String text = allText(doc);
        for (String label : new String[] {"G", "D's pseudo-labels", "normal", "anomalous", "t = f", "ones",
                "Eq. 4", "Eq. 5", "Eq. 6"}) {
            assertTrue(text.contains(label), "missing label " + label);
        }
        assertTrue(svg.contains("stroke=\"rgb(44,160,44)\""), "normal path in ChartStyle.NORMAL");
        assertTrue(svg.contains("stroke=\"rgb(214,39,40)\""), "anomalous path in ChartStyle.ANOMALOUS");
    }

    @Test
    void textIsEscapedAndScriptsBecomeTspans() throws Exception {
        assertEquals("a &lt; b &amp; c &gt; &quot;d&quot;", Diagrams.escape("a < b & c > \"d\""));
        String m = Diagrams.markup("L_{G}^{th} < 1 & x", 13);
        assertFalse(m.contains("_{") || m.contains("^{"), m);
        Document doc = parse("<svg xmlns=\"" + SVG_NS + "\"><text>" + m + "</text></svg>");
        assertEquals("LGth < 1 & x", doc.getDocumentElement().getTextContent().replace("\u200B", ""));
    }

    /** Parses the SVG and checks what both diagrams promise; writes it under target/ to look at. */
    private static Document check(String name, String svg) throws Exception {
        Path out = Path.of("target", "diagrams", name + ".svg");
        Files.createDirectories(out.getParent());
        Files.writeString(out, svg, StandardCharsets.UTF_8);

        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals(SVG_NS, root.getNamespaceURI());
        assertEquals("sans-serif", root.getAttribute("font-family"));
        String[] box = root.getAttribute("viewBox").trim().split("\\s+");
        assertEquals(4, box.length, "viewBox");
        double minX = Double.parseDouble(box[0]);
        double minY = Double.parseDouble(box[1]);
        double maxX = minX + Double.parseDouble(box[2]);
        double maxY = minY + Double.parseDouble(box[3]);
        assertEquals(Diagrams.WIDTH, Double.parseDouble(root.getAttribute("width")));
        assertEquals(Double.parseDouble(box[3]), Double.parseDouble(root.getAttribute("height")));

        Set<String> markers = new HashSet<>();
        NodeList ms = doc.getElementsByTagNameNS(SVG_NS, "marker");
        for (int i = 0; i < ms.getLength(); i++) {
            markers.add(((Element) ms.item(i)).getAttribute("id"));
        }
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        int arrows = 0;
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            assertFalse(Set.of("script", "image", "foreignObject", "style", "use").contains(e.getLocalName()),
                    "no " + e.getLocalName() + " element");
            NamedNodeMap attrs = e.getAttributes();
            for (int a = 0; a < attrs.getLength(); a++) {
                Attr attr = (Attr) attrs.item(a);
                String local = attr.getLocalName() == null ? attr.getName() : attr.getLocalName();
                if (local.equals("href") || local.equals("src")) {
                    assertTrue(attr.getValue().startsWith("#"), "external reference " + attr.getValue());
                }
                assertFalse(local.startsWith("on"), "no event handler " + local);
                if (local.equals("font-family")) {
                    assertEquals("sans-serif", attr.getValue());
                }
            }
            if (e.hasAttribute("marker-end")) {
                arrows++;
                String ref = e.getAttribute("marker-end");
                assertTrue(ref.startsWith("url(#") && ref.endsWith(")"), ref);
                assertTrue(markers.contains(ref.substring(5, ref.length() - 1)), "undefined marker " + ref);
            }
        }
        assertTrue(arrows > 0, "arrows");

        NodeList texts = doc.getElementsByTagNameNS(SVG_NS, "text");
        assertTrue(texts.getLength() > 10, "texts");
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            double x = Double.parseDouble(t.getAttribute("x"));
            double y = Double.parseDouble(t.getAttribute("y"));
            double size = Double.parseDouble(t.getAttribute("font-size"));
            // An estimate of the rendered width: 0.55 em per character (DejaVu Sans averages ~0.5).
            double w = 0.55 * size * t.getTextContent().length();
            String anchor = t.getAttribute("text-anchor");
            double left = anchor.equals("middle") ? x - w / 2 : anchor.equals("end") ? x - w : x;
            String what = "text '" + t.getTextContent() + "' at " + x + "," + y;
            assertTrue(left >= minX && left + w <= maxX, what + " leaves the viewBox horizontally");
            assertTrue(y - size >= minY && y + size / 3 <= maxY, what + " leaves the viewBox vertically");
        }
        return doc;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String allText(Document doc) {
        StringBuilder sb = new StringBuilder();
        NodeList texts = doc.getElementsByTagNameNS(SVG_NS, "text");
        for (int i = 0; i < texts.getLength(); i++) {
            sb.append(texts.item(i).getTextContent().replace("\u200B", "")).append('\n');
        }
        return sb.toString();
    }
}
