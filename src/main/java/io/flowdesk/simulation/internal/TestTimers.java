package io.flowdesk.simulation.internal;

import io.flowdesk.workflow.WorkflowEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.engine.ManagementService;
import org.flowable.job.api.Job;
import org.jboss.logging.Logger;

/**
 * The Flowable timers of one test ticket's process instance (ADR 0048). Blocking: call through the engine bridge.
 * The engine keeps its own clock (ADR 0018); a timer's due date is an engine instant, and the simulation judges it
 * by the offset the ticket had when the timer was created.
 */
@ApplicationScoped
public class TestTimers {

    private static final Logger LOG = Logger.getLogger(TestTimers.class);

    @Inject
    WorkflowEngine workflow;

    /** One waiting timer: its job, the BPMN element that drew it, due and created in engine time. */
    public record Timer(String jobId, String elementId, Instant engineDue, Instant created) {
    }

    public List<Timer> timers(String processInstanceId) {
        if (processInstanceId == null || !workflow.isRunning()) {
            return List.of();
        }
        return management().createTimerJobQuery().processInstanceId(processInstanceId).list().stream()
                .filter(job -> job.getDuedate() != null)
                .map(job -> new Timer(job.getId(), job.getElementId(), job.getDuedate().toInstant(),
                        job.getCreateTime() == null ? job.getDuedate().toInstant() : job.getCreateTime().toInstant()))
                .toList();
    }

    /** The engine's now (its own clock, not FlowClock). */
    public Instant engineNow() {
        return workflow.processEngine().getProcessEngineConfiguration().getClock().getCurrentTime().toInstant();
    }

    /**
     * Makes the timer executable and runs it now. Flowable deletes a job in the transaction that runs it, so a timer
     * runs once even when the async executor (or another node) takes the moved job first; false when it was gone.
     */
    public boolean fire(String jobId) {
        Job executable;
        try {
            executable = management().moveTimerToExecutableJob(jobId);
        } catch (FlowableObjectNotFoundException gone) {
            return false; // fired meanwhile
        }
        try {
            management().executeJob(executable.getId());
        } catch (FlowableObjectNotFoundException taken) {
            // the async executor ran it first: once is once
        } catch (FlowableException e) {
            // left executable: the async executor retries it as it would any failed job
            LOG.warnf("test ticket timer %s did not run now (%s); the job executor retries it", jobId, e.getMessage());
        }
        return true;
    }

    private ManagementService management() {
        return workflow.processEngine().getManagementService();
    }
}
