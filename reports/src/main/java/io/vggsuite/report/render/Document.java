package io.vggsuite.report.render;

import java.util.List;
import java.util.Optional;

/** A report: a title and blocks, top to bottom. */
public record Document(String title, List<Block> blocks) {

    public Document {
        blocks = List.copyOf(blocks);
    }

    /** One piece of a document. */
    public sealed interface Block permits Heading, Paragraph, Table, Figure {}

    /** A section heading; level 2 or 3 (the title is level 1). The anchor is the link target. */
    public record Heading(int level, String text, String anchor) implements Block {}

    /** Plain text, no markup. */
    public record Paragraph(String text) implements Block {}

    /**
     * A table with one header row. Every row has as many cells as the header.
     *
     * @param id a short name: anchor and LaTeX label
     * @param caption printed above the table
     * @param notes printed below it
     */
    public record Table(String id, String caption, List<String> header, List<List<Cell>> rows, List<String> notes)
            implements Block {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            notes = List.copyOf(notes);
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).size() != header.size()) {
                    throw new IllegalArgumentException("table " + id + " row " + (i + 1) + " has "
                            + rows.get(i).size() + " cells, the header " + header.size());
                }
            }
        }
    }

    /**
     * A plot: PNG bytes (Markdown links the file, HTML inlines it) and, if available, SVG text.
     *
     * @param fileStem the file name without extension, under {@code plots/}
     */
    public record Figure(String fileStem, String caption, byte[] png, String svg) implements Block {}

    /**
     * One table cell.
     *
     * @param text what is printed
     * @param missing true for a value that does not exist ("not run", "diverged", "—"), shown muted
     * @param refs the runs the value comes from
     * @param anchor makes this cell a link target (the runs table's first column)
     */
    public record Cell(String text, boolean missing, List<Ref> refs, Optional<String> anchor) {
        public Cell {
            refs = List.copyOf(refs);
        }

        public static Cell of(String text) {
            return new Cell(text, false, List.of(), Optional.empty());
        }

        public static Cell missing(String text) {
            return new Cell(text, true, List.of(), Optional.empty());
        }

        public static Cell withRefs(String text, List<Ref> refs) {
            return new Cell(text, false, refs, Optional.empty());
        }

        public static Cell anchored(String text, String anchor) {
            return new Cell(text, false, List.of(), Optional.of(anchor));
        }
    }

    /**
     * A link from a cell to the place that says where its number came from.
     *
     * @param anchor the link target within the document
     * @param label what the link reads ("r3")
     * @param title a one-line summary shown on hover (run folder, commit, device)
     */
    public record Ref(String anchor, String label, String title) {}
}
