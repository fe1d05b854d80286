package io.vggsuite.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The text a run's id hashes ({@link RunSpec#canonical()}), spelled field by field so that an id
 * depends on what the fields mean and never on how Java happens to print a record.
 *
 * <p><b>Version 1</b> is the text every run id of the suite has been hashed with since the run
 * cache existed: it spells each part the way the record's {@code toString} did then
 * ({@code "Recipe[batchSize=64, learningRate=0.01, …]"}) and keeps spelling it so, whatever fields
 * the records gain. Two rules keep ids stable from then on:
 * <ul>
 *   <li>a field added later is written with {@link #fieldUnlessDefault}: only when it differs from
 *       the default the runs before it had, so every cached run keeps its id and only runs that
 *       use the new field get new ones;
 *   <li>a field whose <i>meaning</i> changes gets a new spelling on purpose, which renames exactly
 *       the runs it affects (Step 10 mapped N(0, 10⁻²) to keep each layer's gain, and
 *       {@code Initialisation.PAPER_NORMAL} became {@code PAPER_NORMAL_GAIN_MAPPED}).
 * </ul>
 * {@link #VERSION} changes only if the layout itself must change; version 1 is not written into
 * the text, so that its texts stay the historical ones.
 */
public final class CanonicalForm {

    /** The layout of the text; see the class comment for when it changes. */
    public static final int VERSION = 1;

    private final String type;
    private final List<String> fields = new ArrayList<>();

    private CanonicalForm(String type) {
        this.type = type;
    }

    /** A part spelled {@code Type[a=1, b=2]}. */
    public static CanonicalForm of(String type) {
        return new CanonicalForm(type);
    }

    /** A field every version has; {@code value} is spelled by {@code String.valueOf}. */
    public CanonicalForm field(String name, Object value) {
        fields.add(name + "=" + value);
        return this;
    }

    /** A field added after version 1: written only when it is not what runs before it had. */
    public <T> CanonicalForm fieldUnlessDefault(String name, T value, T defaultValue) {
        return value.equals(defaultValue) ? this : field(name, value);
    }

    /** {@code Type[a=1, b=2]}. */
    public String text() {
        return type + "[" + String.join(", ", fields) + "]";
    }

    @Override
    public String toString() {
        return text();
    }
}
