package io.vggsuite.report.render;

import io.vggsuite.report.render.Document.Block;
import io.vggsuite.report.render.Document.Cell;
import io.vggsuite.report.render.Document.Table;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The document's tables as LaTeX {@code booktabs} tables (needs the booktabs package), to
 * paste into a paper. Headings, text and figures are left to the Markdown and HTML.
 */
public final class LatexRenderer {

    private LatexRenderer() {}

    public static String render(Document document) {
        StringBuilder out = new StringBuilder();
        out.append("% ").append(escape(document.title())).append(" -- tables; needs \\usepackage{booktabs}\n\n");
        for (Block block : document.blocks()) {
            if (block instanceof Table t) {
                table(out, t);
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
