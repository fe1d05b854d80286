/**
 * The paper's own numbers as data: {@code vgg-paper.csv} beside this package holds Tables 2–6,
 * Section 4.1's B-5×5 comparison, Section 3.1's initialisation sentences and the twelve claims,
 * each with the paper's table and row. {@link io.vggsuite.report.paper.PaperValues} reads it.
 *
 * <p>Depends on the JDK and Commons CSV only.
 */
package io.vggsuite.report.paper;
