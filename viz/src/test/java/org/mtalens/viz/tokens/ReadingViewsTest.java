package org.mtalens.viz.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtalens.viz.chart.StageLineChart;
import org.mtalens.viz.chart.StageSeries;
import org.mtalens.viz.testing.Snapshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ReadingViewsTest {
    private static final int T = 4000;
    private ShadedTextView text;
    private TopKeysView top;
    private StageLineChart chart;
    private final List<String> tokens = new ArrayList<>();
    private float[] weights;

    @Start
    void start(Stage stage) {
        String[] words = {" the", " cat", " sat", " on", " a", " mat", ".", "\n"};
        weights = new float[T];
        float[] scores = new float[T];
        for (int i = 0; i < T; i++) {
            tokens.add(words[i % words.length]);
            weights[i] = i == 1234 ? 0.6f : i % 97 == 0 ? -0.05f : 0.0001f;
            scores[i] = i == 1234 ? 9f : (float) Math.sin(i);
        }
        text = new ShadedTextView();
        text.show(tokens, weights, T - 1);
        top = new TopKeysView();
        top.show(TopKeys.of(weights, 5, tokens, 3));
        chart = new StageLineChart();
        chart.show(List.of(new StageSeries("scores", StageSeries.Kind.LOGIT, scores),
                new StageSeries("final", StageSeries.Kind.WEIGHT, weights)), tokens);
        text.setPrefHeight(220);
        stage.setScene(new Scene(new VBox(text, top, chart), 700, 720));
        stage.show();
    }

    @Test
    void thousandsOfTokensDrawOnlyTheLinesInView(FxRobot robot) {
        int lines = text.lines().lines();
        int[] painted = text.paintedLines();
        assertThat(lines).isGreaterThan(200);
        assertThat(painted[1] - painted[0]).isLessThanOrEqualTo(220 / 21 + 2);
        assertThat(text.paintedTokens()).isLessThan(T / 20);

        robot.interact(() -> text.scrollTo(1234));
        int[] after = text.paintedLines();
        assertThat(text.lines().lineOf(1234)).isBetween(after[0], after[1] - 1);
        assertThat(text.colourScale().map().isDiverging()).isTrue(); // a weight is negative
        robot.interact(() -> Snapshots.write(text, "shaded-text"));
    }

    @Test
    void clickingATopKeyTellsTheListenerThatKey(FxRobot robot) {
        AtomicInteger told = new AtomicInteger(-1);
        robot.interact(() -> top.setOnKey(told::set));
        robot.clickOn(robot.lookup(".top-key").nth(0).queryAs(javafx.scene.Node.class));
        assertThat(told.get()).isEqualTo(1234);
    }

    @Test
    void hoveringTheStageChartReadsTheKeysTokenAndEveryLine(FxRobot robot) {
        robot.moveTo(chart).moveBy(0, -40);
        String hover = chart.hoverTextProperty().get();
        assertThat(hover).startsWith("key ").contains("scores ").contains("final ");
        robot.interact(() -> Snapshots.write(chart, "stage-line-chart"));
    }
}
