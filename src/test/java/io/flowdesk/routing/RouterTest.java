package io.flowdesk.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowdesk.routing.Decision.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The pure pipeline on a small team: ann (offline), bob (at capacity), cat (off shift), and three eligible agents,
 * dan and eve tied on everything the chooser weighs, fay with more load and better skills.
 */
class RouterTest {

    static final Instant T0 = Instant.parse("2026-12-02T01:00:00Z");

    static Agent agent(String name, Availability status, int load, boolean onShift, Instant last,
            Map<String, Integer> skills) {
        return new Agent(name, name, status, skills, load, 10, onShift, last);
    }

    static List<Agent> team() {
        return List.of(
                agent("ann", Availability.OFFLINE, 0, true, null, Map.of("network", 5)),
                agent("bob", Availability.ONLINE, 10, true, null, Map.of("network", 5)),
                agent("cat", Availability.ONLINE, 0, false, null, Map.of("network", 5)),
                agent("dan", Availability.ONLINE, 2, true, T0, Map.of("network", 2)),
                agent("eve", Availability.ONLINE, 2, true, T0, Map.of("network", 2)),
                agent("fay", Availability.ONLINE, 4, true, T0.minusSeconds(60), Map.of("network", 4)),
                agent("gus", Availability.AWAY, 0, true, null, Map.of("network", 5)));
    }

    static RoutingTask task(Strategy strategy, Map<String, Integer> skills, String lastServer) {
        return new RoutingTask("t1", 1, "it-support", strategy, skills, "P3", lastServer);
    }

    static void assertLeftOut(Decision d) {
        Map<String, Reason> why = d.excluded().stream()
                .collect(Collectors.toMap(Decision.Exclusion::username, Decision.Exclusion::reason));
        assertEquals(Reason.OFFLINE, why.get("ann"));
        assertEquals(Reason.AT_CAPACITY, why.get("bob"));
        assertEquals(Reason.OFF_SHIFT, why.get("cat"));
        assertEquals(Reason.AWAY, why.get("gus"));
        assertEquals("10/10", d.excluded().stream().filter(e -> e.username().equals("bob")).findFirst().orElseThrow()
                .detail());
        assertEquals(List.of("dan", "eve", "fay"), d.candidates().stream().map(Decision.Candidate::username).sorted()
                .toList(), "only the eligible are candidates");
    }

    @Test
    void roundRobinTakesWhoWaitedLongestAndLeavesOutOfflineFullOffShiftAndAway() {
        Decision d = Router.decide(task(Strategy.ROUND_ROBIN, Map.of(), null), team());
        assertLeftOut(d);
        assertEquals("fay", d.chosen(), "fay's last assignment is the oldest");
        // dan and eve are tied on time: the user name decides, never chance
        assertEquals(List.of("fay", "dan", "eve"), d.candidates().stream().map(Decision.Candidate::username).toList());
    }

    @Test
    void leastLoadedBreaksTheTieByLastAssignmentThenUserName() {
        Decision d = Router.decide(task(Strategy.LEAST_LOADED, Map.of(), null), team());
        assertLeftOut(d);
        assertEquals("dan", d.chosen(), "dan and eve carry 2 and were assigned at the same instant: dan by name");
        assertEquals(List.of("dan", "eve", "fay"), d.candidates().stream().map(Decision.Candidate::username).toList());
        List<Agent> evePrevious = new ArrayList<>(team());
        evePrevious.replaceAll(a -> a.username().equals("eve") ? agent("eve", Availability.ONLINE, 2, true,
                T0.minusSeconds(1), Map.of("network", 2)) : a);
        assertEquals("eve", Router.decide(task(Strategy.LEAST_LOADED, Map.of(), null), evePrevious).chosen(),
                "same load: who waited longer since the last assignment");
    }

    @Test
    void bestSkillScoresTheRequiredSkillsAndLeavesOutWhoLacksThem() {
        List<Agent> members = new ArrayList<>(team());
        members.add(agent("hal", Availability.ONLINE, 0, true, null, Map.of("printer", 5)));
        Decision d = Router.decide(task(Strategy.BEST_SKILL, Map.of("network", 2), null), members);
        assertLeftOut(d);
        assertEquals("fay", d.chosen(), "network 4 beats 2 although fay carries more");
        assertEquals(4, d.candidates().get(0).skillScore());
        Decision.Exclusion hal = d.excluded().stream().filter(e -> e.username().equals("hal")).findFirst()
                .orElseThrow();
        assertEquals(Reason.MISSING_SKILL, hal.reason());
        assertEquals("network:2", hal.detail());
        // equal skill: the lower load, then the longer wait, then the name
        assertEquals(List.of("fay", "dan", "eve"), d.candidates().stream().map(Decision.Candidate::username).toList());
        assertTrue(Router.decide(task(Strategy.BEST_SKILL, Map.of("network", 5), null), members).emptyPool(),
                "level 5 is held only by agents who are offline, full, off shift or away");
    }

