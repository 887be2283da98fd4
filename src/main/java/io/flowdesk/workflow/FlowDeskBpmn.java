package io.flowdesk.workflow;

/** FlowDesk's BPMN extension attributes (namespace {@value #NS}). */
public final class FlowDeskBpmn {

    public static final String NS = "https://flowdesk.io/schema/bpmn";
    public static final String FLOWABLE_NS = "http://flowable.org/bpmn";
    /** English name; {@code name} holds zh-CN. */
    public static final String NAME_EN = "nameEn";
    /** The ticket status a user task or end event stands for. */
    public static final String TICKET_STATUS = "ticketStatus";

    /** User task: how the new task finds its person (queue, round-robin, least-loaded, best-skill, sticky). */
    public static final String ASSIGNMENT = "assignment";

    /** The values of {@link #ASSIGNMENT}; absent means {@code queue} (claimed by hand). */
    public static final java.util.List<String> ASSIGNMENTS = java.util.List.of("queue", "round-robin", "least-loaded",
            "best-skill", "sticky");

    /** User task: required skills with a minimum level, e.g. {@code network:3,printer:1}. */
    public static final String SKILLS = "skills";

    /** User task: the step's SLA target in working minutes of the ticket's SLA calendar. */
    public static final String TARGET_MINUTES = "targetMinutes";

    private FlowDeskBpmn() {
    }
}
