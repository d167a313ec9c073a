package org.clausecam.track;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Prometheus' text exposition format strictly, as a scraper would: every line a comment
 * ({@code # HELP}, {@code # TYPE}) or a sample of a declared family, with well-formed labels and
 * a number. What it returns maps each series ({@code name{labels}} as written) to its value.
 */
public final class PrometheusSamples {

    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"(?:,(?=[a-zA-Z_]))?)*})? "
                    + "(-?[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)");
    private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|untyped|histogram|summary)");
    private static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .+");

    private PrometheusSamples() {
    }

    public static Map<String, Double> parse(String exposition) {
        if (!exposition.endsWith("\n")) throw new IllegalArgumentException("the exposition must end with a line feed");
        Set<String> typed = new HashSet<>();
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : exposition.split("\n")) {
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                if (!typed.add(type.group(1))) throw new IllegalArgumentException("family typed twice: " + line);
                continue;
            }
            if (HELP.matcher(line).matches()) continue;
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) throw new IllegalArgumentException("not a line of the text format: '" + line + "'");
            if (!typed.contains(sample.group(1))) throw new IllegalArgumentException("sample before its # TYPE: " + line);
            String series = sample.group(1) + (sample.group(2) == null ? "" : sample.group(2));
            if (samples.put(series, Double.parseDouble(sample.group(3))) != null) {
                throw new IllegalArgumentException("series written twice: " + series);
            }
        }
        return samples;
    }
}
