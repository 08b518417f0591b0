package org.mtalens.runtime.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mta-lens doctor}: what to paste into a bug report. Exit 0, or 2 (after the report) when PyTorch
 * cannot start, with the reason on stderr.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Report MTA Lens's version, Java, the system and display, the libtorch found and chosen, the CUDA "
                + "driver, the devices PyTorch can use, whether a GPU would be used and why, the memory budget and DJL's "
                + "cache (~/.djl.ai). Exit 2 when PyTorch cannot start."})
public final class DoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() throws Exception {
        DoctorReport report = DoctorReport.gather();
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report.sections())
                : DoctorText.of(report.sections()));
        out.flush();
        if (!report.engineStarted()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("mta-lens: " + report.engineError());
            err.flush();
            return 2;
        }
        return 0;
    }
}
