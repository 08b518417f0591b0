package org.mtalens.runtime.reliability;

import java.lang.management.ManagementFactory;

/** Heap bytes the current thread allocates while an action runs (HotSpot's thread MX bean). */
public final class AllocatedBytes {
    private AllocatedBytes() {
    }

    /** @return the bytes {@code action} allocated; whatever it throws is swallowed (callers assert it separately) */
    public static long during(Runnable action) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(id);
        try {
            action.run();
        } catch (RuntimeException expected) {
            // the outcome is asserted by the caller
        }
        return bean.getThreadAllocatedBytes(id) - before;
    }
}
