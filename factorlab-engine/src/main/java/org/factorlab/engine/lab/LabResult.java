package org.factorlab.engine.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a lab experiment found: the paragraph that says what it did, its tables, the conclusions
 * computed from the numbers (never canned text), and the raw numbers for {@code --json}.
 *
 * @param experiment  its name ({@code race}, {@code gil}, …)
 * @param description one paragraph: what it does and why
 * @param tables      the measurements, for people
 * @param conclusions one sentence each, computed from the measurements
 * @param data        the raw measurements by name (numbers, strings, lists or maps of those), for machines
 */
public record LabResult(String experiment, String description, List<LabTable> tables, List<String> conclusions,
                        Map<String, Object> data) {
    public LabResult {
        tables = List.copyOf(tables);
        conclusions = List.copyOf(conclusions);
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
