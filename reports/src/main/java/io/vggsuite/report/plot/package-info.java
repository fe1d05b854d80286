/**
 * Plots with JFreeChart: line charts (learning curves), a two-axis chart (the paper's error and
 * ours against depth) and grouped bars (evaluation methods), each rendered to PNG bytes and SVG text.
 * Takes plain series, knows nothing about runs.
 *
 * <p>Depends on JFreeChart, JFreeSVG and the JDK.
 */
package io.vggsuite.report.plot;
