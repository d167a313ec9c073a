package org.clausecam.declarations;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The filters module of a service as it was at a date: {@code .filters.js} combined with
 * {@code .filters.history.js} into one ES module that exports, for each filter with a history,
 * the first version (by {@code validUntil}) still valid at that date, else the current one.
 *
 * <p>The choice is made in JavaScript, by the module itself, because the history file is
 * JavaScript: its dates and functions are only known to a JavaScript engine. The caller runs the
 * result exactly as it would run {@code .filters.js}.
 */
final class FiltersAtDate {

    private static final String IDENT = "[A-Za-z_$][\\w$]*";
    private static final Pattern HISTORY_EXPORT = Pattern.compile("\\bexport\\s+(?:const|let|var)\\s+(" + IDENT + ")");
    private static final Pattern FUNCTION_EXPORT = Pattern.compile("\\bexport\\s+(?:async\\s+)?function\\s*\\*?\\s*(" + IDENT + ")");
    private static final Pattern VARIABLE_EXPORT = Pattern.compile("\\bexport\\s+(?:const|let|var)\\s+(" + IDENT + ")");
    /** {@code export { a, b as c }} and {@code export { a } from './Other.filters.js'}. */
    private static final Pattern LIST_EXPORT = Pattern.compile("\\bexport\\s*\\{([^}]*)\\}");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(" + IDENT + ")(?:\\s+as\\s+(" + IDENT + "))?\\s*$");

    private FiltersAtDate() {}

    /**
     * Names a filters module exports: {@code export function}, {@code export async function},
     * {@code export const}, and export lists (re-exports from sibling filter files included).
     * Found by pattern, not by parsing: filters files are short and written in these forms.
     */
    static Set<String> exportedNames(String source) {
        Set<String> names = new LinkedHashSet<>();
        if (source == null) return names;
        for (Pattern p : new Pattern[] {FUNCTION_EXPORT, VARIABLE_EXPORT}) {
            Matcher m = p.matcher(source);
            while (m.find()) names.add(m.group(1));
        }
        Matcher list = LIST_EXPORT.matcher(source);
        while (list.find()) {
            for (String item : list.group(1).split(",")) {
                Matcher name = LIST_ITEM.matcher(item);
                if (name.matches()) names.add(name.group(2) != null ? name.group(2) : name.group(1));
            }
        }
        return names;
    }

    /** Names of the filters that have earlier versions in a {@code .filters.history.js}. */
    static Set<String> historyNames(String historySource) {
        Set<String> names = new LinkedHashSet<>();
        if (historySource == null) return names;
        Matcher m = HISTORY_EXPORT.matcher(historySource);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /**
     * The module source valid at {@code date}. Without a history (or a date) it is the current
     * source unchanged.
     */
    static String compose(String current, String history, Instant date) {
        Set<String> withHistory = historyNames(history);
        if (date == null || withHistory.isEmpty()) return current;
        Set<String> currentNames = exportedNames(current);

        StringBuilder module = new StringBuilder();
        String rewritten = current == null ? "" : current;
        for (String name : withHistory) {
            if (!currentNames.contains(name)) continue;
            // The current version stays a local binding of the same name (other filters may call
            // it); only its export moves to the version chosen for the date.
            String quoted = Pattern.quote(name);
            rewritten = rewritten
                    .replaceAll("\\bexport\\s+((?:async\\s+)?function\\s*\\*?\\s*" + quoted + "\\b)", "$1")
                    .replaceAll("\\bexport\\s+((?:const|let|var)\\s+" + quoted + "\\b)", "$1");
        }
        module.append(rewritten).append("\n\n");

        // The history runs in its own scope so its helpers cannot collide with the current module's.
        String historyBody = HISTORY_EXPORT.matcher(history).replaceAll(r -> Matcher.quoteReplacement("const " + r.group(1)));
        module.append("const __clausecamFilterHistory = (() => {\n")
                .append(historyBody)
                .append("\nreturn { ").append(String.join(", ", withHistory)).append(" };\n})();\n\n");
        module.append("const __clausecamDate = Date.parse(\"").append(date).append("\");\n")
                .append("const __clausecamFilterAt = (versions, current) => {\n")
                .append("  const valid = [...versions]\n")
                .append("    .sort((a, b) => Date.parse(a.validUntil) - Date.parse(b.validUntil))\n")
                .append("    .find(version => Date.parse(version.validUntil) >= __clausecamDate);\n")
                .append("  return valid ? valid.filter : current;\n")
                .append("};\n");
        for (String name : withHistory) {
            String current0 = currentNames.contains(name) ? name : "undefined";
            module.append("const __clausecamAt_").append(name).append(" = __clausecamFilterAt(__clausecamFilterHistory.")
                    .append(name).append(", ").append(current0).append(");\n")
                    .append("export { __clausecamAt_").append(name).append(" as ").append(name).append(" };\n");
        }
        return module.toString();
    }
}
