package io.vggsuite.eval;

import java.util.List;

/**
 * Class posteriors of every test image, with the labels: what every protocol produces and what
 * fusion and the paired test consume.
 *
 * @param labels the true class of each image
 * @param probabilities per image, the soft-max posteriors averaged over the protocol's views
 */
public record Scores(int[] labels, float[][] probabilities) {

    public Scores {
        if (labels.length != probabilities.length) {
            throw new IllegalArgumentException(
                    labels.length + " labels but " + probabilities.length + " rows of probabilities");
        }
    }

    public int images() {
        return labels.length;
    }

    /** Whether the true class is among the k most probable, image by image. */
    public boolean[] correct(int k) {
        boolean[] hit = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            float[] p = probabilities[i];
            float truth = p[labels[i]];
            int above = 0;
            for (int c = 0; c < p.length; c++) {
                // Ties count against the image, so a constant output is never "correct".
                if (p[c] > truth || (p[c] == truth && c != labels[i])) {
                    above++;
                }
            }
            hit[i] = above < k;
        }
        return hit;
    }

    /** Top-k error in percent, as the paper reports it. */
    public double errorPercent(int k) {
        boolean[] hit = correct(k);
        int wrong = 0;
        for (boolean h : hit) {
            if (!h) {
                wrong++;
            }
        }
        return labels.length == 0 ? Double.NaN : 100.0 * wrong / labels.length;
    }

    public double top1Error() {
        return errorPercent(1);
    }

    public double top5Error() {
        return errorPercent(Math.min(5, probabilities.length == 0 ? 5 : probabilities[0].length));
    }

    /**
     * The mean of several sets of posteriors over the same images: multi-scale evaluation,
     * dense + multi-crop (Table 5) and model fusion (Table 6) all average soft-max outputs.
     */
    public static Scores average(List<Scores> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("nothing to average");
        }
        Scores first = members.get(0);
        int n = first.images();
        int classes = n == 0 ? 0 : first.probabilities[0].length;
        float[][] mean = new float[n][classes];
        for (Scores member : members) {
            if (!java.util.Arrays.equals(member.labels, first.labels)) {
                throw new IllegalArgumentException("cannot average scores of different test images");
            }
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < classes; c++) {
                    mean[i][c] += member.probabilities[i][c] / members.size();
                }
            }
        }
        return new Scores(first.labels.clone(), mean);
    }
}
