package org.mtalens.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;

/** Starts JavaFX on Monocle's headless platform (no display needed), once per JVM. */
final class HeadlessFx {
    private static boolean started;

    private HeadlessFx() {
    }

    static synchronized void start(int width, int height) throws InterruptedException {
        if (started) {
            return;
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("headless.geometry", Math.max(width, 1920) + "x" + Math.max(height, 1200) + "-32");
        CountDownLatch ready = new CountDownLatch(1);
        try {
            Platform.startup(ready::countDown);
        } catch (IllegalStateException alreadyRunning) {
            ready.countDown();
        }
        ready.await(60, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        started = true;
    }

    /** Lets the FX thread run {@code rounds} rounds of pending work (recolouring, re-rendering after a zoom). */
    static void settle(int rounds) {
        int[] left = {rounds};
        waitUntil(() -> left[0]-- <= 0);
    }

    /** Runs pending FX pulses until {@code condition} holds (called on the FX thread; nested event loop). */
    static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Object key = new Object();
            Platform.runLater(() -> Platform.exitNestedEventLoop(key, null));
            Platform.enterNestedEventLoop(key);
        }
    }
}
