package org.mtalens.runtime.checkpoint;

import java.lang.management.ManagementFactory;

/** Bytes the current thread allocated on the heap while running an action (HotSpot's thread MX bean). */
final class Allocation {
    private Allocation() {
    }

    /** @return the bytes allocated by {@code action}, which is expected to throw; the throwable is swallowed */
    static long ofFailing(Runnable action) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(id);
        try {
            action.run();
        } catch (RuntimeException expected) {
            // the caller asserts the message separately
        }
        return bean.getThreadAllocatedBytes(id) - before;
    }
}
