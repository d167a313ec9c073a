package org.clausecam.report;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level differences between two Markdown versions, as escaped HTML: deleted words in
 * {@code <del>}, added words in {@code <ins>}, long unchanged stretches folded into
 * {@code <details>} so a reader goes straight to what changed.
 *
 * <p>Lines are compared first and words only inside changed lines: policies run to tens of
 * thousands of words, and a word diff of whole documents would cost time proportional to the
 * product of their lengths when they differ a lot.
 */
public final class WordDiff {

    /** Unchanged lines shown around each change before the rest is folded away. */
    static final int CONTEXT_LINES = 2;

    /** Above this many tokens on a side, a changed block is shown as a whole deletion and insertion. */
    static final int MAX_WORD_DIFF_TOKENS = 20_000;

    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}_]+|[^\\s\\p{L}\\p{N}_]");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /**
     * @param html          the HTML fragment (a {@code div.diff}); never includes unescaped input
     * @param insertedWords words inside {@code <ins>}
     * @param deletedWords  words inside {@code <del>}
     */
    public record Result(String html, int insertedWords, int deletedWords) {
        public boolean identical() {
            return insertedWords == 0 && deletedWords == 0;
        }
    }

    private WordDiff() {
    }

    public static Result compare(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);

        List<Block> blocks = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            if (start > position) blocks.add(new Block(a.subList(position, start), null, null));
            blocks.add(new Block(null, delta.getSource().getLines(), delta.getTarget().getLines()));
            position = start + delta.getSource().size();
        }
        if (position < a.size()) blocks.add(new Block(a.subList(position, a.size()), null, null));

        Counts counts = new Counts();
        StringBuilder html = new StringBuilder("<div class=\"diff\">\n");
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (block.equal != null) {
                unchanged(html, block.equal, i == 0, i == blocks.size() - 1, blocks.size() == 1);
            } else {
                changed(html, String.join("\n", block.deleted), String.join("\n", block.inserted), counts);
            }
        }
        html.append("</div>\n");
        return new Result(html.toString(), counts.inserted, counts.deleted);
    }

    private record Block(List<String> equal, List<String> deleted, List<String> inserted) {
    }

    private static final class Counts {
        int inserted;
        int deleted;
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) return List.of();
        String normal = text.replace("\r\n", "\n");
        if (normal.endsWith("\n")) normal = normal.substring(0, normal.length() - 1);
        return Arrays.asList(normal.split("\n", -1));
    }

    private static void unchanged(StringBuilder html, List<String> lines, boolean first, boolean last, boolean only) {
        int head = first ? 0 : CONTEXT_LINES;
        int tail = last ? 0 : CONTEXT_LINES;
        if (only || lines.size() <= head + tail + 1) {
            text(html, lines, "lines");
            return;
        }
        if (head > 0) text(html, lines.subList(0, head), "lines");
        List<String> folded = lines.subList(head, lines.size() - tail);
        html.append("<details class=\"unchanged\"><summary>").append(folded.size())
                .append(folded.size() == 1 ? " unchanged line" : " unchanged lines").append("</summary>\n");
        text(html, folded, "lines");
        html.append("</details>\n");
        if (tail > 0) text(html, lines.subList(lines.size() - tail, lines.size()), "lines");
    }

    private static void text(StringBuilder html, List<String> lines, String cssClass) {
        html.append("<div class=\"").append(cssClass).append("\">")
                .append(Html.escape(String.join("\n", lines))).append("</div>\n");
    }

    private static void changed(StringBuilder html, String deleted, String inserted, Counts counts) {
        html.append("<div class=\"lines changed\">");
        List<String> from = tokens(deleted);
        List<String> to = tokens(inserted);
        if (from.isEmpty() || to.isEmpty() || from.size() > MAX_WORD_DIFF_TOKENS || to.size() > MAX_WORD_DIFF_TOKENS) {
            if (!from.isEmpty()) html.append(del(deleted, counts));
            if (!from.isEmpty() && !to.isEmpty()) html.append('\n');
            if (!to.isEmpty()) html.append(ins(inserted, counts));
        } else {
            for (Segment segment : segments(from, to)) {
                if (segment.equal != null) {
                    html.append(Html.escape(segment.equal));
                } else {
                    if (!segment.deleted.isEmpty()) html.append(del(segment.deleted.toString(), counts));
                    if (!segment.inserted.isEmpty()) html.append(ins(segment.inserted.toString(), counts));
                }
            }
        }
        html.append("</div>\n");
    }

    private static String del(String text, Counts counts) {
        counts.deleted += words(text);
        return "<del>" + Html.escape(text) + "</del>";
    }

    private static String ins(String text, Counts counts) {
        counts.inserted += words(text);
        return "<ins>" + Html.escape(text) + "</ins>";
    }

    /** Equal text, or a change (a deletion and an insertion, either possibly empty). */
    private static final class Segment {
        final String equal;
        final StringBuilder deleted = new StringBuilder();
        final StringBuilder inserted = new StringBuilder();

        Segment(String equal) {
            this.equal = equal;
        }
    }

    /**
     * Token differences grouped into readable changes: a change next to another, separated only by
     * white space or a tiny word ("a", "of"), becomes one change, so a rewritten sentence reads as
     * old sentence / new sentence instead of a comb of one-word edits.
     */
    private static List<Segment> segments(List<String> from, List<String> to) {
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(from, to).getDeltas()) {
            int start = delta.getSource().getPosition();
            if (start > position) segments.add(new Segment(String.join("", from.subList(position, start))));
            Segment change = changeToExtend(segments);
            if (delta.getType() != DeltaType.INSERT) change.deleted.append(String.join("", delta.getSource().getLines()));
            if (delta.getType() != DeltaType.DELETE) change.inserted.append(String.join("", delta.getTarget().getLines()));
            position = start + delta.getSource().size();
        }
        if (position < from.size()) segments.add(new Segment(String.join("", from.subList(position, from.size()))));
        return segments;
    }

    private static Segment changeToExtend(List<Segment> segments) {
        int n = segments.size();
        if (n >= 2 && segments.get(n - 2).equal == null && weak(segments.get(n - 1).equal)) {
            String glue = segments.remove(n - 1).equal;
            Segment previous = segments.get(n - 2);
            previous.deleted.append(glue);
            previous.inserted.append(glue);
            return previous;
        }
        Segment change = new Segment(null);
        segments.add(change);
        return change;
    }

    private static boolean weak(String equal) {
        return equal.indexOf('\n') < 0 && equal.strip().length() <= 3;
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) tokens.add(m.group());
        return tokens;
    }

    private static int words(String text) {
        int n = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) n++;
        return n;
    }
}
