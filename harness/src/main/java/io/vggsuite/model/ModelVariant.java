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
 * variant: run ids ({@code D-BN-S256-…}), display and metric names ("D-BN w1/4 …") and the
 * {@code model_variant} column of {@code key.csv} all print it, and {@link #parse} reads it back.
 *
 * <p>An option added here needs a default that is the paper's (so the paper's nets keep their
 * empty label and their run ids), a part of {@link #label()}, of {@link #parse} and of
 * {@link #departures()} (which a run's identity hashes), and a reader in the block it changes.
 *
 * @param normalisation what follows each convolution before its ReLU
 */
public record ModelVariant(Normalisation normalisation) {

    /** The paper's nets (Section 2.1). */
    public static final ModelVariant PAPER = new ModelVariant(Normalisation.NONE);

    private static final String SEPARATOR = "-";

    public ModelVariant {
        Objects.requireNonNull(normalisation,
                "normalisation must be given: Normalisation.NONE for the paper's nets, BATCH_NORM for the ablation");
    }

    /** This variant with {@code other} after each convolution. */
    public ModelVariant withNormalisation(Normalisation other) {
        return new ModelVariant(other);
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
        return Collections.unmodifiableMap(departures);
    }

    /** Whether this is the paper's net (the empty label). */
    public boolean isPaper() {
        return equals(PAPER);
    }

    /**
     * The variant's name: "" for the paper's nets, otherwise its departures joined by dashes in a
     * fixed order ("BN").
     */
    public String label() {
        List<String> parts = new ArrayList<>();
        if (normalisation != Normalisation.NONE) {
            parts.add(normalisation.label());
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
            } else {
                throw new IllegalArgumentException("model variant '" + label + "': unknown part '" + part
                        + "' (known: " + Normalisation.BATCH_NORM.label() + ")");
            }
        }
        if (!variant.label().equals(label)) {
            throw new IllegalArgumentException("model variant '" + label + "' is not written as its label '"
                    + variant.label() + "' writes it");
        }
        return variant;
    }

    /** The net's name with this variant: "D" for the paper's, "D-BN" for a variant. */
    public String netName(VggConfig config) {
        return isPaper() ? config.paperName() : config.paperName() + SEPARATOR + label();
    }
}
