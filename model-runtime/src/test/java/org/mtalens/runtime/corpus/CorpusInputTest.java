package org.mtalens.runtime.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.runtime.InvalidInputException;

class CorpusInputTest {
    @TempDir
    Path dir;

    @Test
    void aFolderIsReadFileByFileInNameOrderSkippingBlankLines() throws Exception {
        Files.writeString(dir.resolve("b.jsonl"), "{\"id\": 7, \"tokens\": [1, 2, 3]}\n");
        Files.writeString(dir.resolve("a.jsonl"), "{\"id\": \"x\", \"text\": \"abc\"}\n\n{\"id\": \"y\", \"text\": \"d\"}\n");
        Files.writeString(dir.resolve("notes.txt"), "not a corpus file");
        List<CorpusDocument> documents = CorpusInput.read(dir);
        assertThat(documents).extracting(CorpusDocument::id).containsExactly("x", "y", "7");
        assertThat(documents.get(2).tokens()).containsExactly(1, 2, 3);
        assertThat(documents.get(0).text()).isEqualTo("abc");
    }

    @Test
    void aBadLineIsBadInputNamingTheFileLineAndField() throws Exception {
        Path file = dir.resolve("c.jsonl");
        Files.writeString(file, "{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"tokens\": [1, \"two\"]}\n");
        assertThatThrownBy(() -> CorpusInput.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("c.jsonl line 2").hasMessageContaining("tokens[1]");
        Files.writeString(file, "{\"text\": \"no id\"}\n");
        assertThatThrownBy(() -> CorpusInput.read(file)).hasMessageContaining("line 1").hasMessageContaining("'id'");
        Files.writeString(file, "{\"id\": 1, \"text\": \"a\"}\n{\"id\": 1, \"text\": \"b\"}\n");
        assertThatThrownBy(() -> CorpusInput.read(file)).hasMessageContaining("line 2").hasMessageContaining("line 1")
                .hasMessageContaining("unique");
        Files.writeString(file, "[1, 2]\n");
        assertThatThrownBy(() -> CorpusInput.read(file)).hasMessageContaining("line 1: not a JSON object");
    }
}
