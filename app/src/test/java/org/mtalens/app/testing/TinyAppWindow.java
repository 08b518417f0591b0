package org.mtalens.app.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mtalens.app.main.MtaLensApplication;
import org.mtalens.app.session.MainViewModel;
import org.testfx.api.FxRobot;

/** The real application window on the official "tiny" fixture, headless: started before each test, stopped after. */
public abstract class TinyAppWindow {
    protected final FxRobot robot = new FxRobot();
    protected MtaLensApplication app;

    @BeforeEach
    void openTheTinyFixture() throws Exception {
        app = RunningApp.startOn(TestCheckpoints.fixture("tiny"));
    }

    @AfterEach
    void close() throws Exception {
        RunningApp.stop(app);
    }

    protected MainViewModel vm() {
        return app.viewModel();
    }
}
