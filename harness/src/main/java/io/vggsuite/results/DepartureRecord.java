package io.vggsuite.results;

import java.util.Objects;

/**
 * One row of {@code protocol.csv}: a place where the runs of a results folder depart from the
 * paper's protocol.
 *
 * @param topic what it is about ("dense evaluation", "fine-tuning rate")
 * @param paperSays the paper's sentence, with its section
 * @param suiteDoes what the suite does at this budget, with its numbers
 * @param why the reason
 */
public record DepartureRecord(String topic, String paperSays, String suiteDoes, String why) {

    public DepartureRecord {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(paperSays, "paperSays");
        Objects.requireNonNull(suiteDoes, "suiteDoes");
        Objects.requireNonNull(why, "why");
    }
}
