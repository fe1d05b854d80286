package io.vggsuite.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.math3.stat.StatUtils;
import org.junit.jupiter.api.Test;

/** Cross-machine bands from seeds × numeric perturbations: every (seed, perturbation) is one sample. */
class SampleBandsTest {

    private static final String TOP1 = "A w1/8 S256 glorot | dense Q256 | top-1 error";
    private static final List<String> PERTURBATIONS = List.of("default", "threads=1,isa=AVX2");

    /** Seeds 1–3 under each perturbation; values[perturbation][seed − 1]. */
    private static Map<Sample, SortedMap<String, Double>> samples(double[]... values) {
        Map<Sample, SortedMap<String, Double>> samples = new LinkedHashMap<>();
        for (int p = 0; p < values.length; p++) {
            for (int s = 0; s < values[p].length; s++) {
                samples.put(new Sample(s + 1, PERTURBATIONS.get(p)), new TreeMap<>(Map.of(TOP1, values[p][s])));
            }
        }
        return samples;
    }

    @Test
    void theBandIsThePredictionIntervalOverAllSeedsTimesPerturbationsAroundTheReferenceSample() {
        double[] byDefault = {70, 71, 69};
        double[] oneThread = {72, 70.5, 68};
        Map<Sample, SortedMap<String, Double>> samples = samples(byDefault, oneThread);
        Baseline.Row row = Tolerances.deriveFromSamples(samples, Map.of(TOP1, 70.25)).get(TOP1);

        double[] all = {70, 71, 69, 72, 70.5, 68};
        double mean = StatUtils.mean(all);
        double half = Tolerances.crossMachineFactor(6) * Math.sqrt(StatUtils.variance(all)) + Tolerances.ERROR_MARGIN;
        assertEquals(70, row.value(), 0); // seed 1 under the first perturbation
        assertEquals(mean, row.seedMean(), 1e-12);
        assertEquals(Math.sqrt(StatUtils.variance(all)), row.seedStd(), 1e-12);
        assertEquals(mean - half, row.low(), 1e-9);
        assertEquals(mean + half, row.high(), 1e-9);
        assertEquals(0.25 + Tolerances.ROUND_OFF, row.sameMachineTolerance(), 1e-12);
    }

    @Test
    void seedsAloneAreSamplesOfTheDefaultPerturbation() {
        SortedMap<Long, SortedMap<String, Double>> bySeed = new TreeMap<>();
        bySeed.put(1L, new TreeMap<>(Map.of(TOP1, 70.0)));
        bySeed.put(2L, new TreeMap<>(Map.of(TOP1, 71.0)));
        bySeed.put(3L, new TreeMap<>(Map.of(TOP1, 69.0)));
        assertEquals(List.of(new Sample(1, Sample.DEFAULT_PERTURBATION), new Sample(2, Sample.DEFAULT_PERTURBATION),
                new Sample(3, Sample.DEFAULT_PERTURBATION)), List.copyOf(Tolerances.unperturbed(bySeed).keySet()));
        assertEquals(Tolerances.deriveFromSamples(Tolerances.unperturbed(bySeed), bySeed.get(1L)),
                Tolerances.deriveWithoutRerun(bySeed));
    }

    @Test
    void aSampleIdenticalInEveryMetricToAnotherOfItsSeedCountsOnce() {
        // Seed 2 gave the same numbers with one thread: on this machine that perturbation changed nothing.
        Map<Sample, SortedMap<String, Double>> samples = samples(new double[] {70, 71, 69}, new double[] {72, 71, 69.5});
        Sample repeat = new Sample(2, "threads=1,isa=AVX2");
        assertEquals(Map.of(repeat, new Sample(2, "default")), Tolerances.repeats(samples));
        Map<Sample, SortedMap<String, Double>> distinct = Tolerances.distinct(samples);
        assertEquals(5, distinct.size());
        assertEquals(new Sample(1, "default"), distinct.keySet().iterator().next());
        // Another seed with the same value is another sample, not a repeat.
        Map<Sample, SortedMap<String, Double>> sameValue = samples(new double[] {70, 70, 70});
        assertEquals(Map.of(), Tolerances.repeats(sameValue));
    }

    @Test
    void aMetricThatSomeSampleLacksIsNamedWithThoseSamples() {
        Map<Sample, SortedMap<String, Double>> samples = samples(new double[] {70, 71}, new double[] {72, 70.5});
        String lrn = "A-LRN w1/8 S256 glorot | dense Q256 | top-1 error";
        samples.get(new Sample(1, "default")).put(lrn, 89.9);
        samples.get(new Sample(2, "default")).put(lrn, 88.0);
        assertEquals(Map.of(lrn, List.of(new Sample(1, "threads=1,isa=AVX2"), new Sample(2, "threads=1,isa=AVX2"))),
                Tolerances.missingFromSomeSeed(samples));
        assertEquals(List.of(TOP1), List.copyOf(Tolerances.commonToEverySample(samples)
                .get(new Sample(1, "default")).keySet()));
    }
}
