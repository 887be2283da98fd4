package io.flowdesk.identity;

/** The roles FlowDesk knows. Departments are separate: they are Flowable candidate groups. */
public final class Role {

    public static final String ADMIN = "admin";
    public static final String DESIGNER = "designer";
    public static final String SUPERVISOR = "supervisor";
    public static final String AGENT = "agent";
    public static final String STAFF = "staff";
    public static final String CUSTOMER = "customer";
    /** External partner: sees only tasks and tickets assigned to them, with personal data masked. */
    public static final String PARTNER = "partner";

    private Role() {
    }
}
