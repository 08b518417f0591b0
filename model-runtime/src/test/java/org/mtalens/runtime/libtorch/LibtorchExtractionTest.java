package org.mtalens.runtime.libtorch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding and unpacking libtorch flavours, on two small stand-ins for DJL's native jars. */
class LibtorchExtractionTest {
    @TempDir
    Path dir;

    /** A jar laid out as DJL's pytorch-native-FLAVOUR jars are, holding {@code files} (name, then content). */
    private Path nativeJar(String flavour, String... files) throws IOException {
        Path jar = dir.resolve("pytorch-native-" + flavour + ".jar");
        StringBuilder libraries = new StringBuilder();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (int i = 0; i < files.length; i += 2) {
                put(out, "pytorch/" + flavour + "/linux-x86_64/" + files[i], files[i + 1]);
                libraries.append(i == 0 ? "" : ",").append(files[i]);
            }
            put(out, "native/lib/pytorch.properties", "version=2.5.1-20241113\nflavor=" + flavour
                    + "\nclassifier=linux-x86_64\nlibraries=" + libraries + "\n");
        }
        return jar;
    }

    private static void put(JarOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    private static URLClassLoader loader(Path... jars) throws IOException {
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            urls[i] = jars[i].toUri().toURL();
        }
        return new URLClassLoader(urls, null);
    }

    @Test
    void bothFlavoursOfAGpuBuildAreFoundTheCudaOneFirst() throws IOException {
        try (URLClassLoader loader = loader(nativeJar("cpu", "libtorch.so", "cpu"), nativeJar("cu124", "libtorch.so", "cuda", "libc10_cuda.so", "c10"))) {
            List<BundledLibtorch> found = BundledLibtorch.onClassPath(loader);

            assertThat(found).extracting(BundledLibtorch::flavour).containsExactly("cu124", "cpu");
            assertThat(found.get(0).libraries()).containsExactly("libtorch.so", "libc10_cuda.so");
            assertThat(found.get(0).version()).isEqualTo("2.5.1-20241113");
        }
    }

    @Test
    void unpackingCopiesEveryLibraryIntoDjlsFolderForTheFlavourOnce() throws IOException {
        Path cache = dir.resolve("cache");
        try (URLClassLoader loader = loader(nativeJar("cu124", "libtorch.so", "torch bytes", "libc10_cuda.so", "c10 bytes"))) {
            BundledLibtorch cuda = BundledLibtorch.onClassPath(loader).get(0);

            Path folder = LibtorchExtraction.ensure(cuda, loader, cache);

            assertThat(folder).isEqualTo(cache.resolve("2.5.1-20241113-cu124-linux-x86_64"));
            assertThat(folder.resolve("libtorch.so")).hasContent("torch bytes");
            assertThat(folder.resolve("libc10_cuda.so")).hasContent("c10 bytes");
            Files.writeString(folder.resolve("libc10_cuda.so"), "already there");
            assertThat(LibtorchExtraction.ensure(cuda, loader, cache)).isEqualTo(folder);
            assertThat(folder.resolve("libc10_cuda.so")).as("a complete folder is reused, not unpacked again").hasContent("already there");
            try (Stream<Path> left = Files.list(cache)) {
                assertThat(left).as("no temporary folder stays").containsExactly(folder);
            }
        }
    }

    @Test
    void aLibraryMissingFromTheJarFailsNamingItAndLeavesNoFolder() throws IOException {
        Path cache = dir.resolve("cache");
        BundledLibtorch incomplete = new BundledLibtorch("cu124", "2.5.1-20241113", "linux-x86_64", List.of("libtorch.so", "libtorch_cuda.so"));
        try (URLClassLoader loader = loader(nativeJar("cu124", "libtorch.so", "torch bytes"))) {
            assertThatThrownBy(() -> LibtorchExtraction.ensure(incomplete, loader, cache))
                    .isInstanceOf(IOException.class).hasMessageContaining("pytorch/cu124/linux-x86_64/libtorch_cuda.so");
        }
        try (Stream<Path> left = Files.list(cache)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aCudaLibtorchThatCannotBeUnpackedFallsBackToTheCpuOneAndSaysWhy() throws IOException {
        Path cache = dir.resolve("cache");
        BundledLibtorch brokenCuda = new BundledLibtorch("cu124", "2.5.1-20241113", "linux-x86_64", List.of("libtorch_cuda.so"));
        String libraryPath = System.getProperty("PYTORCH_LIBRARY_PATH");
        String flavour = System.getProperty("PYTORCH_FLAVOR");
        try (URLClassLoader loader = loader(nativeJar("cpu", "libtorch.so", "cpu bytes"))) {
            BundledLibtorch cpu = BundledLibtorch.onClassPath(loader).get(0);
            LibtorchChoice cuda = FlavourRules.choose(List.of(brokenCuda, cpu), FlavourRulesTest.H200_CUDA_13, null, Map.of());

            LibtorchSetup setup = LibtorchSetup.pointDjlAt(List.of(brokenCuda, cpu), FlavourRulesTest.H200_CUDA_13, cuda, loader, cache);

            assertThat(setup.choice().flavour()).isEqualTo("cpu");
            assertThat(setup.choice().reason()).startsWith("cannot unpack the cu124 libtorch").contains("libtorch_cuda.so");
            assertThat(setup.folder()).isEqualTo(cache.resolve(cpu.cacheFolderName()));
            assertThat(System.getProperty("PYTORCH_LIBRARY_PATH")).isEqualTo(setup.folder().toString());
            assertThat(System.getProperty("PYTORCH_FLAVOR")).isEqualTo("cpu");
        } finally {
            restore("PYTORCH_LIBRARY_PATH", libraryPath);
            restore("PYTORCH_FLAVOR", flavour);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