    @Test
    void stickyKeepsTheCustomersAgentWhenEligibleElseRoundRobin() {
        Decision kept = Router.decide(task(Strategy.STICKY, Map.of(), "eve"), team());
        assertLeftOut(kept);
        assertEquals("eve", kept.chosen());
        assertFalse(kept.fallback());
        assertEquals("eve", kept.candidates().get(0).username());

        Decision offShift = Router.decide(task(Strategy.STICKY, Map.of(), "cat"), team());
        assertEquals("fay", offShift.chosen(), "cat is off shift: round robin");
        assertTrue(offShift.fallback());

        Decision none = Router.decide(task(Strategy.STICKY, Map.of(), null), team());
        assertEquals("fay", none.chosen());
        assertTrue(none.fallback());
    }

    @Test
    void queueChoosesNobodyButStillSaysWhoCould() {
        Decision d = Router.decide(task(Strategy.QUEUE, Map.of(), null), team());
        assertLeftOut(d);
        assertNull(d.chosen());
        assertFalse(d.emptyPool(), "the queue is today's behaviour, not a failure");
    }

    @Test
    void anEmptyPoolNeverFallsBackToEveryone() {
        List<Agent> nobody = List.of(agent("ann", Availability.OFFLINE, 0, true, null, Map.of()),
                agent("bob", Availability.ONLINE, 12, true, null, Map.of()));
        for (Strategy s : List.of(Strategy.ROUND_ROBIN, Strategy.LEAST_LOADED, Strategy.BEST_SKILL, Strategy.STICKY)) {
            Decision d = Router.decide(task(s, Map.of(), "bob"), nobody);
            assertNull(d.chosen(), s.id());
            assertTrue(d.emptyPool(), s.id());
            assertEquals(2, d.excluded().size());
        }
        assertTrue(Router.decide(task(Strategy.ROUND_ROBIN, Map.of(), null), List.of()).emptyPool(),
                "no members: nobody");
    }

    @Test
    void aThousandRoundRobinAssignmentsOverFiveEqualAgentsDifferByAtMostOne() {
        Map<String, Instant> last = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        List<String> names = List.of("a1", "a2", "a3", "a4", "a5");
        Instant now = T0;
        for (int i = 0; i < 1000; i++) {
            List<Agent> agents = names.stream().map(n -> agent(n, Availability.ONLINE, 0, true, last.get(n),
                    Map.of())).toList();
            String chosen = Router.decide(task(Strategy.ROUND_ROBIN, Map.of(), null), agents).chosen();
            count.merge(chosen, 1, Integer::sum);
            now = now.plusMillis(i % 3 == 0 ? 1 : 0); // most assignments share a clock tick
            last.put(chosen, Router.stamp(now, agents));
        }
        int max = count.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        int min = names.stream().mapToInt(n -> count.getOrDefault(n, 0)).min().orElseThrow();
        assertEquals(1000, count.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(max - min <= 1, "counts " + count);
    }

    @Test
    void theSameInputAlwaysGivesTheSameDecision() {
        List<Agent> shuffled = new ArrayList<>(team());
        java.util.Collections.reverse(shuffled);
        for (Strategy s : Strategy.values()) {
            assertEquals(Router.decide(task(s, Map.of("network", 1), "dan"), team()),
                    Router.decide(task(s, Map.of("network", 1), "dan"), shuffled), s.id());
        }
    }

    @Test
    void strategyIdsAndSkillsAttribute() {
        assertEquals(Strategy.QUEUE, Strategy.of(null));
        assertEquals(Strategy.QUEUE, Strategy.of("nonsense"));
        assertEquals(Strategy.BEST_SKILL, Strategy.of("best-skill"));
        assertEquals(Map.of("network", 3, "printer", 1), Skills.parse("network:3, printer:1"));
        assertEquals(Map.of("network", 5, "x", 1), Skills.parse("network:9,x"));
        assertEquals(4, Load.weight("P1"));
        assertEquals(2, Load.weight("P2"));
        assertEquals(1, Load.weight("P3"));
        assertEquals(1, Load.weight("P4"));
    }
}
