package io.vggsuite.ablation;

/** The paper's claims that the ablation gives a verdict on, with the evidence the paper gives. */
public enum Claim {
    LRN_DOES_NOT_HELP(1, "LRN does not improve A",
            "Table 3: A 29.6/10.4 vs A-LRN 29.7/10.5 (Section 4.1)"),
    ERROR_FALLS_WITH_DEPTH(2, "Error falls with depth from A (11) through B (13) to D (16)",
            "Table 3, S=256: A 29.6, B 28.7, D 27.0 top-1"),
    SATURATES_AT_19(3, "It saturates at 19 layers (E ≈ D)",
            "Table 3, S=256: D 27.0 vs E 27.3 top-1"),
    C_BEATS_B(4, "C beats B (extra non-linearity helps)",
            "Table 3, S=256: C 28.1 vs B 28.7 top-1"),
    D_BEATS_C(5, "D beats C (3×3 context beats 1×1)",
            "Table 3, S=256: D 27.0 vs C 28.1 top-1"),
    B_BEATS_B5X5(6, "B beats B-5×5 (deep small filters beat shallow large)",
            "Section 4.1: B-5×5 top-1 error 7% higher than B (centre crop)"),
    JITTER_BEATS_FIXED(7, "Scale jitter in training beats fixed S, even with one test scale",
            "Table 3: D [256;512]/384 25.6 vs D 256/256 27.0 and 384/384 26.8 top-1"),
    MULTI_SCALE_BEATS_SINGLE(8, "Multi-scale testing beats single-scale",
            "Table 4 vs 3: D [256;512] 24.8 vs 25.6 top-1"),
    MULTI_CROP_BEATS_DENSE(9, "Multi-crop is slightly better than dense",
            "Table 5: D dense 24.8 vs multi-crop 24.6 top-1"),
    COMBINED_BEATS_EACH(10, "Dense + multi-crop beats each",
            "Table 5: D multi-crop & dense 24.4 vs 24.6 and 24.8 top-1"),
    FUSION_BEATS_EACH(11, "Fusing D and E beats each",
            "Table 6: D+E multi-crop & dense 23.7 vs D 24.4, E 24.4 top-1"),
    DEEP_NETS_NEED_INIT(12, "Deep nets need warm start or Glorot to train from N(0, 10⁻²)",
            "Section 3.1: deeper nets warm-started from A; Glorot init works without pre-training");

    private final int id;
    private final String text;
    private final String paperEvidence;

    Claim(int id, String text, String paperEvidence) {
        this.id = id;
        this.text = text;
        this.paperEvidence = paperEvidence;
    }

    public int id() {
        return id;
    }

    public String text() {
        return text;
    }

    public String paperEvidence() {
        return paperEvidence;
    }
}
