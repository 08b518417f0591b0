package org.mtalens.app.testing;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** An exported SVG figure read back as XML: its text and its metadata fields. */
public final class SvgFiles {
    private SvgFiles() {
    }

    /** @return the file parsed as XML (namespace aware, no DTDs): fails when it is not well-formed */
    public static Document read(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(file)));
    }

    /** @return the contents of every {@code <text>} element */
    public static List<String> texts(Document svg) {
        NodeList nodes = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    /** @return the value of the metadata field {@code name} */
    public static String field(Document svg, String name) {
        NodeList nodes = svg.getElementsByTagNameNS("urn:mta-lens:figure", "field");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e.getTextContent();
            }
        }
        throw new AssertionError("no metadata field " + name);
    }
}
