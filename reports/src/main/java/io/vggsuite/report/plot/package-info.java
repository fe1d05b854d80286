/**
 * Plots with JFreeChart: small multiples of lines with shaded bands (learning curves; error against
 * depth, the paper and ours side by side), a forest plot (the claims) and grouped bars (evaluation
 * methods), each rendered to PNG bytes and SVG text in the colour-blind-safe {@link
 * io.vggsuite.report.plot.Palette}. Takes plain numbers and labels, knows nothing about runs or
 * verdicts.
 *
 * <p>Depends on JFreeChart, JFreeSVG and the JDK.
 */
package io.vggsuite.report.plot;
