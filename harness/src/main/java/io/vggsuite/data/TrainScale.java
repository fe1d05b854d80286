package io.vggsuite.data;

import java.util.List;
import java.util.Optional;

/**
 * The training scale S of Section 3.1: the smallest side of the isotropically rescaled training
 * image. Fixed ({@code min == max}, single-scale training) or jittered, S drawn per image uniformly
 * from [Smin, Smax] ("scale jittering").
 *
 * @param min Smin (S itself when fixed)
 * @param max Smax (S itself when fixed)
 * @param paper the paper's scale this one was mapped from by {@link ScaleMapping}, if any; it only
 *     gives {@link #paperLabel()} its text
 */
public record TrainScale(int min, int max, Optional<TrainScale> paper) {

    public TrainScale {
        if (min < 1) {
            throw new IllegalArgumentException("training scale Smin must be at least 1, got " + min);
        }
        if (min > max) {
            throw new IllegalArgumentException("training scale Smin " + min + " is greater than Smax " + max);
        }
    }

    public TrainScale(int min, int max) {
        this(min, max, Optional.empty());
    }

    public static TrainScale fixed(int s) {
        return new TrainScale(s, s);
    }

    public static TrainScale jittered(int min, int max) {
        return new TrainScale(min, max);
    }

    public boolean isJittered() {
        return min != max;
    }

    /**
     * Q of single-scale testing (Section 4.1): "Q = S for fixed S, and Q = 0.5(Smin + Smax) for
     * jittered S". The one place the rule is written: the plan, the mapping and the CLI ask here.
     */
    public int singleTestScale() {
        return (min + max) / 2;
    }

    /**
     * Q of multi-scale testing (Section 4.2): "Q = {S − 32, S, S + 32}" for fixed S and
     * "Q = {Smin, 0.5(Smin + Smax), Smax}" for jittered S. The step is the paper's 32 pixels, so
     * this is a rule on the paper's scales ({@link ScaleMapping#multiScaleQ} maps the result).
     */
    public List<Integer> multiTestScales() {
        return isJittered()
                ? List.of(min, singleTestScale(), max)
                : List.of(min - ScaleMapping.PAPER_Q_STEP, min, min + ScaleMapping.PAPER_Q_STEP);
    }

    /** "37" or "[37;73]", the paper's notation (Table 3). */
    public String label() {
        return isJittered() ? "[" + min + ";" + max + "]" : Integer.toString(min);
    }

    /** The label of the paper's scale this was mapped from ("256", "[256;512]"), else {@link #label()}. */
    public String paperLabel() {
        return paper.map(TrainScale::label).orElseGet(this::label);
    }

    /** The paper's values: the scale it was mapped from, else this scale itself. */
    TrainScale paperValues() {
        return paper.orElse(this);
    }
}
