package io.flowdesk.workflow;

import io.flowdesk.shared.Conflict;
import io.flowdesk.shared.NotFound;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.Unavailable;
import io.flowdesk.workflow.internal.FlowableEngineFactory;
import io.flowdesk.workflow.internal.OutboxListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.Task;
import org.jboss.logging.Logger;

/**
 * FlowDesk's face of the Flowable engine. All methods block: call them through {@link EngineBridge}.
 * Engine exceptions are translated into FlowDesk's exception tree here.
 */
@ApplicationScoped
public class WorkflowEngine {

    private static final Logger LOG = Logger.getLogger(WorkflowEngine.class);

    private volatile ProcessEngine engine;

    /** Builds the engine on FlowDesk's database (creating or updating Flowable's tables). */
    public synchronized void start(DataSource dataSource, boolean asyncExecutor, String historyLevel) {
        if (engine == null) {
            long started = System.nanoTime();
            engine = FlowableEngineFactory.build(dataSource, asyncExecutor, historyLevel);
            LOG.infof("Flowable engine ready in %d ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    public synchronized void stop() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    public boolean isRunning() {
        return engine != null;
    }

    /**
     * Whether the engine runs its async job executor (timers, async continuations): false while the engine starts,
     * and when the executor was not activated or was shut down. Read by the readiness check.
     */
    public boolean jobExecutorActive() {
        ProcessEngine current = engine;
        if (current == null) {
            return false;
        }
        var executor = current.getProcessEngineConfiguration().getAsyncExecutor();
        return executor != null && executor.isActive();
    }

    ProcessEngine engine() {
        ProcessEngine current = engine;
        if (current == null) {
            throw new Unavailable(Text.of("ticket.error.engineStarting"));
        }
        return current;
    }

    /**
     * Deploys a BPMN under a deployment key. Identical content to the newest deployment of that key is not
     * deployed again (Flowable's duplicate filter), which makes start-up imports idempotent.
     */
    public Deployed deploy(String key, String name, String bpmnXml) {
        Deployment deployment = engine().getRepositoryService().createDeployment().key(key).name(name)
                .addString(key + ".bpmn20.xml", bpmnXml).enableDuplicateFiltering().deploy();
        ProcessDefinition definition = engine().getRepositoryService().createProcessDefinitionQuery()
                .deploymentId(deployment.getId()).singleResult();
        return new Deployed(deployment.getId(), definition.getId(), definition.getVersion());
    }

    /**
     * Starts the process of a ticket exactly once: under a transaction-scoped advisory lock on the ticket id it
     * looks for an instance with that business key (running or ended) and starts one only if there is none.
     */
    public String startTicketProcess(long ticketId, String processDefinitionId, Map<String, Object> variables) {
        return startOnce(ticketId, Long.toString(ticketId), processDefinitionId, variables);
    }

    /** Starts the flow again for the n-th reopening of a ticket, exactly once per (ticket, n). */
    public String startReopenedProcess(long ticketId, int reopening, String processDefinitionId,
            Map<String, Object> variables) {
        return startOnce(ticketId, ticketId + "-r" + reopening, processDefinitionId, variables);
    }

    /** Starts the flow of a ticket converted to another template, exactly once per (ticket, n-th conversion). */
    public String startConvertedProcess(long ticketId, int conversion, String processDefinitionId,
            Map<String, Object> variables) {
        return startOnce(ticketId, ticketId + "-c" + conversion, processDefinitionId, variables);
    }

    /**
     * Cancels a running process instance with a reason (its open tasks are deleted, its history says why); false
     * when it is not running (ended or cancelled already), so a repeated call changes nothing.
     */
    public boolean cancelProcess(String processInstanceId, String reason) {
        if (processInstanceId == null || engine().getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult() == null) {
            return false;
        }
        engine().getRuntimeService().deleteProcessInstance(processInstanceId, reason);
        return true;
    }

    /**
     * The engine's transaction rolls back whole when the flow cannot run (nothing is left half-started); what went
     * wrong is told as a {@link ProcessFailed}, permanent or passing.
     */
    private String startOnce(long ticketId, String businessKey, String processDefinitionId,
            Map<String, Object> variables) {
        ProcessEngine current = engine();
        try {
            return startOnce(current, ticketId, businessKey, processDefinitionId, variables);
        } catch (io.flowdesk.shared.FlowDeskException e) {
            throw e;
        } catch (RuntimeException e) {
            ProcessFailed failure = EngineFailures.classify(e,
                    () -> current.getRepositoryService().getBpmnModel(processDefinitionId));
            LOG.warnf("Ticket %d: the flow could not start (%s): %s", ticketId,
                    failure.permanent() ? "permanent" : "passing", e.getMessage());
            throw failure;
        }
    }

    private String startOnce(ProcessEngine current, long ticketId, String businessKey, String processDefinitionId,
            Map<String, Object> variables) {
        return current.getManagementService().executeCommand(context -> {
            try (PreparedStatement lock = CommandContextUtil.getDbSqlSession().getSqlSession().getConnection()
                    .prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ticketId);
                lock.execute();
            } catch (SQLException e) {
                throw new FlowableException("could not lock ticket " + ticketId, e);
            }
            HistoricProcessInstance existing = engine().getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(businessKey).singleResult();
            if (existing != null) {
                return existing.getId();
            }
            return engine().getRuntimeService().createProcessInstanceBuilder()
                    .processDefinitionId(processDefinitionId).businessKey(businessKey).variables(variables).start()
                    .getId();
        });
    }

    public Optional<String> findTicketProcess(long ticketId) {
        HistoricProcessInstance existing = engine().getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(Long.toString(ticketId)).singleResult();
        return Optional.ofNullable(existing).map(HistoricProcessInstance::getId);
    }

    public Optional<TaskInfo> task(String taskId) {
        Task task = engine().getTaskService().createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            return Optional.empty();
        }
        List<String> groups = engine().getTaskService().getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        String businessKey = engine().getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
        Long ticketId = OutboxListener.parse(businessKey);
        return Optional.of(new TaskInfo(task.getId(), task.getProcessInstanceId(), ticketId,
                task.getTaskDefinitionKey(), task.getName(), task.getAssignee(), groups, task.getFormKey()));
    }

