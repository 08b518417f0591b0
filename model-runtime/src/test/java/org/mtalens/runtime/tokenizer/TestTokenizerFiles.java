package org.mtalens.runtime.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The committed tokenizer files (see src/test/resources/tokenizers/README.md) and their expected ids. */
final class TestTokenizerFiles {
    static final String TIKTOKEN = "/tokenizers/cl100k-tiktoken/";
    static final String TOKENIZER_JSON = "/tokenizers/gpt35turbo-tokenizer-json/";

    private TestTokenizerFiles() {
    }

    /** Unzips a committed {@code .gz} resource into {@code folder} under {@code name}. */
    static Path unzip(String resource, Path folder, String name) {
        Path target = folder.resolve(name);
        try (InputStream in = new GZIPInputStream(TestTokenizerFiles.class.getResourceAsStream(resource))) {
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode expected(String folder) {
        try (InputStream in = TestTokenizerFiles.class.getResourceAsStream(folder + "expected.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One sentence and the ids the independent (JavaScript) encoder gave for it. */
    record Case(String text, int[] ids, JsonNode node) {
        @Override
        public String toString() {
            return text.length() > 30 ? text.substring(0, 30) + "..." : text;
        }
    }

    static List<Case> cases(String folder) {
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : expected(folder).path("cases")) {
            int[] ids = new int[c.path("ids").size()];
            for (int k = 0; k < ids.length; k++) {
                ids[k] = c.path("ids").get(k).asInt();
            }
            cases.add(new Case(c.path("text").asText(), ids, c));
        }
        return cases;
    }

    static int[] ids(List<Token> tokens) {
        return tokens.stream().mapToInt(Token::id).toArray();
    }
}
