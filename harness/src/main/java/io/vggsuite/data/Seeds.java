package io.vggsuite.data;

/**
 * Derives independent generator seeds from one seed and a path of keys (epoch, position in the
 * epoch), so that every image's random choices depend only on where it sits, never on which thread
 * drew them or in which order.
 */
final class Seeds {

    private Seeds() {}

    static long derive(long seed, long... keys) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (long key : keys) {
            h = mix(h ^ mix(key + 0x9E3779B97F4A7C15L));
        }
        return h;
    }

    /** The SplitMix64 finaliser (Steele, Lea and Flood, 2014). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
