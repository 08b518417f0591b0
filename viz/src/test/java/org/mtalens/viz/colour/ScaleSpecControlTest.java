package org.mtalens.viz.colour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ScaleSpecControlTest {
    private ScaleSpecControl control;

    @Start
    void start(Stage stage) {
        control = new ScaleSpecControl(ScaleSpec.SHARED_BY_ALL, List.of(ScaleSharing.PER_MAP, ScaleSharing.ALL));
        stage.setScene(new Scene(control, 700, 80));
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private <T> ChoiceBox<T> choice(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ChoiceBox.class);
    }

    @Test
    void choosingAPercentileAndTypingItClipsThere(FxRobot robot) {
        robot.interact(() -> choice(robot, "#scale-range").getSelectionModel().select(1));
        robot.doubleClickOn("#scale-percentile").write("95").type(javafx.scene.input.KeyCode.ENTER);

        assertThat(control.specProperty().get().range()).isEqualTo(RangeRule.percentile(95));
        assertThat(control.specProperty().get().sharing()).isEqualTo(ScaleSharing.ALL);
    }

    @Test
    void aTypedRangeThatDoesNotParseIsMarkedAndChangesNothing(FxRobot robot) {
        robot.interact(() -> choice(robot, "#scale-range").getSelectionModel().select(2));
        ScaleSpec before = control.specProperty().get();
        robot.clickOn("#scale-min").write("-0.5");
        robot.clickOn("#scale-max").write("zero").type(javafx.scene.input.KeyCode.ENTER);

        assertThat(control.specProperty().get()).isEqualTo(before);
        assertThat(robot.lookup("#scale-max").queryAs(TextField.class).getStyleClass()).contains("invalid");

        robot.doubleClickOn("#scale-max").write("0.25").type(javafx.scene.input.KeyCode.ENTER);
        assertThat(control.specProperty().get().range()).isEqualTo(RangeRule.typed(-0.5, 0.25));
        assertThat(robot.lookup("#scale-max").queryAs(TextField.class).getStyleClass()).doesNotContain("invalid");
    }

    @Test
    void choosingEachMapSharingAndGreyChangeTheSpec(FxRobot robot) {
        robot.interact(() -> {
            choice(robot, "#scale-sharing").setValue(ScaleSharing.PER_MAP);
            choice(robot, "#scale-map").setValue(ColourMap.GREY);
        });
        assertThat(control.specProperty().get().sharing()).isEqualTo(ScaleSharing.PER_MAP);
        assertThat(control.specProperty().get().sequential()).isEqualTo(ColourMap.GREY);
    }
}
