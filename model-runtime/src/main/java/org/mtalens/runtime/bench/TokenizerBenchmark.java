package org.mtalens.runtime.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mtalens.runtime.tokenizer.BosToken;
import org.mtalens.runtime.tokenizer.ByteTokenizer;
import org.mtalens.runtime.tokenizer.CharTokenizer;
import org.mtalens.runtime.tokenizer.HuggingFaceJsonTokenizer;
import org.mtalens.runtime.tokenizer.TiktokenTokenizer;
import org.mtalens.runtime.tokenizer.Tokenizer;

/**
 * Measures how long encoding 1 MiB of text (UTF-8 bytes; mixed English, European, CJK, Cyrillic,
 * emoji and whitespace runs) takes with each tokenizer, labels and spans included: 2 warm-up runs,
 * then the median of 5, as wall-clock time and as the calling thread's CPU time (the fairer figure
 * on a shared machine; a tokenizer in this process encodes on the calling thread, an isolated one in its
 * child process, so only its wall time counts). Then one typed sentence, as the app encodes it when Run
 * is pressed: the median of 200 encodes. Not a test: run it by hand, e.g.
 * {@code java -Dai.djl.offline=true -cp CLASSPATH org.mtalens.runtime.bench.TokenizerBenchmark
 * --tiktoken tokenizer.model --tokenizer-json tokenizer.json --tokenizer-json-isolated tokenizer.json}.
 */
public final class TokenizerBenchmark {
    private static final int ONE_MIB = 1 << 20;
    private static final String[] SENTENCES = {
        "Multi-Token Attention lets nearby queries and keys change each other's weights. ",
        "Grüße aus Köln — naïve café, déjà vu; ",
        "日本語のテキストと中文文本，还有한국어도 있습니다。",
        "Привет, мир! Ελληνικά και العربية שלום ",
        "Emoji 👋🏽 🧑‍🚀 🇫🇷 ❤️‍🔥 and numbers 1234567, 3.14159.\n",
        "def f(x):\n    return x ** 2   # whitespace   runs\t\ttabs\n\n",
    };

    private TokenizerBenchmark() {
    }

    public static void main(String[] args) {
        List<Tokenizer> tokenizers = new ArrayList<>(List.of(new ByteTokenizer()));
        for (int i = 0; i + 1 < args.length; i += 2) {
            Path file = Path.of(args[i + 1]);
            long start = System.nanoTime();
            tokenizers.add(switch (args[i]) {
                case "--tiktoken" -> TiktokenTokenizer.read(file);
                case "--tokenizer-json" -> HuggingFaceJsonTokenizer.read(file);
                case "--tokenizer-json-isolated" -> HuggingFaceJsonTokenizer.readIsolated(file);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --tiktoken FILE, --tokenizer-json FILE, --tokenizer-json-isolated FILE)");
            });
            System.out.printf(Locale.ROOT, "%s %s: opened in %.0f ms%n", args[i], file, (System.nanoTime() - start) / 1e6);
        }
        String text = mixedText();
        System.out.printf(Locale.ROOT, "text: %d UTF-8 bytes, %d chars%n", text.getBytes(StandardCharsets.UTF_8).length, text.length());
        for (Tokenizer tokenizer : tokenizers) {
            report(tokenizer, text);
        }
        report(new CharTokenizer(), toyText());
    }

    private static void report(Tokenizer tokenizer, String text) {
        int tokens = 0;
        for (int warmUp = 0; warmUp < 2; warmUp++) {
            tokens = tokenizer.encode(text, BosToken.ADD).size();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] millis = new double[5];
        double[] cpuMillis = new double[5];
        for (int run = 0; run < millis.length; run++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            tokenizer.encode(text, BosToken.ADD);
            millis[run] = (System.nanoTime() - start) / 1e6;
            cpuMillis[run] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        System.out.printf(Locale.ROOT, "%-46s %8d tokens  wall median %7.1f ms (min %7.1f)  cpu median %7.1f ms%n",
                tokenizer.name(), tokens, millis[2], millis[0], cpuMillis[2]);
        String sentence = text.substring(0, Math.min(text.length(), SENTENCES[0].length()));
        System.out.printf(Locale.ROOT, "%-46s one sentence (%d chars): wall median %.3f ms per encode%n", "",
                sentence.length(), sentenceMillis(tokenizer, sentence));
    }

    /** @return the median wall time of encoding {@code sentence} once, over 200 encodes after 50 warm-up ones */
    private static double sentenceMillis(Tokenizer tokenizer, String sentence) {
        double[] millis = new double[200];
        for (int run = -50; run < millis.length; run++) {
            long start = System.nanoTime();
            tokenizer.encode(sentence, BosToken.ADD);
            if (run >= 0) {
                millis[run] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(millis);
        return millis[millis.length / 2];
    }

    public static String mixedText() {
        StringBuilder text = new StringBuilder(ONE_MIB);
        int bytes = 0;
        for (int i = 0; bytes < ONE_MIB; i++) {
            String sentence = SENTENCES[i % SENTENCES.length];
            text.append(sentence);
            bytes += sentence.getBytes(StandardCharsets.UTF_8).length;
        }
        return text.toString();
    }

    private static String toyText() {
        String block = "abcdefgh.ijklmnop.qrstuvwx#yz_";
        return block.repeat(ONE_MIB / block.length() + 1);
    }
}
