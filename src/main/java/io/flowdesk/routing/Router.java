package io.flowdesk.routing;

import io.flowdesk.routing.Decision.Candidate;
import io.flowdesk.routing.Decision.Exclusion;
import io.flowdesk.routing.Decision.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The assignment pipeline, pure and deterministic: filters (availability, shift, skills, capacity) over the
 * department's members, then the task's chooser. Ties are broken by the time since the last assignment (longest
 * first, never assigned before all) and then by user name, never at random. Membership is the input itself: the
 * members list holds only the department's members, so an empty department never falls back to "everyone".
 */
public final class Router {

    private Router() {
    }

    /** Never assigned sorts before every instant. */
    static final Comparator<Agent> LONGEST_WAITING = Comparator
            .comparing((Agent a) -> a.lastAssignedAt() == null ? Instant.MIN : a.lastAssignedAt())
            .thenComparing(Agent::username);

    public static Decision decide(RoutingTask task, List<Agent> members) {
        List<Agent> eligible = new ArrayList<>();
        List<Exclusion> excluded = new ArrayList<>();
        for (Agent agent : members.stream().sorted(Comparator.comparing(Agent::username)).toList()) {
            Exclusion why = exclusion(task, agent);
            if (why == null) {
                eligible.add(agent);
            } else {
                excluded.add(why);
            }
        }
        Map<String, Integer> required = task.requiredSkills();
        Comparator<Agent> order = switch (task.strategy()) {
            case LEAST_LOADED -> Comparator.comparingInt(Agent::load).thenComparing(LONGEST_WAITING);
            case BEST_SKILL -> Comparator.comparingInt((Agent a) -> -score(a, required))
                    .thenComparingInt(Agent::load).thenComparing(LONGEST_WAITING);
            default -> LONGEST_WAITING;
        };
        eligible.sort(order);
        List<Candidate> candidates = eligible.stream()
                .map(a -> new Candidate(a.username(), a.load(), a.capacity(), score(a, required))).toList();
        String chosen = null;
        boolean fallback = false;
        if (task.strategy() == Strategy.STICKY) {
            String previous = task.lastServer();
            boolean stays = previous != null && eligible.stream().anyMatch(a -> a.username().equals(previous));
            chosen = stays ? previous : eligible.isEmpty() ? null : eligible.get(0).username();
            fallback = !stays && chosen != null;
            if (stays) {
                // the previous agent first, the others in round-robin order behind
                List<Candidate> reordered = new ArrayList<>(candidates);
                reordered.sort(Comparator.comparing((Candidate c) -> !c.username().equals(previous)));
                candidates = reordered;
            }
        } else if (task.strategy() != Strategy.QUEUE && !eligible.isEmpty()) {
            chosen = eligible.get(0).username();
        }
        return new Decision(task.strategy(), chosen, candidates, excluded, fallback);
    }

    /**
     * The instant to remember for an assignment made at {@code now}: strictly after every last assignment of the
     * members (by a microsecond, PostgreSQL's resolution), so two assignments never tie and round robin rotates even
     * when many are made within one clock tick. The store applies the same rule in SQL.
     */
    public static Instant stamp(Instant now, List<Agent> members) {
        Instant latest = members.stream().map(Agent::lastAssignedAt).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        return latest == null || now.isAfter(latest) ? now : latest.plusNanos(1000);
    }

    /** The sum of the agent's levels over the required skills. */
    static int score(Agent agent, Map<String, Integer> required) {
        int sum = 0;
        for (String skill : required.keySet()) {
            sum += agent.level(skill);
        }
        return sum;
    }

    /** The first filter that rules the agent out, or null when they are eligible. */
    static Exclusion exclusion(RoutingTask task, Agent agent) {
        if (agent.status() == Availability.OFFLINE) {
            return new Exclusion(agent.username(), Reason.OFFLINE, null);
        }
        if (agent.status() == Availability.AWAY) {
            return new Exclusion(agent.username(), Reason.AWAY, null);
        }
        if (!agent.onShift()) {
            return new Exclusion(agent.username(), Reason.OFF_SHIFT, null);
        }
        for (Map.Entry<String, Integer> skill : task.requiredSkills().entrySet()) {
            if (agent.level(skill.getKey()) < skill.getValue()) {
                return new Exclusion(agent.username(), Reason.MISSING_SKILL, skill.getKey() + ":" + skill.getValue());
            }
        }
        if (agent.load() >= agent.capacity()) {
            return new Exclusion(agent.username(), Reason.AT_CAPACITY, agent.load() + "/" + agent.capacity());
        }
        return null;
    }
}
