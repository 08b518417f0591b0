package org.mtalens.runtime.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The page around the data: {@code page.html} with {@code page.css} and {@code page.js} inlined (no file beside
 * it, nothing fetched), split where the data goes, so the data can be streamed in between.
 */
final class PageTemplate {
    private static final String TITLE = "{{TITLE}}";
    private static final String CSS = "{{CSS}}";
    private static final String JS = "{{JS}}";
    private static final String DATA = "{{DATA}}";

    private final String before;
    private final String after;

    private PageTemplate(String page) {
        int data = page.indexOf(DATA);
        this.before = page.substring(0, data);
        this.after = page.substring(data + DATA.length());
    }

    static PageTemplate load() {
        String page = resource("page.html").replace(CSS, resource("page.css")).replace(JS, resource("page.js"));
        return new PageTemplate(page);
    }

    /** @return everything before the data, titled {@code title} */
    String before(String title) {
        return before.replace(TITLE, escapeHtml(title));
    }

    /** @return everything after the data: the script that draws the page */
    String after() {
        return after;
    }

    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = PageTemplate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the page template " + name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
