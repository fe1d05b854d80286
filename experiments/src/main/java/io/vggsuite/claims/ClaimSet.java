package io.vggsuite.claims;

import java.util.List;

/**
 * A set of declared claims, found by {@link java.util.ServiceLoader}: an implementation listed in
 * {@code META-INF/services/io.vggsuite.claims.ClaimSet} on the class path is judged by the claims
 * test and written to claims.csv with no other change (see the worked example in docs/statistics.md).
 */
public interface ClaimSet {

    List<ClaimDeclaration> claims();
}
