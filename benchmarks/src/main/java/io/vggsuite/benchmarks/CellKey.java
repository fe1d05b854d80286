package io.vggsuite.benchmarks;

/**
 * The figures a {@link SuiteCell} prints, one {@code cell.<key>=<value>} line each, and
 * {@link PerformanceBenchmark}'s table reads: the one place their keys are spelled.
 */
enum CellKey {
    /** PyTorch's intra-op threads in the cell's JVM. */
    THREADS("threads"),
    INTEROP_THREADS("interop_threads"),
    /** Seconds to load the data through the catalog (decoded store cache). */
    LOAD_SECONDS("load_seconds"),
    TRAIN_IMAGES("train_images"),
    /** Training images per second of the last epoch, end to end (data pipeline included). */
    END_TO_END("end_to_end"),
    /** Every epoch's end-to-end images per second, comma-separated. */
    END_TO_END_EPOCHS("end_to_end_epochs"),
    /** The test scale Q of the evaluation figures. */
    EVAL_Q("eval_q"),
    EVAL_IMAGES("eval_images"),
    EVAL_DENSE_PER_PASS("eval_dense_per_pass"),
    /** Test images per second, centre crop. */
    EVAL_CENTRE("eval_centre"),
    EVAL_DENSE("eval_dense"),
    /** Dense with each window run alone, zero-padded ({@code eval.DensePadding#ZEROS}). */
    EVAL_DENSE_WINDOWS("eval_dense_windows"),
    EVAL_MULTI_CROP("eval_multi_crop"),
    /** Peak resident memory of the cell's JVM (VmHWM), KiB. */
    VM_HWM_KIB("vm_hwm_kib"),
    MAX_HEAP_MIB("max_heap_mib"),
    /** GFLOP/s of a large matrix product ({@link MatmulCeiling}). */
    CEILING("ceiling"),
    /** Training images per second on pre-made batches: compute only. */
    COMPUTE("compute"),
    PAIRED_FED("paired_fed"),
    PAIRED_PREMADE("paired_premade"),
    PROFILE_WALL_MS("profile_wall_ms"),
    PROFILE_OPERATOR_MS("profile_operator_ms"),
    PROFILE_CONV_FORWARD_MS("profile_conv_forward_ms"),
    PROFILE_CONV_BACKWARD_MS("profile_conv_backward_ms"),
    /** The i-th most costly other operator, "name:ms", as {@code profile_other_<i>}. */
    PROFILE_OTHER("profile_other");

    /** Prefix of the lines the parent parses. */
    static final String PREFIX = "cell.";

    private final String key;

    CellKey(String key) {
        this.key = key;
    }

    /** The key as printed after {@link #PREFIX}. */
    String key() {
        return key;
    }

    /** The key of the {@code i}-th of an indexed figure ({@link #PROFILE_OTHER}). */
    String key(int i) {
        return key + "_" + i;
    }
}
