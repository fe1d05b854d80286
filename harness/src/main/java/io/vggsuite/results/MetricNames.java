package io.vggsuite.results;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The names of the metrics that a budget's baseline ({@code ci/baselines/<budget>.csv}) stores:
 * the one place they are spelled, used by {@code ci} to write and check baselines and by the
 * experiments to borrow a budget's measured seed spread. Names leave out seeds and hashes, so the
 * same metric of two folders lines up: "D S[256;512] fine-tune | dense Q256,384,512 | top-1 error".
 */
public final class MetricNames {

    private MetricNames() {}

    /** "D S[256;512] fine-tune": configuration, paper training scale and start, as the paper names rows. */
    public static String run(String config, String paperTrainScale, String start) {
        return config + " S" + paperTrainScale + " " + start;
    }

    /** {@link #run(String, String, String)} of a run folder's key: the names ci has always used. */
    public static String run(RunKey key) {
        return run(key.config().paperName(), key.paperScaleLabel(), key.start());
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
}
