package org.mtalens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtalens.app.cli.MtaLensCommand;
import org.mtalens.app.testing.SvgFiles;
import org.mtalens.app.testing.TestCheckpoints;
import picocli.CommandLine;

/** {@code snapshot --format svg|pdf}: a view as a vector figure from the command line. */
class SnapshotFigureTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine cli = MtaLensCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(args);
    }

    @Test
    void aPdfOfThePipelineHoldsItsStagesAndTokensAsText() throws Exception {
        Path pdf = dir.resolve("pipeline.pdf");
        assertThat(run("snapshot", TestCheckpoints.fixture("tiny").toString(), "--tokens", "1,2,3,4,5,6", "--layer", "1",
                "--head", "2", "--format", "pdf", "--out", pdf.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("wrote " + pdf + " (").contains("layer 1 \u00b7 head 2 \u00b7 pipeline");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("layer 1 \u00b7 head 2 \u00b7 pipeline", "layer 1 \u00b7 head 2 \u00b7 scores",
                    "layer 1 \u00b7 head 2 \u00b7 final", "key \u2192", "query \u2193");
            assertThat(doc.getDocumentInformation().getCustomMetadataValue("token ids")).isEqualTo("1,2,3,4,5,6");
        }
    }

    @Test
    void anSvgOutNamesTheFormatAndGridDrawsTheModelGridOfThatStage() throws Exception {
        Path svg = dir.resolve("grid.svg");
        assertThat(run("snapshot", TestCheckpoints.fixture("tiny").toString(), "--grid", "post_sm_conv", "--out",
                svg.toString())).as(err.toString()).isZero();
        assertThat(SvgFiles.texts(SvgFiles.read(svg)))
                .contains("post_sm_conv  \u00b7  2 layers \u00d7 4 heads", "L1  MTA", "h3");
    }

    @Test
    void theInspectorOfAPlainLayerIsBadInputSayingWhy() {
        Path svg = dir.resolve("kernels.svg");
        assertThat(run("snapshot", TestCheckpoints.fixture("tiny-plain-gqa").toString(), "--layer", "0", "--figure",
                "inspector",
                "--out", svg.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("layer 0 is plain attention");
        assertThat(svg).doesNotExist();
    }

    @Test
    void aFormatTheFileNameContradictsIsBadInput() {
        assertThat(run("snapshot", TestCheckpoints.fixture("tiny").toString(), "--format", "pdf", "--out",
                dir.resolve("x.svg").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--format pdf but --out").contains("name the file .pdf");
    }

    @Test
    void aFigureForAPngIsBadInput() {
        assertThat(run("snapshot", TestCheckpoints.fixture("tiny").toString(), "--figure", "grid", "--out",
                dir.resolve("x.png").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--figure draws a vector figure");
    }
}
