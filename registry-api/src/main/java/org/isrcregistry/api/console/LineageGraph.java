package org.isrcregistry.api.console;

import java.util.ArrayList;
import java.util.List;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.projections.recording.Lineage;
import org.isrcregistry.projections.recording.RecordingState;

/**
 * A recording's lineage laid out as a small SVG graph: its parent above it, its new versions below, and for a music
 * video its audio beside it. Every box names its code, title and relation in text; the page lists them too.
 */
record LineageGraph(int width, int height, List<Node> nodes, List<Edge> edges) {

    static final int BOX_WIDTH = 250;
    static final int BOX_HEIGHT = 46;
    static final int GAP = 20;
    static final int ROW = 90;

    /** @param relation "parent", "this", "version" or "audio" (a message key) */
    record Node(String isrc, String display, String title, String relation, int x, int y) {
    }

    record Edge(int x1, int y1, int x2, int y2) {
    }

    static LineageGraph of(RecordingState recording, Lineage lineage) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        int columns = Math.max(1, lineage.children().size());
        int width = Math.max(columns * (BOX_WIDTH + GAP) + GAP, 2 * (BOX_WIDTH + GAP) + GAP);
        int center = width / 2 - BOX_WIDTH / 2;
        int y = GAP;
        if (lineage.parent() != null) {
            nodes.add(node(lineage.parent(), "parent", center, y));
            edges.add(new Edge(width / 2, y + BOX_HEIGHT, width / 2, y + ROW));
            y += ROW;
        }
        Node self = node(recording, "this", center, y);
        nodes.add(self);
        if (recording.audioIsrc() != null) {
            int x = Math.min(center + BOX_WIDTH + GAP, width - BOX_WIDTH - GAP / 2);
            if (x < center + BOX_WIDTH + GAP) {
                width += BOX_WIDTH + GAP;
                x = center + BOX_WIDTH + GAP;
            }
            Isrc audio = recording.audioIsrc();
            nodes.add(new Node(audio.value(), audio.display(), "", "audio", x, y));
            edges.add(new Edge(center + BOX_WIDTH, y + BOX_HEIGHT / 2, x, y + BOX_HEIGHT / 2));
        }
        int childrenY = y + ROW;
        int x = GAP + (width - GAP - columns * (BOX_WIDTH + GAP)) / 2;
        for (RecordingState child : lineage.children()) {
            nodes.add(node(child, "version", x, childrenY));
            edges.add(new Edge(width / 2, y + BOX_HEIGHT, x + BOX_WIDTH / 2, childrenY));
            x += BOX_WIDTH + GAP;
        }
        int height = (lineage.children().isEmpty() ? y + BOX_HEIGHT : childrenY + BOX_HEIGHT) + GAP;
        return new LineageGraph(width, height, nodes, edges);
    }

    private static Node node(RecordingState state, String relation, int x, int y) {
        String title = state.versionTitle() == null ? state.title() : state.title() + " (" + state.versionTitle() + ")";
        if (title.length() > 36) {
            title = title.substring(0, 35) + "…";
        }
        return new Node(state.isrc().value(), state.display(), title, relation, x, y);
    }
}
