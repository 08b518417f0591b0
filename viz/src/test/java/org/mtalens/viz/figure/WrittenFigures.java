package org.mtalens.viz.figure;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Figures written to bytes and read back as a viewer reads them (SVG as XML, its images decoded). */
final class WrittenFigures {
    static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    private WrittenFigures() {
    }

    /** @return the figure written in {@code format} at {@code dpi}, also kept under target/figures for people to look at */
    static byte[] write(Figure figure, FigureFormat format, double dpi, String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            format.write(figure, dpi, out);
            Path dir = Files.createDirectories(Path.of(System.getProperty("mtalens.test.outputDir", "target"), "figures"));
            Files.write(dir.resolve(name + "." + format.extension()), out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @return the SVG parsed as XML (namespace aware, no DTDs): fails the test when it is not well-formed */
    static Document svg(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    static List<Element> elements(Document svg, String name) {
        NodeList nodes = svg.getElementsByTagNameNS(SVG_NAMESPACE, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** @return the contents of every {@code <text>} element */
    static List<String> texts(Document svg) {
        return elements(svg, "text").stream().map(Element::getTextContent).toList();
    }

    /** @return every embedded {@code <image>} decoded */
    static List<BufferedImage> images(Document svg) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        for (Element image : elements(svg, "image")) {
            String href = image.getAttributeNS("http://www.w3.org/1999/xlink", "href");
            if (href.isEmpty()) {
                href = image.getAttribute("href");
            }
            String data = href.substring(href.indexOf("base64,") + "base64,".length());
            out.add(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(data))));
        }
        return out;
    }

    static String string(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
