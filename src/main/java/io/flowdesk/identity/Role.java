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
    /** A service account: no password, no sign-in; other systems reach FlowDesk with its API tokens (ADR 0050). */
    public static final String SERVICE = "service";
    /**
     * Carried only by a request made with an API token of the {@code intake} scope (never stored on a user): lets
     * it hand mail and chat transcripts over (ADR 0050).
     */
    public static final String INTAKE = "intake";

    private Role() {
    }
}
