package io.vggsuite.eval;

import ai.djl.ndarray.NDManager;
import io.vggsuite.data.TestViews;
import io.vggsuite.model.VggNet;
import io.vggsuite.train.Validation;
import java.util.List;

/**
 * The trainer's per-epoch validation: one centre crop of each held-out image rescaled to Q, the
 * cheapest of the protocols (the paper's dense and multi-crop are for the test set, Section 3.2).
 */
public final class CentreCropValidation implements Validation {

    public static final CentreCropValidation INSTANCE = new CentreCropValidation();

    private CentreCropValidation() {}

    @Override
    public Errors measure(VggNet net, NDManager manager, TestViews views, int testScale, int batchSize) {
        Scores scores = new Evaluator(net, manager, views, batchSize)
                .evaluate(new Protocol.CentreCrop(List.of(testScale)), 0, views.size());
        return new Errors(scores.top1Error(), scores.top5Error());
    }
}