    public void claim(String taskId, String username) {
        translate(() -> {
            engine().getTaskService().claim(taskId, username);
            return null;
        });
    }

    public void unclaim(String taskId) {
        translate(() -> {
            engine().getTaskService().unclaim(taskId);
            return null;
        });
    }

    /**
     * Completes a task as {@code username}, claiming it first when unassigned, in one engine transaction.
     * A task that is gone, or that someone else claimed or completed meanwhile, is a {@link Conflict}.
     */
    public void complete(String taskId, String username, Map<String, Object> variables, String submittedJson) {
        try {
            completeOnce(taskId, username, variables, submittedJson);
        } catch (io.flowdesk.shared.FlowDeskException e) {
            throw e;
        } catch (FlowableException e) {
            // A concurrent completion can make the engine read a task that was current when this transaction
            // began and an execution that has already moved on ("should not be signalled"). The transaction was
            // rolled back; if the task is gone now, someone else completed it.
            if (engine().getTaskService().createTaskQuery().taskId(taskId).count() == 0) {
                throw new Conflict(Text.of("ticket.error.completedBySomeoneElse", taskId), e);
            }
            // the engine refused what comes after the task (e.g. a condition): its transaction was rolled back,
            // so the task is still open (issue 15)
            ProcessFailed failure = EngineFailures.classify(e, () -> modelOfTask(taskId));
            LOG.warnf("Task %s could not be completed (%s): %s", taskId, failure.permanent() ? "permanent"
                    : "passing", e.getMessage());
            throw failure;
        } catch (RuntimeException e) {
            throw EngineFailures.classify(e, () -> modelOfTask(taskId));
        }
    }

