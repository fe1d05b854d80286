package io.vggsuite.report;

import io.vggsuite.report.render.Document.Ref;
import java.util.List;

/**
 * One measured result for a table row: the errors one run (or one ensemble) reached, at the test
 * scales that ran, and the runs it comes from.
 */
record Observation(List<Ref> refs, List<Integer> testScales, double top1Error, double top5Error) {}
