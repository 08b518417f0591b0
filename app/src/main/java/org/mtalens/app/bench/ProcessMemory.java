package org.mtalens.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's resident memory as Linux reports it (heap, native arrays, mapped pages: everything), and the CPU
 * time it has used (all threads: a step's CPU seconds compare steps fairly on a machine other work shares).
 */
final class ProcessMemory {
    private ProcessMemory() {
    }

    /** @return the resident set now, in MB (VmRSS) */
    static long residentMb() {
        return field("VmRSS:");
    }

    /** @return the largest resident set so far, in MB (VmHWM) */
    static long peakResidentMb() {
        return field("VmHWM:");
    }

    /** @return the CPU time this process has used so far, in seconds (user + system, every thread) */
    static double cpuSeconds() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            return hotspot.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
