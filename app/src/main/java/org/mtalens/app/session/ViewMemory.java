package org.mtalens.app.session;

import java.lang.management.ManagementFactory;
import org.mtalens.runtime.model.MemoryBudget;

/**
 * How much memory the maps the views hold (with the trace they are replayed from) may take: the runtime's memory
 * budget, and at most a sixth of the machine's physical memory. The weights live outside the Java heap, and a pass
 * needs working memory of its own, so a budget measured against the heap alone would let a long input's maps take
 * the memory the rest of the machine needs (at T=4096 one layer's maps are 7.5 GB).
 *
 * @param bytes the most the held maps and the trace may take
 */
public record ViewMemory(long bytes) {
    /** The share of physical memory the held maps may take. */
    static final int SHARE_OF_PHYSICAL = 6;

    /** @return the limit for views of a model whose runner has {@code budget}, on this machine */
    public static ViewMemory of(MemoryBudget budget) {
        return of(budget, physicalMemory());
    }

    /** @return the limit for views of a model whose runner has {@code budget}, on a machine of {@code physicalBytes} */
    static ViewMemory of(MemoryBudget budget, long physicalBytes) {
        return physicalBytes <= 0 ? new ViewMemory(budget.bytes())
                : new ViewMemory(Math.min(budget.bytes(), physicalBytes / SHARE_OF_PHYSICAL));
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }
}
