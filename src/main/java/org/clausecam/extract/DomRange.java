package org.clausecam.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * A DOM Range between two boundary points that sit between children of elements (as
 * {@code setStartBefore}/{@code setStartAfter}/{@code setEndBefore}/{@code setEndAfter} make them),
 * with the DOM's cloneContents and deleteContents, and the DOM's updates when nodes are removed
 * while the range is live.
 */
final class DomRange {
    private Node startContainer;
    private int startOffset;
    private Node endContainer;
    private int endOffset;

    private DomRange(Node startContainer, int startOffset, Node endContainer, int endOffset) {
        this.startContainer = startContainer;
        this.startOffset = startOffset;
        this.endContainer = endContainer;
        this.endOffset = endOffset;
    }

    /** The range as {@code setStart{Before|After}(start); setEnd{Before|After}(end)} would set it. */
    static DomRange between(Element start, boolean startBefore, Element end, boolean endBefore) {
        if (start.parent() == null || end.parent() == null) throw new IllegalArgumentException("range boundary has no parent");
        DomRange range = new DomRange(start.parent(), start.siblingIndex() + (startBefore ? 0 : 1),
                end.parent(), end.siblingIndex() + (endBefore ? 0 : 1));
        if (compare(range.endContainer, range.endOffset, range.startContainer, range.startOffset) < 0) {
            range.startContainer = range.endContainer;
            range.startOffset = range.endOffset;
        }
        return range;
    }

    boolean isCollapsed() {
        return startContainer == endContainer && startOffset == endOffset;
    }

    /** The DOM's cloneContents, as the list of a fragment's children. */
    List<Node> cloneContents() {
        List<Node> fragment = new ArrayList<>();
        if (isCollapsed()) return fragment;
        cloneInto(startContainer, startOffset, endContainer, endOffset, fragment);
        return fragment;
    }

    private static void cloneInto(Node startNode, int startOffset, Node endNode, int endOffset, List<Node> out) {
        if (startNode == endNode) {
            for (int i = startOffset; i < endOffset; i++) out.add(startNode.childNode(i).clone());
            return;
        }
        Node common = commonAncestor(startNode, endNode);
        Node firstPartial = isInclusiveAncestor(startNode, endNode) ? null : childTowards(common, startNode);
        Node lastPartial = isInclusiveAncestor(endNode, startNode) ? null : childTowards(common, endNode);
        int from = firstPartial == null ? startOffset : firstPartial.siblingIndex() + 1;
        int to = lastPartial == null ? endOffset : lastPartial.siblingIndex();
        if (firstPartial != null) {
            Node clone = shallowClone(firstPartial);
            out.add(clone);
            List<Node> sub = new ArrayList<>();
            cloneInto(startNode, startOffset, firstPartial, firstPartial.childNodeSize(), sub);
            for (Node n : sub) ((Element) clone).appendChild(n);
        }
        for (int i = from; i < to; i++) out.add(common.childNode(i).clone());
        if (lastPartial != null) {
            Node clone = shallowClone(lastPartial);
            out.add(clone);
            List<Node> sub = new ArrayList<>();
            cloneInto(lastPartial, 0, endNode, endOffset, sub);
            for (Node n : sub) ((Element) clone).appendChild(n);
        }
    }

    /** The DOM's deleteContents: removes every node wholly inside the range, keeping partial ancestors. */
    void deleteContents(LiveRanges ranges) {
        if (isCollapsed()) return;
        List<Node> contained = new ArrayList<>();
        collectContained(commonAncestor(startContainer, endContainer), contained);
        Node newNode;
        int newOffset;
        if (isInclusiveAncestor(startContainer, endContainer)) {
            newNode = startContainer;
            newOffset = startOffset;
        } else {
            Node reference = startContainer;
            while (reference.parent() != null && !isInclusiveAncestor(reference.parent(), endContainer)) reference = reference.parent();
            newNode = reference.parent();
            newOffset = reference.siblingIndex() + 1;
        }
        for (Node node : contained) ranges.remove(node);
        startContainer = newNode;
        startOffset = newOffset;
        endContainer = newNode;
        endOffset = newOffset;
    }

    private void collectContained(Node node, List<Node> out) {
        for (int i = 0; i < node.childNodeSize(); i++) {
            Node child = node.childNode(i);
            if (isContained(child)) {
                out.add(child);
            } else if (isInclusiveAncestor(child, startContainer) || isInclusiveAncestor(child, endContainer)) {
                collectContained(child, out);
            }
        }
    }

    private boolean isContained(Node node) {
        return compare(node, 0, startContainer, startOffset) > 0
                && compare(node, node.childNodeSize(), endContainer, endOffset) < 0;
    }

    /** The DOM's live-range update for the removal of {@code node} from {@code parent} at {@code index}. */
    void nodeRemoved(Node node, Node parent, int index) {
        if (isInclusiveAncestor(node, startContainer)) {
            startContainer = parent;
            startOffset = index;
        } else if (startContainer == parent && startOffset > index) {
            startOffset--;
        }
        if (isInclusiveAncestor(node, endContainer)) {
            endContainer = parent;
            endOffset = index;
        } else if (endContainer == parent && endOffset > index) {
            endOffset--;
        }
    }

    private static Node shallowClone(Node node) {
        return node instanceof Element element ? element.shallowClone() : node.clone();
    }

    private static Node childTowards(Node ancestor, Node descendant) {
        Node n = descendant;
        while (n.parent() != ancestor) n = n.parent();
        return n;
    }

    static boolean isInclusiveAncestor(Node ancestor, Node node) {
        for (Node n = node; n != null; n = n.parent()) {
            if (n == ancestor) return true;
        }
        return false;
    }

    private static Node commonAncestor(Node a, Node b) {
        for (Node n = a; n != null; n = n.parent()) {
            if (isInclusiveAncestor(n, b)) return n;
        }
        throw new IllegalStateException("range boundaries in different trees");
    }

    /** Tree order of boundary points (node, offset): negative when the first comes before the second. */
    private static int compare(Node nodeA, int offsetA, Node nodeB, int offsetB) {
        List<Integer> a = path(nodeA);
        a.add(offsetA);
        List<Integer> b = path(nodeB);
        b.add(offsetB);
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    private static List<Integer> path(Node node) {
        List<Integer> path = new ArrayList<>();
        for (Node n = node; n.parent() != null; n = n.parent()) path.add(0, n.siblingIndex());
        return path;
    }
}
