package org.mtalens.runtime.libtorch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One libtorch that a DJL native jar on the class path carries ({@code pytorch-native-cpu},
 * {@code pytorch-native-cu124}), as its {@code native/lib/pytorch.properties} describes it.
 *
 * @param flavour    {@code cpu} or {@code cu124}
 * @param version    the libtorch build, e.g. {@code 2.5.1-20241113}
 * @param classifier e.g. {@code linux-x86_64}
 * @param libraries  the files under {@code pytorch/<flavour>/<classifier>/} in the jar
 */
public record BundledLibtorch(String flavour, String version, String classifier, List<String> libraries) {
    static final String PROPERTIES = "native/lib/pytorch.properties";
    private static final Pattern CUDA_FLAVOUR = Pattern.compile("cu(\\d+)(\\d)");

    public BundledLibtorch {
        libraries = List.copyOf(libraries);
    }

    /** @return every libtorch the native jars visible to {@code loader} carry, CUDA ones first (newest CUDA first) */
    public static List<BundledLibtorch> onClassPath(ClassLoader loader) {
        List<BundledLibtorch> found = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(PROPERTIES))) {
                found.add(read(url));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + PROPERTIES + " on the class path", e);
        }
        found.sort(Comparator.comparingInt(BundledLibtorch::cudaVersion).reversed());
        return List.copyOf(found);
    }

    private static BundledLibtorch read(URL url) throws IOException {
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(in);
        }
        String libraries = p.getProperty("libraries", "");
        return new BundledLibtorch(p.getProperty("flavor", "cpu"), p.getProperty("version", "unknown"),
                p.getProperty("classifier", "unknown"), libraries.isEmpty() ? List.of() : List.of(libraries.split(",")));
    }

    /** @return whether this libtorch was built for CUDA */
    public boolean cuda() {
        return cudaVersion() > 0;
    }

    /** @return the CUDA version it was built for in the driver API's encoding ({@code cu124}: 12040), 0 for the CPU */
    public int cudaVersion() {
        Matcher m = CUDA_FLAVOUR.matcher(flavour);
        return m.lookingAt() ? Integer.parseInt(m.group(1)) * 1000 + Integer.parseInt(m.group(2)) * 10 : 0;
    }

    /** @return the folder name DJL unpacks it to under its cache, e.g. {@code 2.5.1-20241113-cu124-linux-x86_64} */
    public String cacheFolderName() {
        return version + '-' + flavour + '-' + classifier;
    }

    /** @return the resource folder of its libraries in the jar */
    String resourceFolder() {
        return "pytorch/" + flavour + '/' + classifier + '/';
    }
}