    private org.flowable.bpmn.model.BpmnModel modelOfTask(String taskId) {
        Task task = engine().getTaskService().createTaskQuery().taskId(taskId).singleResult();
        return engine().getRepositoryService().getBpmnModel(task.getProcessDefinitionId());
    }

    private void completeOnce(String taskId, String username, Map<String, Object> variables, String submittedJson) {
        translate(() -> engine().getManagementService().executeCommand(context -> {
            Task task = engine().getTaskService().createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                throw new Conflict(Text.of("ticket.error.taskDone", taskId));
            }
            if (task.getAssignee() != null && !task.getAssignee().equals(username)) {
                throw new Conflict(Text.of("ticket.error.claimedBy", task.getAssignee()));
            }
            if (task.getAssignee() == null) {
                engine().getTaskService().claim(taskId, username);
            }
            Map<String, Object> transientVariables = new HashMap<>();
            transientVariables.put(OutboxListener.SUBMITTED_DATA, submittedJson);
            transientVariables.put(OutboxListener.ACTOR, username);
            String previous = Authentication.getAuthenticatedUserId();
            Authentication.setAuthenticatedUserId(username);
            try {
                engine().getTaskService().complete(taskId, variables, transientVariables);
            } finally {
                Authentication.setAuthenticatedUserId(previous);
            }
            return null;
        }));
    }

    /** Moves an open task to another department's queue (unassigned). */
    public void transferToDepartment(String taskId, String department) {
        translate(() -> engine().getManagementService().executeCommand(context -> {
            var taskService = engine().getTaskService();
            if (taskService.createTaskQuery().taskId(taskId).count() == 0) {
                throw new Conflict(Text.of("ticket.error.taskDone", taskId));
            }
            for (IdentityLink link : new java.util.ArrayList<>(taskService.getIdentityLinksForTask(taskId))) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                    taskService.deleteCandidateGroup(taskId, link.getGroupId());
                }
            }
            taskService.addCandidateGroup(taskId, department);
            taskService.setAssignee(taskId, null);
            return null;
        }));
    }

    /** Assigns an open task to a user (transfer to a person, e.g. an external partner). */
    public void assign(String taskId, String username) {
        translate(() -> {
            if (engine().getTaskService().createTaskQuery().taskId(taskId).count() == 0) {
                throw new Conflict(Text.of("ticket.error.taskDone", taskId));
            }
            engine().getTaskService().setAssignee(taskId, username);
            return null;
        });
    }

    /** Updates a process variable of a running ticket process (e.g. the priority after a change). */
    public void setTicketVariable(String processInstanceId, String name, Object value) {
        // the callers hold the ticket's row lock (ADR 0030), so only the engine's own writers (a step being completed
        // at the same moment) can race this; the value does not depend on what they wrote, so try again
        for (int attempt = 1; ; attempt++) {
            try {
                if (engine().getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId)
                        .count() > 0) {
                    engine().getRuntimeService().setVariable(processInstanceId, name, value);
                }
                return;
            } catch (FlowableOptimisticLockingException e) {
                if (attempt == 5) {
                    throw new Conflict(Text.of("ticket.error.concurrentChange"), e);
                }
            }
        }
    }

    /** The sequence flows one process instance took, one entry per time taken (Flowable's history). */
    public List<String> takenFlowsOf(String processInstanceId) {
        return engine().getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityType("sequenceFlow").list().stream().map(a -> a.getActivityId()).toList();
    }

    /** Direct access for FlowDesk's own internals (reconciler checks, tests); not for feature code. */
    public ProcessEngine processEngine() {
        return engine();
    }

    private static <T> T translate(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (FlowableObjectNotFoundException e) {
            throw new Conflict(Text.of("ticket.error.taskGone"), e);
        } catch (FlowableTaskAlreadyClaimedException e) {
            throw new Conflict(Text.of("ticket.error.claimedBySomeoneElse"), e);
        } catch (FlowableOptimisticLockingException e) {
            throw new Conflict(Text.of("ticket.error.concurrentChange"), e);
        }
    }
}
