package io.vggsuite.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.util.Pair;
import io.vggsuite.model.Layer;
import io.vggsuite.model.Normalisation;
import io.vggsuite.model.VggConfig;
import io.vggsuite.model.VggNet;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies trained weights into a fresh net (Section 3.1).
 *
 * <p>"The first four convolutional layers" of A (conv3-64, conv3-128, conv3-256, conv3-256) do not
 * line up one to one with a deeper net's first four, whose second layer is another conv3-64. We
 * read the sentence as the same layers by role: each of A's layers goes to the layer at the same
 * stage (between the same max-pools) and the same position within it, which is where its shape
 * fits — conv1_1, conv2_1, conv3_1 and conv3_2 of B, C, D and E.
 *
 * <p>B-5×5 (the shallow control of Section 4.1) is warm-started by the same rule so that it starts
 * the way B does: it has one layer per stage, so it takes A's conv layers 1–3 (A's fourth, the
 * second of stage 3, has no counterpart), each 3×3 kernel centred in a 5×5 kernel of zeros. With
 * padding 2 instead of 1 such a layer computes exactly A's layer, as B's copied layers do.
 * Every layer not copied is drawn from the run's random initialisation.
 *
 * <p>Parent and target must agree on {@link Normalisation}: a net trained without batch
 * normalisation computes something else than the same weights followed by it, so a copy across
 * the two is refused rather than made. Between two {@link Normalisation#BATCH_NORM} nets, the batch
 * normalisation after each copied conv layer is copied with it (scale, shift and running
 * statistics), so the copied layer computes what it computed in A; the others keep their defaults
 * (scale 1, shift 0, mean 0, variance 1). A fine-tune ({@link #everything}) copies them all.
 */
final class WarmStart {

    private WarmStart() {}

    /** One of A's conv layers (index in A) into the target's conv layer of the same role. */
    record Copy(int fromA, int toTarget) {}

    /** Which of A's first four conv layers go where in {@code target}, by role. */
    static List<Copy> convCopies(VggConfig target) {
        List<int[]> rolesOfA = convRoles(VggConfig.A);
        List<int[]> rolesOfTarget = convRoles(target);
        List<Copy> copies = new ArrayList<>();
        for (int i = 0; i < Start.WarmStartFromA.CONV_LAYERS_COPIED; i++) {
            int j = indexOf(rolesOfTarget, rolesOfA.get(i));
            if (j >= 0) {
                copies.add(new Copy(i, j));
            } else if (target != VggConfig.B_5X5) {
                throw new IllegalArgumentException("configuration " + target.paperName()
                        + " has no conv layer at stage " + (rolesOfA.get(i)[0] + 1) + " position "
                        + (rolesOfA.get(i)[1] + 1) + " to take A's conv layer " + (i + 1) + " from");
            }
        }
        return copies;
    }

    /** A's first four conv layers (by role, see {@link #convCopies}) and fc6–fc8 into {@code target}. */
    static void fromNetA(VggNet netA, VggNet target) {
        requireSameNormalisation(netA, target, "warm-start");
        List<Conv2d> convsOfA = netA.convLayers();
        List<Conv2d> convsOfTarget = target.convLayers();
        List<BatchNorm> normsOfA = netA.batchNormLayers();
        List<BatchNorm> normsOfTarget = target.batchNormLayers();
        for (Copy copy : convCopies(target.spec().config())) {
            String what = "conv layer " + (copy.fromA() + 1) + " of A";
            copy(convsOfA.get(copy.fromA()), convsOfTarget.get(copy.toTarget()), what);
            if (target.spec().variant().normalisation() == Normalisation.BATCH_NORM) {
                copyAll(normsOfA.get(copy.fromA()), normsOfTarget.get(copy.toTarget()), "batch norm after " + what);
            }
        }
        for (int i = 0; i < VggConfig.FC_LAYERS; i++) {
            copy(netA.head().layers().get(i), target.head().layers().get(i), "fc" + (6 + i) + " of A");
        }
    }

    /** Every parameter of {@code parent} into {@code target}, which must have the same shape. */
    static void everything(VggNet parent, VggNet target) {
        requireSameNormalisation(parent, target, "fine-tune");
        List<Parameter> from = parent.getParameters().values();
        List<Parameter> to = target.getParameters().values();
        if (from.size() != to.size()) {
            throw new IllegalArgumentException("cannot fine-tune " + target + " from " + parent
                    + ": different layer counts");
        }
        for (int i = 0; i < from.size(); i++) {
            copyArray(from.get(i), to.get(i), "parameter " + i + " of the parent");
        }
    }

    /** @throws IllegalArgumentException naming both normalisations when they differ */
    private static void requireSameNormalisation(VggNet parent, VggNet target, String how) {
        Normalisation from = parent.spec().variant().normalisation();
        Normalisation to = target.spec().variant().normalisation();
        if (from != to) {
            throw new IllegalArgumentException("cannot " + how + " " + target + " from " + parent
                    + ": the parent's normalisation is " + from + ", the target's " + to);
        }
    }

    /** Every parameter of one batch normalisation layer (scale, shift, running statistics). */
    private static void copyAll(BatchNorm from, BatchNorm to, String what) {
        for (Pair<String, Parameter> parameter : from.getParameters()) {
            copyArray(parameter.getValue(), to.getParameters().get(parameter.getKey()),
                    what + " (" + parameter.getKey() + ")");
        }
    }

        /** (stage, position within stage) of every conv layer, stages separated by max-pools. */
    private static List<int[]> convRoles(VggConfig config) {
        List<int[]> roles = new ArrayList<>();
        int stage = 0;
        int position = 0;
        for (Layer layer : config.layers()) {
            if (layer instanceof Layer.MaxPool) {
                stage++;
                position = 0;
            } else if (layer instanceof Layer.Conv) {
                roles.add(new int[] {stage, position++});
            }
        }
        return roles;
    }

    private static int indexOf(List<int[]> roles, int[] role) {
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i)[0] == role[0] && roles.get(i)[1] == role[1]) {
                return i;
            }
        }
        return -1;
    }

    private static void copy(Conv2d from, Conv2d to, String what) {
        NDArray kernel = from.getParameters().get("weight").getArray();
        NDArray target = to.getParameters().get("weight").getArray();
        long grow = target.getShape().get(2) - kernel.getShape().get(2);
        if (grow > 0 && grow % 2 == 0 && target.getShape().get(2) == target.getShape().get(3)
                && kernel.getShape().get(0) == target.getShape().get(0)
                && kernel.getShape().get(1) == target.getShape().get(1)) {
            // A smaller kernel centred in a larger one: the same function under "same" padding.
            long margin = grow / 2;
            target.set(new NDIndex(":, :, {}:{}, {}:{}", margin, margin + kernel.getShape().get(2), margin,
                    margin + kernel.getShape().get(3)), kernel.toDevice(target.getDevice(), false));
            NDIndex[] border = {
                new NDIndex(":, :, :{}, :", margin),
                new NDIndex(":, :, {}:, :", margin + kernel.getShape().get(2)),
                new NDIndex(":, :, :, :{}", margin),
                new NDIndex(":, :, :, {}:", margin + kernel.getShape().get(3))
            };
            for (NDIndex index : border) {
                target.set(index, 0f);
            }
        } else {
            copyArray(from.getParameters().get("weight"), to.getParameters().get("weight"), what + " (weight)");
        }
        copyArray(from.getParameters().get("bias"), to.getParameters().get("bias"), what + " (bias)");
    }

    private static void copyArray(Parameter from, Parameter to, String what) {
        NDArray source = from.getArray();
        NDArray target = to.getArray();
        if (!source.getShape().equals(target.getShape())) {
            throw new IllegalArgumentException("cannot copy " + what + ": shape " + source.getShape()
                    + " does not fit " + target.getShape());
        }
        source.toDevice(target.getDevice(), false).copyTo(target);
    }
}
