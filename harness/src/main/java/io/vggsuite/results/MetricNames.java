package io.vggsuite.results;

import io.vggsuite.model.VggSpec;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The names of the metrics that a budget's baseline ({@code ci/baselines/<budget>.csv}) stores:
 * the one place they are spelled, used by {@code ci} to write and check baselines and by the
 * experiments to borrow a budget's measured seed spread. Names leave out seeds and hashes, so the
 * same metric of two folders lines up: "D w1/4 S[256;512] fine-tune | dense Q256,384,512 | top-1 error".
 * The width is part of the name, so two runs that differ only in width never share a metric.
 */
public final class MetricNames {

    private MetricNames() {}

    /**
     * "D w1/4 S[256;512] fine-tune": configuration, width, paper training scale and start, as the
     * paper names rows (plus the width, which the paper never varied), read from the run's key. A
     * net with batch normalisation is "D-BN w1/4 …", so it never shares a metric with the paper's
     * net; the paper's nets keep their names.
     */
    public static String run(RunKey key) {
        return key.netName() + " w" + VggSpec.widthLabel(key.width()) + " S" + key.paperScaleLabel() + " "
                + key.start();
    }

    /** "dense Q256,384,512": evaluation method and the paper's test scales. */
    public static String evaluation(EvalMethod method, List<Integer> paperTestScales) {
        return method.id() + " Q" + paperTestScales.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** "fusion D/[256;512] & E/[256;512]": an ensemble named by its {@link FusionRecord#label()}. */
    public static String fusion(String fusionLabel) {
        return "fusion " + fusionLabel;
    }

    public static String top1Error(String run, String evaluation) {
        return run + " | " + evaluation + " | top-1 error";
    }

    public static String top5Error(String run, String evaluation) {
        return run + " | " + evaluation + " | top-5 error";
    }

    public static String finalTrainLoss(String run) {
        return run + " | final train loss";
    }

    public static boolean isLoss(String metric) {
        return metric.endsWith("train loss");
    }

    public static boolean isTop1Error(String metric) {
        return metric.endsWith(" | top-1 error");
    }

    public static boolean isTop5Error(String metric) {
        return metric.endsWith(" | top-5 error");
    }
}
