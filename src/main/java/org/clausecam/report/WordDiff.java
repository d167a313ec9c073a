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
    static final int CONTEXT_LINES = 3;

    /** Fewer unchanged lines than this between changes are shown rather than folded. */
    static final int MIN_FOLDED = 4;

    /** Above this many tokens on a side, a changed block is shown as a whole deletion and insertion. */
    static final int MAX_WORD_DIFF_TOKENS = 20_000;

    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}_]+|[^\\s\\p{L}\\p{N}_]");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /**
     * @param html          the HTML fragment (a {@code div.diff}); never includes unescaped input
     * @param insertedWords words inside {@code <ins>}
     * @param deletedWords  words inside {@code <del>}
     */
    public record Result(String html, int insertedWords, int deletedWords, List<TextChange> changes) {
        public Result {
            changes = List.copyOf(changes);
        }

        public boolean identical() {
            return insertedWords == 0 && deletedWords == 0;
        }
    }

    /**
     * One changed passage, in the order of the text.
     *
     * @param anchor   the id of its element in {@link Result#html()}
     * @param position where it starts in the newer version, as a share (0..1) of its lines
     * @param words    its deleted and added words, for searching
     */
    public record TextChange(String anchor, double position, String words) {
    }

    /** Characters of changed words kept per change for searching. */
    static final int MAX_SEARCH_WORDS = 2_000;

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
            if (start > position) blocks.add(new Block(a.subList(position, start), null, null, 0));
            blocks.add(new Block(null, delta.getSource().getLines(), delta.getTarget().getLines(), delta.getTarget().getPosition()));
            position = start + delta.getSource().size();
        }
        if (position < a.size()) blocks.add(new Block(a.subList(position, a.size()), null, null, 0));

        Counts counts = new Counts();
        List<TextChange> changes = new ArrayList<>();
        StringBuilder html = new StringBuilder("<div class=\"diff\">\n");
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (block.equal != null) {
                unchanged(html, block.equal, i == 0, i == blocks.size() - 1, blocks.size() == 1);
            } else {
                String anchor = "text-change-" + (changes.size() + 1);
                String deleted = String.join("\n", block.deleted);
                String inserted = String.join("\n", block.inserted);
                changed(html, anchor, deleted, inserted, counts);
                double share = b.isEmpty() ? 0 : Math.min(1.0, (double) block.targetLine / b.size());
                changes.add(new TextChange(anchor, share, searchWords(deleted + " " + inserted)));
            }
        }
        html.append("</div>\n");
        return new Result(html.toString(), counts.inserted, counts.deleted, changes);
    }

    private static String searchWords(String text) {
        StringBuilder words = new StringBuilder();
        Matcher m = WORD.matcher(text);
        while (m.find() && words.length() < MAX_SEARCH_WORDS) {
            if (words.length() > 0) words.append(' ');
            words.append(m.group());
        }
        return words.toString();
    }

    private record Block(List<String> equal, List<String> deleted, List<String> inserted, int targetLine) {
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
        // Folding fewer lines than a screenful of context saves nothing and costs a click.
        if (only || lines.size() < head + tail + MIN_FOLDED) {
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

    private static void changed(StringBuilder html, String anchor, String deleted, String inserted, Counts counts) {
        html.append("<div class=\"lines changed\" id=\"").append(anchor).append("\" tabindex=\"-1\">");
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
        List<Op> ops = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(from, to).getDeltas()) {
            int start = delta.getSource().getPosition();
            if (start > position) ops.add(new Op(Kind.EQUAL, from.subList(position, start)));
            if (delta.getType() != DeltaType.INSERT) ops.add(new Op(Kind.DELETED, delta.getSource().getLines()));
            if (delta.getType() != DeltaType.DELETE) ops.add(new Op(Kind.INSERTED, delta.getTarget().getLines()));
            position = start + delta.getSource().size();
        }
        if (position < from.size()) ops.add(new Op(Kind.EQUAL, from.subList(position, from.size())));
        for (int i = 1; i + 1 < ops.size(); i++) {
            if (ops.get(i).kind != Kind.EQUAL && ops.get(i - 1).kind == Kind.EQUAL && ops.get(i + 1).kind == Kind.EQUAL) {
                slide(ops, i);
            }
        }

        List<Segment> segments = new ArrayList<>();
        for (Op op : ops) {
            if (op.tokens.isEmpty()) continue;
            String text = String.join("", op.tokens);
            if (op.kind == Kind.EQUAL) {
                segments.add(new Segment(text));
            } else {
                Segment change = changeToExtend(segments);
                (op.kind == Kind.DELETED ? change.deleted : change.inserted).append(text);
            }
        }
        return segments;
    }

    private enum Kind { EQUAL, DELETED, INSERTED }

    private static final class Op {
        final Kind kind;
        List<String> tokens;

        Op(Kind kind, List<String> tokens) {
            this.kind = kind;
            this.tokens = new ArrayList<>(tokens);
        }
    }

    /**
     * Moves a lone insertion or deletion along the equal text around it, where the same tokens
     * repeat, to where it starts and ends on a line break or a space: an added list item then
     * reads as a whole added line, not as the tail of one item glued to the head of the next.
     */
    private static void slide(List<Op> ops, int index) {
        List<String> left = new ArrayList<>(ops.get(index - 1).tokens);
        List<String> middle = new ArrayList<>(ops.get(index).tokens);
        List<String> right = new ArrayList<>(ops.get(index + 1).tokens);
        while (!left.isEmpty() && last(left).equals(last(middle))) {
            right.add(0, middle.remove(middle.size() - 1));
            middle.add(0, left.remove(left.size() - 1));
        }
        int bestShift = 0;
        int bestScore = score(left, middle, right);
        List<String> l = new ArrayList<>(left);
        List<String> m = new ArrayList<>(middle);
        List<String> r = new ArrayList<>(right);
        for (int shift = 1; !r.isEmpty() && r.get(0).equals(m.get(0)); shift++) {
            l.add(m.remove(0));
            m.add(r.remove(0));
            int score = score(l, m, r);
            if (score > bestScore) {
                bestScore = score;
                bestShift = shift;
            }
        }
        for (int shift = 0; shift < bestShift; shift++) {
            left.add(middle.remove(0));
            middle.add(right.remove(0));
        }
        ops.get(index - 1).tokens = left;
        ops.get(index).tokens = middle;
        ops.get(index + 1).tokens = right;
    }

    private static int score(List<String> left, List<String> middle, List<String> right) {
        int start = left.isEmpty() || last(left).indexOf('\n') >= 0 ? 2
                : last(left).isBlank() || middle.get(0).isBlank() ? 1 : 0;
        int end = right.isEmpty() || right.get(0).indexOf('\n') >= 0 || last(middle).indexOf('\n') >= 0 ? 2
                : right.get(0).isBlank() || last(middle).isBlank() ? 1 : 0;
        return start + end;
    }

    private static String last(List<String> tokens) {
        return tokens.get(tokens.size() - 1);
    }

    private static Segment changeToExtend(List<Segment> segments) {
        int n = segments.size();
        if (n >= 1 && segments.get(n - 1).equal == null) return segments.get(n - 1);
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
