package org.factorlab.engine.lab;

import java.util.ArrayList;
import java.util.List;

/** Renders a {@link LabResult} for a terminal: the paragraph, aligned tables, then the conclusions. */
public final class LabText {
    private static final int WIDTH = 100;

    private LabText() {
    }

    public static String render(LabResult r) {
        StringBuilder out = new StringBuilder();
        out.append("== lab ").append(r.experiment()).append(" ==\n");
        out.append(wrap(r.description())).append('\n');
        for (LabTable t : r.tables()) {
            out.append('\n').append(t.title()).append('\n');
            table(out, t);
        }
        if (!r.conclusions().isEmpty()) {
            out.append("\nConclusion:\n");
            for (String c : r.conclusions()) {
                out.append(wrap("- " + c)).append('\n');
            }
        }
        return out.toString();
    }

    private static void table(StringBuilder out, LabTable t) {
        int[] width = new int[t.columns().size()];
        List<List<String>> all = new ArrayList<>();
        all.add(t.columns());
        all.addAll(t.rows());
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        for (int r = 0; r < all.size(); r++) {
            List<String> row = all.get(r);
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                // the first column (a label) is left-aligned, the measurements right-aligned
                line.append(i == 0 ? pad(cell, width[i], false) : pad(cell, width[i], true));
                line.append(i + 1 < row.size() ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                int total = 0;
                for (int w : width) {
                    total += w + 2;
                }
                out.append("  ").append("-".repeat(Math.max(0, total - 2))).append('\n');
            }
        }
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }

    /** Wraps a paragraph at about 100 columns. */
    static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (String word : text.split(" ")) {
            if (column > 0 && column + 1 + word.length() > WIDTH) {
                out.append('\n');
                column = 0;
            } else if (column > 0) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        return out.toString();
    }
}
