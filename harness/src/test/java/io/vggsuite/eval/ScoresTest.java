package io.vggsuite.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoresTest {

    private static final float[][] POSTERIORS = {
        {0.7f, 0.1f, 0.1f, 0.05f, 0.03f, 0.02f},
        {0.1f, 0.2f, 0.3f, 0.15f, 0.14f, 0.11f},
        {0.05f, 0.05f, 0.1f, 0.2f, 0.25f, 0.35f},
    };

    @Test
    void topOneAndTopFiveErrorsCountTheRankOfTheTrueClass() {
        // Image 0 right; image 1's class 0 ranks 6th of 6; image 2's class 4 ranks 2nd.
        Scores scores = new Scores(new int[] {0, 0, 4}, POSTERIORS);
        assertEquals(200.0 / 3, scores.top1Error(), 1e-9);
        assertEquals(100.0 / 3, scores.top5Error(), 1e-9);
        assertArrayEquals(new boolean[] {true, false, true}, scores.correct(2));
    }

    @Test
    void aConstantOutputIsNeverCorrect() {
        float[][] flat = {{0.25f, 0.25f, 0.25f, 0.25f}};
        assertEquals(100.0, new Scores(new int[] {2}, flat).top1Error());
    }

    @Test
    void averagingIsTheMeanOfPosteriors() {
        Scores a = new Scores(new int[] {0}, new float[][] {{0.9f, 0.1f}});
        Scores b = new Scores(new int[] {0}, new float[][] {{0.3f, 0.7f}});
        assertArrayEquals(new float[] {0.6f, 0.4f}, Scores.average(List.of(a, b)).probabilities()[0], 1e-6f);
        Scores other = new Scores(new int[] {1}, new float[][] {{0.3f, 0.7f}});
        assertThrows(IllegalArgumentException.class, () -> Scores.average(List.of(a, other)));
    }
}
