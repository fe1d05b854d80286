package io.vggsuite.train;

import io.vggsuite.results.Divergence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a run does when its loss stops being finite: replay the epoch once from the last checkpoint
 * (the same weights, optimizer state, seed, batch order and augmentation), in the same process,
 * before calling the run diverged.
 *
 * <p>Why: a net that diverges (a rate too high for it) diverges again from the same state, step for
 * step. A NaN that the same state does not reproduce depends on the process as much as on the net.
 * Such NaNs were measured (docs/determinism.md): the same command and seed of A-LRN diverged in one
 * process of five and trained in the others; in a converged-budget run its loss went from 1.47 to
 * NaN in epoch 21, and the same epoch from the same checkpoint in a fresh process spiked (epoch
 * loss 1.93, validation error 50.6 → 68.5) without leaving the finite numbers, and trained on. So
 * "finite" on replay does not say the net was stable there (its curve shows the spike); it says
 * that whether the spike overflowed was decided by the process's last bits, which a run's verdict
 * must not rest on. Without a replay the suite recorded those as the net diverging, which the
 * claims then read as a finding about LRN.
 *
 * <p>A replay that passes the epoch lets the run go on, and the run's provenance keeps the event
 * ({@code loss.not.finite}), so a report can name every run that needed one. A replay that meets a
 * non-finite loss in the same epoch ends the run as diverged; one in a later epoch is a new event
 * and gets its own replay, up to {@link #MAX_REPLAYS}.
 */
final class LossReplay {

    /** Enough for the rare fault measured (about one run in five); a net that keeps failing stops. */
    static final int MAX_REPLAYS = 3;

    /** What replaying an event showed. */
    enum Outcome {
        /** The replay is running. */
        PENDING,
        /** The replay passed the epoch: the same state did not reproduce the non-finite loss. */
        FINITE,
        /** The replay met a non-finite loss in the same epoch: the net diverged. */
        REPRODUCED,
        /** No replay: {@link #MAX_REPLAYS} were used. */
        NOT_REPLAYED
    }

    /** One loss that stopped being finite (batch counted from 0), and what its replay showed. */
    record Event(int epoch, int batch, double lastFiniteLoss, Outcome outcome) {

        /** For the provenance: "epoch 21 batch 113: replayed from epoch 20, finite". */
        String describe() {
            String from = epoch == 1 ? "the initial weights" : "epoch " + (epoch - 1);
            String what = switch (outcome) {
                case PENDING -> "replay from " + from + " unfinished";
                case FINITE -> "replayed from " + from + ", finite";
                case REPRODUCED -> "replayed from " + from + ", not finite again";
                case NOT_REPLAYED -> "not replayed (" + MAX_REPLAYS + " replays used)";
            };
            return "epoch " + epoch + " batch " + (batch + 1) + ": " + what;
        }
    }

    /** Thrown out of a session whose loss stopped being finite, for the trainer to replay. */
    static final class NotFinite extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Event event;

        NotFinite(Event event) {
            super("loss not finite in epoch " + event.epoch() + ", batch " + (event.batch() + 1));
            this.event = event;
        }

        Event event() {
            return event;
        }
    }

    private final List<Event> events = new ArrayList<>();

    /**
     * What a session does with a non-finite loss in {@code epoch}: throw for a replay, or return the
     * divergence to record when the replay reproduced it or the replays are used up.
     */
    Divergence onNotFinite(int epoch, int batch, double lastFiniteLoss) throws NotFinite {
        Optional<Event> replaying = replaying();
        if (replaying.isPresent() && replaying.get().epoch() == epoch) {
            settle(Outcome.REPRODUCED);
            return new Divergence(epoch, lastFiniteLoss);
        }
        replaying.ifPresent(previous -> settle(Outcome.FINITE));
        if (events.size() >= MAX_REPLAYS) {
            events.add(new Event(epoch, batch, lastFiniteLoss, Outcome.NOT_REPLAYED));
            return new Divergence(epoch, lastFiniteLoss);
        }
        Event event = new Event(epoch, batch, lastFiniteLoss, Outcome.PENDING);
        events.add(event);
        throw new NotFinite(event);
    }

    /** A session ended without a new non-finite loss: the epoch being replayed passed. */
    void onFinished() {
        replaying().ifPresent(previous -> settle(Outcome.FINITE));
    }

    /** Every event so far, described for the run's provenance; empty when the loss stayed finite. */
    List<String> describe() {
        return events.stream().map(Event::describe).toList();
    }

    /** The last event, while its replay is running. */
    private Optional<Event> replaying() {
        return events.isEmpty() || events.get(events.size() - 1).outcome() != Outcome.PENDING
                ? Optional.empty()
                : Optional.of(events.get(events.size() - 1));
    }

    private void settle(Outcome outcome) {
        Event last = events.remove(events.size() - 1);
        events.add(new Event(last.epoch(), last.batch(), last.lastFiniteLoss(), outcome));
    }
}
