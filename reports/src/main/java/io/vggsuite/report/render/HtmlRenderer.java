package io.vggsuite.report.render;

import io.vggsuite.report.render.Document.Block;
import io.vggsuite.report.render.Document.Cell;
import io.vggsuite.report.render.Document.Figure;
import io.vggsuite.report.render.Document.Heading;
import io.vggsuite.report.render.Document.Paragraph;
import io.vggsuite.report.render.Document.Ref;
import io.vggsuite.report.render.Document.Table;
import java.util.Base64;
import java.util.List;

/**
 * One self-contained page: well-formed XHTML (so an XML parser can check it), styles inline in the
 * head, plots as base64 PNG data URIs, every link pointing inside the page. It can be mailed or
 * archived alone.
 */
public final class HtmlRenderer {

    private static final String STYLE = """
            body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 2em auto;
                   max-width: 1150px; padding: 0 1em; color: #1f2328; line-height: 1.45; }
            h1 { border-bottom: 1px solid #d0d7de; padding-bottom: .3em; }
            h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .2em; margin-top: 2em; }
            table { border-collapse: collapse; margin: .5em 0 .3em; font-size: 0.88em; }
            caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: .4em; }
            th, td { border: 1px solid #d0d7de; padding: 4px 8px; vertical-align: top; }
            th { background: #f6f8fa; text-align: left; }
            th.group { text-align: center; }
            td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
            td.missing { color: #8c959f; font-style: italic; }
            tr:target, td:target { background: #fff8c5; }
            sup a { font-size: .8em; text-decoration: none; margin-left: 2px; }
            .notes { font-size: .85em; color: #57606a; margin: 0 0 1.5em; }
            .notes p { margin: .2em 0; }
            figure { margin: 1em 0 2em; }
            figure img { max-width: 100%; border: 1px solid #d0d7de; }
            figcaption { font-size: .9em; color: #57606a; }
            """;

    /** Separates a column's name from its group in a heading: "top-1 val. error (%) · ours". */
    private static final String GROUP = " · ";

    private HtmlRenderer() {}

    public static String render(Document document) {
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n")
                .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n<title>").append(escape(document.title())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(escape(document.title())).append("</h1>\n");
        for (Block block : document.blocks()) {
            if (block instanceof Heading h) {
                out.append("<h").append(h.level()).append(" id=\"").append(escape(h.anchor())).append("\">")
                        .append(escape(h.text())).append("</h").append(h.level()).append(">\n");
            } else if (block instanceof Paragraph p) {
                out.append("<p>").append(escape(p.text())).append("</p>\n");
            } else if (block instanceof Table t) {
                table(out, t);
            } else if (block instanceof Figure f) {
                out.append("<figure id=\"fig-").append(escape(f.fileStem())).append("\">\n<img alt=\"")
                        .append(escape(f.caption())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(f.png())).append("\"/>\n<figcaption>")
                        .append(escape(f.caption())).append("</figcaption>\n</figure>\n");
            }
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder out, Table table) {
        out.append("<table id=\"").append(escape(table.id())).append("\">\n<caption>")
                .append(escape(table.caption())).append("</caption>\n<thead>");
        header(out, table.header());
        out.append("</thead>\n<tbody>\n");
        for (List<Cell> row : table.rows()) {
            out.append("<tr>");
            for (Cell cell : row) {
                cell(out, cell);
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        if (!table.notes().isEmpty()) {
            out.append("<div class=\"notes\">");
            for (String note : table.notes()) {
                out.append("<p>").append(escape(note)).append("</p>");
            }
            out.append("</div>\n");
        }
    }

    /**
     * Headings "top-1 · ILSVRC-2012 (paper)" share their group "ILSVRC-2012 (paper)": runs of
     * columns with the same group get one spanning cell above their own names, as the paper's
     * tables group their columns. A heading without a group spans both rows.
     */
    private static void header(StringBuilder out, List<String> headings) {
        boolean grouped = headings.stream().anyMatch(h -> h.contains(GROUP));
        if (!grouped) {
            out.append("<tr>");
            headings.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
            out.append("</tr>");
            return;
        }
        StringBuilder names = new StringBuilder("<tr>");
        out.append("<tr>");
        int i = 0;
        while (i < headings.size()) {
            String heading = headings.get(i);
            int at = heading.indexOf(GROUP);
            if (at < 0) {
                out.append("<th rowspan=\"2\">").append(escape(heading)).append("</th>");
                i++;
                continue;
            }
            String group = heading.substring(at + GROUP.length());
            int span = 0;
            while (i + span < headings.size() && headings.get(i + span).endsWith(GROUP + group)) {
                String name = headings.get(i + span);
                names.append("<th>").append(escape(name.substring(0, name.length() - GROUP.length() - group.length())))
                        .append("</th>");
                span++;
            }
            out.append("<th colspan=\"").append(span).append("\" class=\"group\">").append(escape(group)).append("</th>");
            i += span;
        }
        out.append("</tr>").append(names).append("</tr>");
    }

    private static void cell(StringBuilder out, Cell cell) {
        out.append("<td");
        cell.anchor().ifPresent(a -> out.append(" id=\"").append(escape(a)).append('"'));
        if (cell.missing()) {
            out.append(" class=\"missing\"");
        } else if (looksNumeric(cell.text())) {
            out.append(" class=\"num\"");
        }
        out.append('>').append(escape(cell.text()));
        if (!cell.refs().isEmpty()) {
            out.append("<sup>");
            for (Ref ref : cell.refs()) {
                out.append("<a href=\"#").append(escape(ref.anchor())).append("\" title=\"")
                        .append(escape(ref.title())).append("\">").append(escape(ref.label())).append("</a>");
            }
            out.append("</sup>");
        }
        out.append("</td>");
    }

    private static boolean looksNumeric(String text) {
        return !text.isEmpty() && (Character.isDigit(text.charAt(0))
                || (text.length() > 1 && "+-−".indexOf(text.charAt(0)) >= 0 && Character.isDigit(text.charAt(1))));
    }

    /** XML escaping for text and attribute values; drops characters XML 1.0 cannot hold. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&') {
                out.append("&amp;");
            } else if (c == '<') {
                out.append("&lt;");
            } else if (c == '>') {
                out.append("&gt;");
            } else if (c == '"') {
                out.append("&quot;");
            } else if (c >= 0x20 || c == '\n' || c == '\t') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
