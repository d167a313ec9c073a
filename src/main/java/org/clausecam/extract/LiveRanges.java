package org.clausecam.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Node;

/** Ranges that stay live while nodes are removed, as DOM Ranges do. */
final class LiveRanges {
    private final List<DomRange> ranges = new ArrayList<>();

    void add(DomRange range) {
        ranges.add(range);
    }

    List<DomRange> all() {
        return ranges;
    }

    void remove(Node node) {
        Node parent = node.parent();
        if (parent == null) return;
        int index = node.siblingIndex();
        for (DomRange range : ranges) range.nodeRemoved(node, parent, index);
        node.remove();
    }
}
