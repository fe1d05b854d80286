/**
 * A small document model ({@link io.vggsuite.report.render.Document}: headings, paragraphs, tables
 * whose cells link to the runs behind them, figures) and its three renderings: GitHub Markdown,
 * one self-contained XHTML page, and LaTeX booktabs tables. Knows nothing about VGG or results.
 *
 * <p>Depends on the JDK only.
 */
package io.vggsuite.report.render;
