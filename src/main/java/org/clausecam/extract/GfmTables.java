package org.clausecam.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * GitHub-flavoured Markdown tables as joplin-turndown-plugin-gfm writes them (the plugin Open
 * Terms Archive uses): a row per line, cells padded to three characters, a divider under the
 * heading row, an empty heading when the table has none. Tables with a single cell, or holding
 * another table, are not tables in the output: their cells come out one after the other.
 * Counts of cells include text nodes, as the plugin's do.
 */
final class GfmTables {
    private GfmTables() {
    }

    static String table(String content, Element table) {
        if (shouldBeSkipped(table)) return content;
        content = content.replaceAll("\n+", "\n");
        String[] lines = JsText.trim(content).split("\n", -1);
        boolean secondLineIsDivider = lines.length >= 2 ? lines[1].startsWith("| ---") : lines[0].equals("| ---");
        int columns = columnCount(table);
        String emptyHeader = "";
        if (columns > 0 && !secondLineIsDivider) {
            emptyHeader = "|" + "     |".repeat(columns) + "\n" + "|" + " --- |".repeat(columns);
        }
        return "\n\n" + emptyHeader + content + "\n\n";
    }

    static String row(String content, Element row) {
        Element table = parentTable(row);
        if (shouldBeSkipped(table)) return content;
        StringBuilder borderCells = new StringBuilder();
        if (isHeadingRow(row)) {
            int columns = columnCount(table);
            for (int i = 0; i < columns; i++) {
                Node child = columns >= row.childNodeSize() ? null : row.childNode(i);
                String border = "---";
                String align = child instanceof Element element ? element.attr("align").toLowerCase(java.util.Locale.ROOT) : "";
                switch (align) {
                    case "left" -> border = ":--";
                    case "right" -> border = "--:";
                    case "center" -> border = ":-:";
                    default -> { }
                }
                borderCells.append(child != null ? cell(border, child, i) : cell(border, null, i));
            }
        }
        return "\n" + content + (borderCells.length() > 0 ? "\n" + borderCells : "");
    }

    static String cell(String content, Element cell) {
        if (shouldBeSkipped(parentTable(cell))) return content;
        return cell(content, cell, cell.siblingIndex());
    }

    private static String cell(String content, Node node, int index) {
        String prefix = index == 0 ? "| " : " ";
        String filtered = JsText.trim(content).replace("\n\r", "<br>").replace("\n", "<br>");
        filtered = filtered.replaceAll("\\|+", "\\\\|");
        StringBuilder padded = new StringBuilder(filtered);
        while (padded.length() < 3) padded.append(' ');
        if (node instanceof Element element) {
            int colspan = colspan(element.attr("colspan"));
            for (int i = 1; i < colspan; i++) padded.append(" | ").append("   ");
        }
        return prefix + padded + " |";
    }

    /** {@code getAttribute('colspan') || 1} compared as a JS number: non-numbers end the loop at once. */
    private static int colspan(String value) {
        if (value.isEmpty()) return 1;
        try {
            double d = Double.parseDouble(JsText.trim(value));
            return d > 1000 ? 1000 : (int) Math.ceil(d);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean shouldBeSkipped(Element table) {
        if (table == null) return true;
        List<Element> rows = rows(table);
        if (rows.size() == 1 && rows.get(0).childNodeSize() <= 1) return true;
        return containsTable(table);
    }

    private static boolean containsTable(Node node) {
        for (int i = 0; i < node.childNodeSize(); i++) {
            Node child = node.childNode(i);
            if (DomNodes.is(child, "TABLE") || containsTable(child)) return true;
        }
        return false;
    }

    private static Element parentTable(Node node) {
        Node parent = node.parent();
        while (parent != null && !DomNodes.is(parent, "TABLE")) parent = parent.parent();
        return (Element) parent;
    }

    /** HTMLTableElement.rows: thead rows, then rows of the table and its tbodies, then tfoot rows. */
    private static List<Element> rows(Element table) {
        List<Element> head = new ArrayList<>();
        List<Element> body = new ArrayList<>();
        List<Element> foot = new ArrayList<>();
        for (Element child : table.children()) {
            String name = DomNodes.name(child);
            switch (name) {
                case "TR" -> body.add(child);
                case "THEAD", "TBODY", "TFOOT" -> {
                    for (Element row : child.children()) {
                        if (DomNodes.is(row, "TR")) (name.equals("THEAD") ? head : name.equals("TFOOT") ? foot : body).add(row);
                    }
                }
                default -> { }
            }
        }
        head.addAll(body);
        head.addAll(foot);
        return head;
    }

    private static int columnCount(Element table) {
        int max = 0;
        for (Element row : rows(table)) max = Math.max(max, row.childNodeSize());
        return max;
    }

    private static boolean isHeadingRow(Element row) {
        Node parent = row.parent();
        if (DomNodes.is(parent, "THEAD")) return true;
        if (parent.firstChild() != row) return false;
        if (!(DomNodes.is(parent, "TABLE") || isFirstTbody(parent))) return false;
        for (Node child : row.childNodes()) {
            if (!DomNodes.is(child, "TH")) return false;
        }
        return true;
    }

    private static boolean isFirstTbody(Node element) {
        if (!DomNodes.is(element, "TBODY")) return false;
        Node previous = element.previousSibling();
        return previous == null || (DomNodes.is(previous, "THEAD") && JsText.isBlank(DomNodes.textContent(previous)));
    }
}
