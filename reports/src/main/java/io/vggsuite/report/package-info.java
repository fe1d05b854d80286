/**
 * The report: reads a results folder through {@code io.vggsuite.results}, lays the paper's tables
 * (from {@link io.vggsuite.report.paper}) beside ours, one class per paper table, adds the plots
 * ({@link io.vggsuite.report.plot}) and writes Markdown, HTML and LaTeX ({@link
 * io.vggsuite.report.render}) to {@code <results>/report/}. {@link io.vggsuite.report.Report} is the
 * entry point; {@link io.vggsuite.report.ReportMain} the thin command line around it.
 *
 * <p>Depends on the harness's {@code results} and {@code model} packages (Table 2 builds the nets to
 * count their parameters), on {@code data} for the values a run's key holds ({@code TrainScale}),
 * JFreeChart, Commons CSV, Commons Math (rank correlation) and the JDK; never on training or evaluation ({@code ModuleLayeringTest}).
 */
package io.vggsuite.report;
