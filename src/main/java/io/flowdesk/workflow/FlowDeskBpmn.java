package io.flowdesk.workflow;

/** FlowDesk's BPMN extension attributes (namespace {@value #NS}). */
public final class FlowDeskBpmn {

    public static final String NS = "https://flowdesk.io/schema/bpmn";
    public static final String FLOWABLE_NS = "http://flowable.org/bpmn";
    /** English name; {@code name} holds zh-CN. */
    public static final String NAME_EN = "nameEn";
    /** The ticket status a user task or end event stands for. */
    public static final String TICKET_STATUS = "ticketStatus";

    private FlowDeskBpmn() {
    }
}
