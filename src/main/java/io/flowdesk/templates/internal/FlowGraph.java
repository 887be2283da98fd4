package io.flowdesk.templates.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;

/**
 * The sequence flows of a process as a graph of element ids; a boundary event counts as leaving the task it is
 * attached to.
 *
 * @param next element id to the ids it leads to
 * @param previous element id to the ids leading to it
 */
record FlowGraph(Map<String, Set<String>> next, Map<String, Set<String>> previous) {

    static FlowGraph of(Process process) {
        Map<String, Set<String>> next = new HashMap<>();
        Map<String, Set<String>> previous = new HashMap<>();
        for (FlowElement element : process.getFlowElements()) {
            if (element instanceof SequenceFlow flow) {
                next.computeIfAbsent(flow.getSourceRef(), k -> new LinkedHashSet<>()).add(flow.getTargetRef());
                previous.computeIfAbsent(flow.getTargetRef(), k -> new LinkedHashSet<>()).add(flow.getSourceRef());
            }
            if (element instanceof BoundaryEvent boundary && boundary.getAttachedToRefId() != null) {
                next.computeIfAbsent(boundary.getAttachedToRefId(), k -> new LinkedHashSet<>()).add(boundary.getId());
                previous.computeIfAbsent(boundary.getId(), k -> new LinkedHashSet<>()).add(boundary.getAttachedToRefId());
            }
        }
        return new FlowGraph(next, previous);
    }

    /** The given ids and every id reachable from them. */
    Set<String> forward(Set<String> from) {
        return walk(from, next);
    }

    /** The given ids and every id from which one of them is reachable. */
    Set<String> backward(Set<String> from) {
        return walk(from, previous);
    }

    private static Set<String> walk(Set<String> from, Map<String, Set<String>> edges) {
        Set<String> seen = new HashSet<>(from);
        Deque<String> todo = new ArrayDeque<>(from);
        while (!todo.isEmpty()) {
            for (String target : edges.getOrDefault(todo.pop(), Set.of())) {
                if (seen.add(target)) {
                    todo.push(target);
                }
            }
        }
        return seen;
    }
}
