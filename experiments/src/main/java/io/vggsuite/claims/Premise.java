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
}
