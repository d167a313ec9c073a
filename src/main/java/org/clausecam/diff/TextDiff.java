package org.clausecam.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

import java.util.Arrays;
import java.util.List;

/** Unified line diffs between two Markdown versions, in the format of {@code diff -u}. */
public final class TextDiff {

    private static final int CONTEXT_LINES = 3;

    private TextDiff() {
    }

    /**
     * The unified diff of {@code before} and {@code after}, labelled with the given names; empty
     * when the texts are equal.
     */
    public static String unified(String beforeName, String before, String afterName, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        if (patch.getDeltas().isEmpty()) return "";
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff(beforeName, afterName, a, patch, CONTEXT_LINES);
        return String.join("\n", out) + "\n";
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
    }
}
