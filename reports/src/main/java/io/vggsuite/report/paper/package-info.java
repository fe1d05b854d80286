/**
 * The paper's own numbers as data: {@code vgg-paper.csv} beside this package holds Tables 2–6,
 * Section 4.1's B-5×5 comparison and Section 3.1's initialisation sentences, each with the
 * paper's table and row. The claims are not here: each is declared once in the experiments
 * ({@code io.vggsuite.claims}), which write them with their verdicts to claims.csv. {@link io.vggsuite.report.paper.PaperValues} reads it.
 *
 * <p>Depends on the JDK and Commons CSV only.
 */
package io.vggsuite.report.paper;
