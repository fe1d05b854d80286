package io.vggsuite.report.render;

import io.vggsuite.report.render.Document.Block;
import io.vggsuite.report.render.Document.Cell;
import io.vggsuite.report.render.Document.Figure;
import io.vggsuite.report.render.Document.Table;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The document's tables as LaTeX {@code booktabs} tables and its figures as {@code figure}
 * floats of their PNG under {@code plots/} (needs the booktabs and graphicx packages), to paste
 * into a paper. Headings and text are left to the Markdown and HTML.
 */
public final class LatexRenderer {

    private LatexRenderer() {}

    public static String render(Document document) {
        StringBuilder out = new StringBuilder();
        out.append("% ").append(escape(document.title()))
                .append(" -- tables and figures; needs \\usepackage{booktabs} and \\usepackage{graphicx}\n\n");
        for (Block block : document.blocks()) {
            if (block instanceof Table t) {
                table(out, t);
            } else if (block instanceof Figure f) {
                figure(out, f);
            }
        }
        return out.toString();
    }

    private static void table(StringBuilder out, Table table) {
        out.append("\\begin{table}[ht]\n\\centering\n\\small\n\\caption{").append(escape(table.caption()))
                .append("}\n\\label{tab:").append(table.id()).append("}\n\\begin{tabular}{")
                .append("l".repeat(table.header().size())).append("}\n\\toprule\n")
                .append(table.header().stream().map(LatexRenderer::escape).collect(Collectors.joining(" & ")))
                .append(" \\\\\n\\midrule\n");
        for (List<Cell> row : table.rows()) {
            out.append(row.stream()
                            .map(c -> c.missing() ? "\\textit{" + escape(c.text()) + "}" : escape(c.text()))
                            .collect(Collectors.joining(" & ")))
                    .append(" \\\\\n");
        }
        out.append("\\bottomrule\n\\end{tabular}\n");
        for (String note : table.notes()) {
            out.append("\n\\smallskip\\footnotesize ").append(escape(note)).append('\n');
        }
        out.append("\\end{table}\n\n");
    }

    /** The PNG by its path relative to this file, which sits beside {@code plots/} as in the Markdown. */
    private static void figure(StringBuilder out, Figure figure) {
        out.append("\\begin{figure}[ht]\n\\centering\n\\includegraphics[width=\\linewidth]{plots/")
                .append(figure.fileStem()).append(".png}\n\\caption{").append(escape(figure.caption()))
                .append("}\n\\label{fig:").append(figure.fileStem()).append("}\n\\end{figure}\n\n");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                case '±' -> out.append("$\\pm$");
                case '×' -> out.append("$\\times$");
                case '≈' -> out.append("$\\approx$");
                case '→' -> out.append("$\\rightarrow$");
                case '−' -> out.append("$-$");
                case '—' -> out.append("---");
                case '–' -> out.append("--");
                case '⁻' -> out.append("\\textsuperscript{-}");
                case '²' -> out.append("\\textsuperscript{2}");
                case '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
