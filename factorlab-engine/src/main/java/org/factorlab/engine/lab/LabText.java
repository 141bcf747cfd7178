package org.factorlab.engine.lab;

import java.util.ArrayList;
import java.util.List;

/** Renders a {@link LabResult} for a terminal: the paragraph, aligned tables, then the conclusions. */
public final class LabText {
    private static final int WIDTH = 100;
    /** A cell that starts with a number ("1,024", "-3.5 ms", "17%", "-") is a measurement. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[-+]?[0-9.,]*[0-9]|-$");

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
        boolean[] numeric = new boolean[width.length];
        for (int i = 0; i < numeric.length; i++) {
            final int column = i;
            numeric[i] = i > 0 && t.rows().stream().allMatch(row -> NUMBER.matcher(row.get(column)).lookingAt());
        }
        for (int r = 0; r < all.size(); r++) {
            List<String> row = all.get(r);
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                // columns of measurements are right-aligned so their digits line up; words stay left
                line.append(pad(cell, width[i], numeric[i]));
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
