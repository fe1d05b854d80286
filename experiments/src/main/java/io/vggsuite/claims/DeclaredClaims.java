package io.vggsuite.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Every claim of every {@link ClaimSet} on the class path, by id. */
public final class DeclaredClaims {

    private DeclaredClaims() {}

    /**
     * @throws IllegalStateException naming both sets when two declare the same id
     */
    public static List<ClaimDeclaration> all() {
        Map<Integer, String> owner = new TreeMap<>();
        List<ClaimDeclaration> claims = new ArrayList<>();
        for (ClaimSet set : ServiceLoader.load(ClaimSet.class, DeclaredClaims.class.getClassLoader())) {
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
}
