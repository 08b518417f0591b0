package org.mtalens.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.application.Application;
import org.mtalens.app.main.MtaLensApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mta-lens app [CHECKPOINT]}: opens the desktop app, optionally on a checkpoint. */
@Command(name = "app", mixinStandardHelpOptions = true,
        description = "Open the desktop app (the default when no command is given).")
public final class AppCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "CHECKPOINT",
            description = "A checkpoint folder or weights file to open instead of the bundled sample.")
    Path checkpoint;

    @Override
    public Integer call() {
        String[] args = checkpoint == null ? new String[0] : new String[] {checkpoint.toString()};
        try {
            Application.launch(MtaLensApplication.class, args);
        } catch (UnsupportedOperationException | IllegalStateException noWindow) {
            System.err.println("mta-lens: cannot open a window (" + noWindow.getMessage() + "). The desktop app needs a "
                    + "display and GTK 3 (Debian/Ubuntu: apt-get install libgtk-3-0). Without one, `mta-lens snapshot` "
                    + "renders the window to a PNG and every other command works.");
            return MtaLensCommand.EXIT_FAILURE;
        }
        return MtaLensCommand.EXIT_OK;
    }
}
