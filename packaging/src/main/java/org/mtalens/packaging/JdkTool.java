package org.mtalens.packaging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.spi.ToolProvider;

/** Runs a tool of the running JDK ({@code jlink}, {@code jpackage}) in this JVM and fails with its output. */
final class JdkTool {
    private JdkTool() {
    }

    static void run(String tool, List<String> arguments) {
        ToolProvider provider = ToolProvider.findFirst(tool).orElseThrow(() -> new IllegalStateException(
                "this JDK has no " + tool + "; build the installers with a full JDK 17 (java.home=" + System.getProperty("java.home") + ")"));
        StringWriter output = new StringWriter();
        try (PrintWriter out = new PrintWriter(output)) {
            int exit = provider.run(out, out, arguments.toArray(String[]::new));
            out.flush();
            if (exit != 0) {
                throw new IllegalStateException(tool + " failed (exit code " + exit + "):\n" + output + "\narguments: " + arguments);
            }
        }
    }
}
