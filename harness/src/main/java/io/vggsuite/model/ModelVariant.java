package io.vggsuite.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a net departs from the paper's layers without changing Table 1's shape: every model option
 * an ablation beyond the paper varies, as one value. {@link #label()} is the one name of a
 * variant: run ids ({@code D-BN-w1_8-S256-…}), display and metric names ("D-BN w1/4 …") and the
 * {@code model_variant} column of {@code key.csv} all print it, and {@link #parse} reads it back.
 *
 * <p>An option added here needs a default that is the paper's (so the paper's nets keep their
 * empty label and their run ids), a part of {@link #label()}, of {@link #parse} and of
 * {@link #departures()} (which a run's identity hashes), and a reader in the block it changes.
 *
 * @param normalisation what follows each convolution before its ReLU
 * @param dropout the dropout ratio after each of the first two FC layers, in [0, 1)
 */
public record ModelVariant(Normalisation normalisation, double dropout) {

    /** Section 3.1: "dropout regularisation for the first two fully-connected layers (dropout ratio set to 0.5)". */
    public static final double PAPER_DROPOUT = 0.5;

    /** The paper's nets (Sections 2.1 and 3.1). */
    public static final ModelVariant PAPER = new ModelVariant(Normalisation.NONE, PAPER_DROPOUT);

    /** The label part of a net without dropout; another ratio r is "drop" + r ("drop0.3"). */
    private static final String NO_DROPOUT = "nodrop";
    private static final String DROPOUT = "drop";

    private static final String SEPARATOR = "-";

    public ModelVariant {
        Objects.requireNonNull(normalisation,
                "normalisation must be given: Normalisation.NONE for the paper's nets, BATCH_NORM for the ablation");
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout ratio must be in [0, 1), got " + dropout);
        }
    }

    /** This variant with {@code other} after each convolution. */
    public ModelVariant withNormalisation(Normalisation other) {
        return new ModelVariant(other, dropout);
    }

    /** This variant with dropout ratio {@code ratio} after fc6 and fc7 (0: no dropout). */
    public ModelVariant withDropout(double ratio) {
        return new ModelVariant(normalisation, ratio);
    }

    /**
     * Each option that is not the paper's, by name, in a fixed order: what a run's canonical form
     * (its identity, {@code train/RunSpec}) adds to the paper's net. Empty for {@link #PAPER}.
     */
    public Map<String, String> departures() {
        Map<String, String> departures = new LinkedHashMap<>();
        if (normalisation != Normalisation.NONE) {
            departures.put("normalisation", normalisation.name());
        }
        if (dropout != PAPER_DROPOUT) {
            departures.put("dropout", Double.toString(dropout));
        }
        return Collections.unmodifiableMap(departures);
    }

    /** Whether this is the paper's net (the empty label). */
    public boolean isPaper() {
        return equals(PAPER);
    }

    /**
     * The variant's name: "" for the paper's nets, otherwise its departures joined by dashes in a
     * fixed order ("BN", "nodrop", "BN-drop0.3").
     */
    public String label() {
        List<String> parts = new ArrayList<>();
        if (normalisation != Normalisation.NONE) {
            parts.add(normalisation.label());
        }
        if (dropout != PAPER_DROPOUT) {
            parts.add(dropout == 0 ? NO_DROPOUT : DROPOUT + dropout);
        }
        return String.join(SEPARATOR, parts);
    }

    /**
     * The variant whose {@link #label()} is {@code label}.
     *
     * @throws IllegalArgumentException naming the label and the part it does not know
     */
    public static ModelVariant parse(String label) {
        ModelVariant variant = PAPER;
        if (label.isEmpty()) {
            return variant;
        }
        for (String part : label.split(SEPARATOR, -1)) {
            if (part.equals(Normalisation.BATCH_NORM.label())) {
                variant = variant.withNormalisation(Normalisation.BATCH_NORM);
            } else if (part.equals(NO_DROPOUT)) {
                variant = variant.withDropout(0);
            } else if (part.startsWith(DROPOUT) && part.length() > DROPOUT.length()) {
                variant = variant.withDropout(dropoutRatio(label, part.substring(DROPOUT.length())));
            } else {
                throw new IllegalArgumentException("model variant '" + label + "': unknown part '" + part
                        + "' (known: " + Normalisation.BATCH_NORM.label() + ", " + NO_DROPOUT + ", " + DROPOUT
                        + "<ratio>)");
            }
        }
        if (!variant.label().equals(label)) {
            throw new IllegalArgumentException("model variant '" + label + "' is not written as its label '"
                    + variant.label() + "' writes it");
        }
        return variant;
    }

    private static double dropoutRatio(String label, String ratio) {
        try {
            return Double.parseDouble(ratio);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model variant '" + label + "': dropout ratio '" + ratio
                    + "' is not a number", e);
        }
    }

    /** The net's name with this variant: "D" for the paper's, "D-BN" for a variant. */
    public String netName(VggConfig config) {
        return isPaper() ? config.paperName() : config.paperName() + SEPARATOR + label();
    }
}
