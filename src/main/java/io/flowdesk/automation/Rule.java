package io.flowdesk.automation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An automation rule (ADR 0026): when its trigger happens to a ticket and its conditions hold, its actions run, once
 * per ticket and event. Rules run in {@code position} order; only enabled ones run.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rule(String key, String nameZh, String nameEn, Trigger trigger, Conditions conditions,
        List<Action> actions, Integer position, Boolean enabled) {

    public Rule {
        conditions = conditions == null ? new Conditions(List.of(), List.of()) : conditions;
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public boolean on() {
        return Boolean.TRUE.equals(enabled);
    }

    /**
     * What starts a rule. {@code type}: TICKET_CREATED, FIELD_CHANGED ({@code field}), STATUS_CHANGED ({@code status}
     * = the new status, optional), TASK_CREATED / TASK_COMPLETED ({@code step} = BPMN step key, optional),
     * COMMENT_ADDED ({@code by} = customer | staff | any), SLA_WARNING, SLA_BREACHED, TIME ({@code minutes} after the
     * event kind {@code since}, or before the SLA target {@code before}; {@code working} minutes of {@code calendar}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Trigger(String type, String field, String status, String step, String by, String since,
            String before, Integer minutes, Boolean working, String calendar) {

        public static Trigger of(String type) {
            return new Trigger(type, null, null, null, null, null, null, null, null, null);
        }
    }

    /** All of {@code all} and, when {@code any} is not empty, at least one of {@code any}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Conditions(List<Condition> all, List<Condition> any) {
        public Conditions {
            all = all == null ? List.of() : List.copyOf(all);
            any = any == null ? List.of() : List.copyOf(any);
        }
    }

    /**
     * {@code field}: type, priority, status, channel, department, assignee, tags, tier, title, description, text
     * (title and description), firstResponse, or {@code data.<form field>}. {@code op}: equals, notEquals, contains,
     * notContains, gt, lt, in (value: comma-separated list), empty, notEmpty.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Condition(String field, String op, String value) {
    }

    /**
     * {@code type}: priority ({@code value} P1..P4 or raise), route ({@code department} or {@code user}), addTag /
     * removeTag ({@code value}), watcher ({@code user}), notify ({@code to}: assignee | watchers | department |
     * supervisor | user, with {@code user}; {@code text}/{@code textEn}), reply / note ({@code text}/{@code textEn}
     * with placeholders), setField ({@code field}, {@code value}), webhook ({@code endpoint}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Action(String type, String value, String department, String user, String to, String field,
            String text, String textEn, String endpoint) {
    }
}
