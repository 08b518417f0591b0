package org.mtalens.runtime.bench;

import ai.djl.Device;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import org.mtalens.runtime.model.ComputeDevice;
import picocli.CommandLine.Option;

/** The options the model benchmarks share ({@code --device}, {@code --json}), as a picocli mixin. */
public final class BenchOptions {
    @Option(names = "--device", description = "cpu, gpu or auto (default: auto).")
    String device;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    /** @return the device asked for (auto: a GPU when DJL reports one) */
    Device device() {
        return ComputeDevice.resolve(device);
    }

    /** @return whether to print JSON instead of text */
    boolean json() {
        return json;
    }

    /** Prints {@code value} as one indented JSON object. */
    static void printJson(PrintWriter out, Object value) throws JsonProcessingException {
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
    }
}
