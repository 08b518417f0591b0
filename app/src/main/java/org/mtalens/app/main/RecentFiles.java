package org.mtalens.app.main;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The checkpoints opened last, most recent first, kept in the user's preferences. */
final class RecentFiles {
    private static final int KEEP = 8;
    private final Preferences preferences;

    RecentFiles(Preferences preferences) {
        this.preferences = preferences;
    }

    List<Path> list() {
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < KEEP; i++) {
            String value = preferences.get("recent." + i, null);
            if (value != null) {
                paths.add(Path.of(value));
            }
        }
        return paths;
    }

    void remember(Path path) {
        List<Path> paths = list();
        Path absolute = path.toAbsolutePath().normalize();
        paths.remove(absolute);
        paths.add(0, absolute);
        for (int i = 0; i < KEEP; i++) {
            if (i < paths.size()) {
                preferences.put("recent." + i, paths.get(i).toString());
            } else {
                preferences.remove("recent." + i);
            }
        }
    }
}
