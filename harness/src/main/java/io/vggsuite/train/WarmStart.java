package io.vggsuite.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import io.vggsuite.model.Layer;
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
 */
final class WarmStart {

    private WarmStart() {}

    /** A's first four conv layers (by role) and fc6–fc8 into {@code target}. */
    static void fromNetA(VggNet netA, VggNet target) {
        List<int[]> rolesOfA = convRoles(netA.spec().config());
        List<int[]> rolesOfTarget = convRoles(target.spec().config());
        List<Conv2d> convsOfA = netA.convLayers();
        List<Conv2d> convsOfTarget = target.convLayers();
        for (int i = 0; i < Start.WarmStartFromA.CONV_LAYERS_COPIED; i++) {
            int j = indexOf(rolesOfTarget, rolesOfA.get(i));
            if (j < 0) {
                throw new IllegalArgumentException("configuration " + target.spec().config().paperName()
                        + " has no conv layer at stage " + (rolesOfA.get(i)[0] + 1) + " position "
                        + (rolesOfA.get(i)[1] + 1) + " to take A's conv layer " + (i + 1) + " from");
            }
            copy(convsOfA.get(i), convsOfTarget.get(j), "conv layer " + (i + 1) + " of A");
        }
        for (int i = 0; i < VggConfig.FC_LAYERS; i++) {
            copy(netA.head().layers().get(i), target.head().layers().get(i), "fc" + (6 + i) + " of A");
        }
    }

    /** Every parameter of {@code parent} into {@code target}, which must have the same shape. */
    static void everything(VggNet parent, VggNet target) {
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
        copyArray(from.getParameters().get("weight"), to.getParameters().get("weight"), what + " (weight)");
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
