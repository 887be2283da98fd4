package io.flowdesk.workflow.internal;

import org.flowable.common.engine.api.FlowableException;

/**
 * The sandbox refused something in an expression: {@code kind} is {@code property}, {@code call}, {@code value} or
 * {@code assign}, {@code subject} what was refused. Typed so the engine's face can tell the person why.
 */
public class SandboxRefusal extends FlowableException {

    private final String kind;
    private final String subject;

    public SandboxRefusal(String kind, String subject, String message) {
        super(message);
        this.kind = kind;
        this.subject = subject;
    }

    public String kind() {
        return kind;
    }

    public String subject() {
        return subject;
    }
}
