package org.mtalens.app.testing;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.mtalens.app.main.MtaLensApplication;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts and stops the real application headless, opened on a checkpoint (or the bundled sample). */
public final class RunningApp {
    private static final String SAMPLE = "mtalens.sample";

    private RunningApp() {
    }

    /**
     * Starts the app on {@code checkpoint} (null: the bundled sample) and waits until its first run is shown.
     *
     * @return the running application
     */
    public static MtaLensApplication startOn(Path checkpoint) throws Exception {
        if (checkpoint == null) {
            System.clearProperty(SAMPLE);
        } else {
            System.setProperty(SAMPLE, checkpoint.toString());
        }
        FxToolkit.registerPrimaryStage();
        MtaLensApplication app = (MtaLensApplication) FxToolkit.setupApplication(MtaLensApplication.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.viewModel().traceProperty().get() != null
                && !app.viewModel().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        return app;
    }

    /** Stops the app and closes its windows. */
    public static void stop(MtaLensApplication app) throws Exception {
        System.clearProperty(SAMPLE);
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }
}
