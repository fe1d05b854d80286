package io.vggsuite.report.render;

import io.vggsuite.report.render.Document.Block;
import io.vggsuite.report.render.Document.Cell;
import io.vggsuite.report.render.Document.Figure;
import io.vggsuite.report.render.Document.Heading;
import io.vggsuite.report.render.Document.Paragraph;
import io.vggsuite.report.render.Document.Table;
import java.util.List;
import java.util.stream.Collectors;

/**
 * GitHub-flavoured Markdown: pipe tables, figures as image links to {@code plots/<stem>.png}, and
 * each cell's runs as links to anchors in the runs table.
 */
public final class MarkdownRenderer {

    private MarkdownRenderer() {}

    public static String render(Document document) {
        return "# " + inline(document.title()) + "\n\n" + render(document.blocks());
    }

    /** Blocks without a document title: a part of another Markdown file (the README's claims). */
    public static String render(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof Heading h) {
                out.append("#".repeat(h.level())).append(' ').append(inline(h.text())).append("\n\n");
            } else if (block instanceof Paragraph p) {
                out.append(inline(p.text())).append("\n\n");
            } else if (block instanceof Table t) {
                table(out, t);
            } else if (block instanceof Figure f) {
                out.append("![").append(inline(f.caption())).append("](plots/").append(f.fileStem()).append(".png)\n\n")
                        .append('*').append(inline(f.caption())).append('*');
                if (!f.svg().isEmpty()) {
                    out.append(" ([SVG](plots/").append(f.fileStem()).append(".svg))");
                }
                out.append("\n\n");
            }
        }
        return out.toString();
    }

    private static void table(StringBuilder out, Table table) {
        out.append("<a id=\"").append(table.id()).append("\"></a>\n\n");
        out.append("**").append(inline(table.caption())).append("**\n\n");
        out.append(row(table.header().stream().map(MarkdownRenderer::inline).toList()));
        out.append(row(table.header().stream().map(h -> "---").toList()));
        for (List<Cell> cells : table.rows()) {
            out.append(row(cells.stream().map(MarkdownRenderer::cell).toList()));
        }
        out.append('\n');
        for (String note : table.notes()) {
            out.append("> ").append(inline(note)).append("\n>\n");
        }
        if (!table.notes().isEmpty()) {
            out.setLength(out.length() - 2);
        }
        out.append('\n');
    }

    private static String cell(Cell cell) {
        String text = inline(cell.text());
        if (cell.missing()) {
            text = "*" + text + "*";
        }
        String refs = cell.refs().stream()
                .map(r -> "[" + r.label() + "](#" + r.anchor() + " \"" + inline(r.title()).replace("\"", "'") + "\")")
                .collect(Collectors.joining(" "));
        if (!refs.isEmpty()) {
            text = text + " <sup>" + refs + "</sup>";
        }
        return cell.anchor().map(a -> "<a id=\"" + a + "\"></a>").orElse("") + text;
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    /** Escapes what would break a table cell or start unwanted formatting; keeps line breaks out. */
    static String inline(String text) {
        return text.replace("\\", "\\\\")
                .replace("|", "\\|")
                .replace("*", "\\*")
                .replace("_", "\\_")
                .replace("<", "&lt;")
                .replace("\r", "")
                .replace("\n", " ");
    }
}
