package org.mtalens.runtime.inspect;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mta-lens inspect PATH [--json]}: the format, config, parameters, stage plan and how far each
 * MTA kernel moved from its identity initialisation. A bad checkpoint propagates as
 * {@link org.mtalens.runtime.InvalidInputException} (exit code 2 at the top level).
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show a checkpoint's format, config, parameters, stage plan and MTA kernels.")
public final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH",
            description = "checkpoint folder, its consolidated/ folder, or the weights file")
    Path path;

    @Option(names = "--json", description = "print one JSON object instead of tables")
    boolean json;

    @Override
    public Integer call() {
        CheckpointInspection inspection = CheckpointInspection.inspect(path);
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(InspectionJson.toJson(inspection));
            out.flush();
        } else {
            InspectionText.write(inspection, out);
        }
        return 0;
    }
}
