package io.vggsuite.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How the held-out validation set is carved from the training set (the learning rate of Section
 * 3.1 drops "when the validation set accuracy stopped improving"; the test set is never used for
 * that). Deterministic: the same split, seed and training set give the same images.
 *
 * @param size a count of images when at least 1 (a whole number), a fraction of the training set
 *     when in [0, 1); 0 carves nothing
 * @param sampling how the images are chosen
 * @param seed drives the choice
 */
public record ValidationSplit(double size, Sampling sampling, long seed) {

    /** How validation images are chosen. */
    public enum Sampling {
        /**
         * Each class gives images in proportion to its share of the training set (largest
         * remainders decide the rounding), chosen at random within the class: the class balance of
         * the validation set matches the training set's.
         */
        STRATIFIED,
        /** Images chosen uniformly at random from the whole training set. */
        RANDOM
    }

    public ValidationSplit {
        if (!(size >= 0) || Double.isInfinite(size) || (size >= 1 && size != Math.rint(size))) {
            throw new IllegalArgumentException("validation size must be a fraction in [0, 1) or a whole number of images,"
                    + " got " + size);
        }
    }

    /** {@code images} images, stratified. */
    public static ValidationSplit images(int images, long seed) {
        if (images < 0) {
            throw new IllegalArgumentException("validation images must be non-negative, got " + images);
        }
        return new ValidationSplit(images, Sampling.STRATIFIED, seed);
    }

    /** A fraction in [0, 1) of the training set, stratified. */
    public static ValidationSplit fraction(double fraction, long seed) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + fraction);
        }
        return new ValidationSplit(fraction, Sampling.STRATIFIED, seed);
    }

    public ValidationSplit withSampling(Sampling other) {
        return new ValidationSplit(size, other, seed);
    }

    /** Validation images out of a training set of {@code total}. */
    public int imagesOutOf(int total) {
        int images = size < 1 ? (int) Math.round(size * total) : (int) size;
        if (images >= total) {
            throw new IllegalArgumentException("validation split of " + images + " images leaves none of the " + total
                    + " training images for training");
        }
        return images;
    }

    /** {training indices, validation indices} into {@code train}, each ascending. */
    int[][] indices(ImageStore train) {
        int total = train.size();
        int wanted = imagesOutOf(total);
        boolean[] chosen = new boolean[total];
        SplittableRandom random = new SplittableRandom(seed);
        if (sampling == Sampling.RANDOM) {
            choose(allIndices(total), wanted, random, chosen);
        } else {
            List<List<Integer>> byClass = new ArrayList<>();
            for (int c = 0; c < train.classes().size(); c++) {
                byClass.add(new ArrayList<>());
            }
            for (int i = 0; i < total; i++) {
                byClass.get(train.label(i)).add(i);
            }
            int[] quotas = quotas(train.classCounts(), wanted, total);
            for (int c = 0; c < quotas.length; c++) {
                choose(byClass.get(c).stream().mapToInt(Integer::intValue).toArray(), quotas[c], random, chosen);
            }
        }
        int[] trainIndices = new int[total - wanted];
        int[] validationIndices = new int[wanted];
        int t = 0;
        int v = 0;
        for (int i = 0; i < total; i++) {
            if (chosen[i]) {
                validationIndices[v++] = i;
            } else {
                trainIndices[t++] = i;
            }
        }
        return new int[][] {trainIndices, validationIndices};
    }

    /** Largest-remainder apportionment of {@code wanted} over classes of the given sizes. */
    static int[] quotas(int[] counts, int wanted, int total) {
        int[] quotas = new int[counts.length];
        double[] remainders = new double[counts.length];
        int assigned = 0;
        for (int c = 0; c < counts.length; c++) {
            double exact = (double) wanted * counts[c] / total;
            quotas[c] = (int) Math.floor(exact);
            remainders[c] = exact - quotas[c];
            assigned += quotas[c];
        }
        Integer[] order = new Integer[counts.length];
        for (int c = 0; c < counts.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Double.compare(remainders[b], remainders[a]));
        for (int k = 0; assigned < wanted; k++) {
            quotas[order[k]]++;
            assigned++;
        }
        return quotas;
    }

    private static int[] allIndices(int total) {
        int[] all = new int[total];
        for (int i = 0; i < total; i++) {
            all[i] = i;
        }
        return all;
    }

    /** Marks {@code count} of {@code candidates}, chosen by a partial Fisher–Yates shuffle. */
    private static void choose(int[] candidates, int count, SplittableRandom random, boolean[] chosen) {
        for (int k = 0; k < count; k++) {
            int j = k + random.nextInt(candidates.length - k);
            int swap = candidates[k];
            candidates[k] = candidates[j];
            candidates[j] = swap;
            chosen[candidates[k]] = true;
        }
    }
}
