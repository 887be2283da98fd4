package io.flowdesk.routing;

import java.util.List;

/**
 * The router's answer, the same for a dry run (preview) and the real thing.
 *
 * @param chosen the agent, or null (queue strategy, or nobody eligible)
 * @param candidates the eligible agents, best first, with what was weighed
 * @param excluded the members left out, each with the first reason that ruled them out
 * @param fallback true when sticky found no eligible previous agent and used round robin
 */
public record Decision(Strategy strategy, String chosen, List<Candidate> candidates, List<Exclusion> excluded,
        boolean fallback) {

    public Decision {
        candidates = List.copyOf(candidates);
        excluded = List.copyOf(excluded);
    }

    /** An automatic strategy found nobody: the task waits in the queue, flagged. */
    public boolean emptyPool() {
        return strategy != Strategy.QUEUE && chosen == null;
    }

    /** An eligible agent and what counted. {@code skillScore} is the sum of their levels over the required skills. */
    public record Candidate(String username, int load, int capacity, int skillScore) {
    }

    /** Why a member was left out. */
    public enum Reason {
        OFFLINE("offline"), AWAY("away"), OFF_SHIFT("offShift"), MISSING_SKILL("missingSkill"),
        AT_CAPACITY("atCapacity");

        private final String id;

        Reason(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** {@code detail}: the missing skill and its level (missingSkill) or "load/capacity" (atCapacity). */
    public record Exclusion(String username, Reason reason, String detail) {
    }
}
