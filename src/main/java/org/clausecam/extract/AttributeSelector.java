package org.clausecam.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Selectors made only of a tag name and quoted attribute conditions
 * ({@code img[src="data:image/png;base64,…"]}), matched without Jsoup's selector parser, which
 * rejects very long quoted values that declarations do use.
 */
final class AttributeSelector {
    private static final Pattern WHOLE = Pattern.compile("([a-zA-Z][\\w-]*)?((?:\\[\\s*[\\w:-]+\\s*[~|^$*]?=\\s*\"[^\"]*\"\\s*])+)");
    private static final Pattern CONDITION = Pattern.compile("\\[\\s*([\\w:-]+)\\s*([~|^$*]?=)\\s*\"([^\"]*)\"\\s*]");

    private record Condition(String name, String operator, String value) {
        boolean test(Element element) {
            if (!element.hasAttr(name)) return false;
            String actual = element.attr(name);
            return switch (operator) {
                case "=" -> actual.equals(value);
                case "^=" -> !value.isEmpty() && actual.startsWith(value);
                case "$=" -> !value.isEmpty() && actual.endsWith(value);
                case "*=" -> !value.isEmpty() && actual.contains(value);
                case "~=" -> List.of(actual.split("[ \\t\\n\\f\\r]+")).contains(value);
                case "|=" -> actual.equals(value) || actual.startsWith(value + "-");
                default -> false;
            };
        }
    }

    private final String tag;
    private final List<Condition> conditions;

    private AttributeSelector(String tag, List<Condition> conditions) {
        this.tag = tag;
        this.conditions = conditions;
    }

    static Optional<AttributeSelector> parse(String css) {
        Matcher whole = WHOLE.matcher(css.trim());
        if (!whole.matches()) return Optional.empty();
        List<Condition> conditions = new ArrayList<>();
        Matcher condition = CONDITION.matcher(whole.group(2));
        while (condition.find()) {
            conditions.add(new Condition(condition.group(1).toLowerCase(Locale.ROOT), condition.group(2), condition.group(3)));
        }
        String tag = whole.group(1) == null ? null : whole.group(1).toLowerCase(Locale.ROOT);
        return Optional.of(new AttributeSelector(tag, conditions));
    }

    Elements select(Element root) {
        Elements matches = new Elements();
        for (Element element : root.getAllElements()) {
            if (element == root && root instanceof org.jsoup.nodes.Document) continue;
            if (tag != null && !element.normalName().equals(tag)) continue;
            if (conditions.stream().allMatch(c -> c.test(element))) matches.add(element);
        }
        return matches;
    }
}
