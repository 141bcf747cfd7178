package org.factorlab.engine.lab;

import java.util.List;

/**
 * One table of measurements in a lab experiment's result: a title, column names and rows of cells
 * already formatted for people (the same cells go into the JSON, next to the raw numbers in
 * {@link LabResult#data()}).
 *
 * @param title   what the table shows
 * @param columns column names
 * @param rows    rows, each as long as {@code columns}
 */
public record LabTable(String title, List<String> columns, List<List<String>> rows) {
    public LabTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row " + row + " does not have " + columns.size() + " cells");
            }
        }
    }
}
