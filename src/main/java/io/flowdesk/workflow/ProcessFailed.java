package io.flowdesk.workflow;

import io.flowdesk.shared.FlowDeskException;
import io.flowdesk.shared.Text;

/**
 * The engine could not run a ticket's flow (issue 15, ADR 0041). Permanent (a condition the sandbox refuses, a
 * step that cannot run): trying again changes nothing, so the answer is 422 and the ticket is marked failed.
 * Passing (a lock or connection lost): 409, and it may be tried again.
 */
public class ProcessFailed extends FlowDeskException {

    private final boolean permanent;
    private final Text reason;

    public ProcessFailed(Text reason, boolean permanent, Throwable cause) {
        this(reason, reason, permanent, cause);
    }

    private ProcessFailed(Text text, Text reason, boolean permanent, Throwable cause) {
        super(text, cause);
        this.permanent = permanent;
        this.reason = reason;
    }

    /**
     * The same failure told with more context (e.g. the ticket it hit); the reason stays the engine's. {@code final}:
     * whether the ticket is now failed for good (a passing failure seen too often is).
     */
    public ProcessFailed about(Text text, boolean last) {
        return new ProcessFailed(text, reason, permanent || last, getCause());
    }

    public boolean permanent() {
        return permanent;
    }

    /** What the engine refused, without context: the sentence kept on a failed ticket. */
    public Text reason() {
        return reason;
    }

    @Override
    public int status() {
        return permanent ? 422 : 409;
    }

    @Override
    public String titleKey() {
        return "problem.title.processFailed";
    }
}
