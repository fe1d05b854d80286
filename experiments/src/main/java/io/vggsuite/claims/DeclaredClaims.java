package io.vggsuite.claims;

import io.vggsuite.ablation.AblationPlan;
import io.vggsuite.train.RunSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Every claim of every {@link ClaimSet} a class loader can see, by id. */
public final class DeclaredClaims {

    private DeclaredClaims() {}

    /**
     * The suite's claims: every {@link ClaimSet} listed in {@code META-INF/services} on this module's
     * class path (the paper's twelve, plus whatever a user adds in {@code src/main/resources}).
     *
     * @throws IllegalStateException naming both sets when two declare the same id
     */
    public static List<ClaimDeclaration> all() {
        return seenBy(DeclaredClaims.class.getClassLoader());
    }

    /**
     * The claims of every {@link ClaimSet} that {@code loader} lists in {@code META-INF/services}:
     * lets a test add a fixture's service file to one class loader without it entering
     * {@link #all()}, and so without entering every ablation's claims.csv and Holm's correction.
     *
     * @throws IllegalStateException naming both sets when two declare the same id
     */
    public static List<ClaimDeclaration> seenBy(ClassLoader loader) {
        Map<Integer, String> owner = new TreeMap<>();
        List<ClaimDeclaration> claims = new ArrayList<>();
        for (ClaimSet set : ServiceLoader.load(ClaimSet.class, loader)) {
            for (ClaimDeclaration claim : set.claims()) {
                String previous = owner.putIfAbsent(claim.id(), set.getClass().getName());
                if (previous != null) {
                    throw new IllegalStateException("claim id " + claim.id() + " is declared by both " + previous
                            + " and " + set.getClass().getName() + "; give '" + claim.sentence() + "' another id");
                }
                claims.add(claim);
            }
        }
        claims.sort(Comparator.comparingInt(ClaimDeclaration::id));
        return List.copyOf(claims);
    }

    /**
     * Every run of {@code plan}'s grid and every run a declared claim reads (an ablation beyond the
     * paper brings its own), parents before children, each once: what a budget trains at one seed.
     */
    public static List<RunSpec> runs(AblationPlan plan) {
        Map<String, RunSpec> runs = new LinkedHashMap<>();
        plan.all().forEach(spec -> runs.putIfAbsent(spec.runId(), spec));
        for (ClaimDeclaration claim : all()) {
            for (RunSelector selector : claim.kind().runs()) {
                AblationPlan.lineage(selector.select(plan)).forEach(spec -> runs.putIfAbsent(spec.runId(), spec));
            }
        }
        return new ArrayList<>(runs.values());
    }
}
