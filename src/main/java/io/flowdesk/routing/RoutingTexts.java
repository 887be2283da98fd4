package io.flowdesk.routing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowdesk.routing.Decision.Candidate;
import io.flowdesk.routing.Decision.Exclusion;
import io.flowdesk.shared.Json;
import io.flowdesk.shared.Text;
import java.util.ArrayList;
import java.util.List;

/** The words of a decision (kept as catalogue keys, put into the reader's language at the edge) and its details. */
public final class RoutingTexts {

    private RoutingTexts() {
    }

    public static Text strategy(Strategy strategy) {
        return Text.of(switch (strategy) {
            case QUEUE -> "routing.strategy.queue";
            case ROUND_ROBIN -> "routing.strategy.roundRobin";
            case LEAST_LOADED -> "routing.strategy.leastLoaded";
            case BEST_SKILL -> "routing.strategy.bestSkill";
            case STICKY -> "routing.strategy.sticky";
        });
    }

    public static Text availability(Availability status) {
        return Text.of("routing.status." + status.id());
    }

    /** Why: strategy, chosen, candidates with load (and skill score when skills count), who was left out and why. */
    public static Text why(Decision decision, boolean skills) {
        Text candidates = join(decision.candidates().stream().map(c -> candidate(c, skills)).toList());
        Text excluded = join(decision.excluded().stream().map(RoutingTexts::exclusion).toList());
        Text strategy = strategy(decision.strategy());
        if (decision.chosen() != null) {
            return Text.of(decision.fallback() ? "routing.why.stickyFallback" : "routing.why.assigned",
                    decision.chosen(), strategy, candidates, excluded);
        }
        if (decision.emptyPool()) {
            return Text.of("routing.why.empty", strategy, excluded);
        }
        return Text.of("routing.why.queue", strategy, candidates, excluded);
    }

    static Text candidate(Candidate c, boolean skills) {
        return skills ? Text.of("routing.candidate.skill", c.username(), c.load(), c.capacity(), c.skillScore())
                : Text.of("routing.candidate", c.username(), c.load(), c.capacity());
    }

    static Text exclusion(Exclusion e) {
        return Text.of("routing.excluded", e.username(), Text.of("routing.reason." + e.reason().id(),
                e.detail() == null ? "" : e.detail()));
    }

    static Text join(List<Text> items) {
        if (items.isEmpty()) {
            return Text.of("routing.none");
        }
        List<Text> shown = new ArrayList<>(items.subList(0, Math.min(items.size(), 12)));
        if (items.size() > 12) {
            shown.add(Text.of("routing.more", items.size() - 12));
        }
        Text joined = shown.get(0);
        for (int i = 1; i < shown.size(); i++) {
            joined = Text.of("routing.join", joined, shown.get(i));
        }
        return joined;
    }

    /** The decision as timeline details (and the decision log's JSON). */
    public static ObjectNode details(Decision decision) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("strategy", decision.strategy().id());
        node.put("chosen", decision.chosen());
        node.put("fallback", decision.fallback());
        node.set("candidates", candidates(decision.candidates()));
        node.set("excluded", excluded(decision.excluded()));
        return node;
    }

    public static ArrayNode candidates(List<Candidate> candidates) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        candidates.forEach(c -> array.addObject().put("username", c.username()).put("load", c.load())
                .put("capacity", c.capacity()).put("skillScore", c.skillScore()));
        return array;
    }

    public static ArrayNode excluded(List<Exclusion> excluded) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        excluded.forEach(e -> array.addObject().put("username", e.username()).put("reason", e.reason().id())
                .put("detail", e.detail()));
        return array;
    }
}
