package org.mtalens.runtime.doctor;

import java.util.List;
import java.util.Map;

/** The doctor's report as indented {@code key: value} lines, for pasting into a bug report. */
final class DoctorText {
    private DoctorText() {
    }

    static String of(Map<String, Object> sections) {
        StringBuilder s = new StringBuilder();
        write(s, sections, "");
        return s.toString().stripTrailing();
    }

    private static void write(StringBuilder s, Map<?, ?> map, String indent) {
        map.forEach((key, value) -> {
            s.append(indent).append(key).append(':');
            if (value instanceof Map<?, ?> inner) {
                s.append('\n');
                write(s, inner, indent + "  ");
            } else if (value instanceof List<?> list && !list.isEmpty()) {
                s.append('\n');
                list.forEach(item -> writeItem(s, item, indent + "  "));
            } else {
                s.append(' ').append(value instanceof List<?> ? "none" : value).append('\n');
            }
        });
    }

    private static void writeItem(StringBuilder s, Object item, String indent) {
        if (item instanceof Map<?, ?> inner) {
            StringBuilder entries = new StringBuilder();
            write(entries, inner, indent + "  ");
            s.append(indent).append("- ").append(entries.substring(indent.length() + 2)); // first entry on the dash's line
        } else {
            s.append(indent).append("- ").append(item).append('\n');
        }
    }
}
