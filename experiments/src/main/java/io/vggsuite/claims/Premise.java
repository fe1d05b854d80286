package io.vggsuite.claims;

/**
 * What a claim needs of a budget's data before it can be tested at all. A budget whose data cannot
 * meet it reports the claim "out of scope at this budget", naming the premise and its own numbers
 * ({@link ClaimJudge}); the measurement is still shown.
 */
public sealed interface Premise {

    /** The premise in a sentence, as the evidence prints it. */
    String statement();

    /**
     * The training and test scales carry real image detail: the data's native side is at least
     * the largest scale the claim's runs train or test at. The paper's scale claims (Sections 4.2,
     * 4.3 and Table 3's jittered rows) rest on ILSVRC images with detail at 256–512 px; CIFAR-10's
     * 32-px images rescaled to 37–73 px are interpolations that add none, and a 32-px crop of a
     * 55-px image sees about a third of the picture.
     */
    record NativeDetailAtScale() implements Premise {
        @Override
        public String statement() {
            return "the training and test scales carry real image detail (native resolution ≥ the largest scale used)";
        }
    }

    /**
     * Dense evaluation is the paper's: windows padded by the neighbouring parts of the image, where
     * multi-crop's crops are zero-padded. The paper explains Table 5's differences by exactly that:
     * multi-crop and dense are complementary "due to a different treatment of convolution boundary
     * conditions" (Section 4.3). A budget that runs each dense window alone ({@code
     * eval.DensePadding#ZEROS}) pads both with zeros, so the two differ only in where and how many
     * crops they take.
     */
    record PapersDensePadding() implements Premise {
        @Override
        public String statement() {
            return "dense evaluation pads each window with the neighbouring parts of the image, multi-crop with"
                    + " zeros (Section 4.3's \"different treatment of convolution boundary conditions\")";
        }
    }

    /**
     * The nets overfit at this budget: a regulariser can only lower the test error where there is
     * a generalisation gap to close. Measured on the claim's runs at their last epoch as validation
     * top-1 error minus the training top-1 error of the same epoch (the training crops, so
     * augmentation and, where the net has it, dropout count against the training side), averaged
     * over each arm's seeds; the largest arm's gap must reach {@code minimumGap} points. The
     * paper's nets were trained to far below their validation error on ILSVRC (Section 3.1 stops
     * "after 74 epochs" with dropout and weight decay as regularisers); a net that stops before it
     * fits its training set cannot show what a regulariser does.
     *
     * @param minimumGap the smallest generalisation gap, in points of top-1 error, that makes the
     *     claim testable
     */
    record Overfits(double minimumGap) implements Premise {
        public Overfits {
            if (!(minimumGap > 0)) {
                throw new IllegalArgumentException("the minimum generalisation gap must be > 0 points, got " + minimumGap);
            }
        }

        @Override
        public String statement() {
            return String.format(java.util.Locale.ROOT, "the nets overfit at this budget (validation top-1 error at"
                    + " least %.1f points above training top-1 error at the last epoch)", minimumGap);
        }
    }
}
