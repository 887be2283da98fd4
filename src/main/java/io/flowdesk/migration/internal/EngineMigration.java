package io.flowdesk.migration.internal;

import io.flowdesk.shared.Json;
import io.flowdesk.workflow.EngineEventKind;
import io.flowdesk.workflow.EngineOutbox;
import io.flowdesk.workflow.FlowDeskBpmn;
import io.flowdesk.workflow.WorkflowEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.IntermediateCatchEvent;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.ReceiveTask;
import org.flowable.bpmn.model.UserTask;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.migration.ActivityMigrationMapping;
import org.flowable.engine.migration.ProcessInstanceMigrationBuilder;

/**
 * Migration's adapter to Flowable (blocking: call through the engine bridge or from a worker thread): the wait states
 * of a definition, where instances stand, Flowable's own validation, and the move of one ticket in one engine
 * transaction together with its run row and outbox entry (ADR 0047).
 */
@ApplicationScoped
public class EngineMigration {

    @Inject
    WorkflowEngine workflow;

    /** Test hook for the crash test: how long a move holds its transaction open before committing (default none). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "flowdesk.migration.pause-before-commit",
            defaultValue = "PT0S")
    java.time.Duration pauseBeforeCommit;

    /** A step a ticket can wait in. */
    public record Step(String id, String nameZh, String nameEn, String formKey, Long targetMinutes) {
    }

    /** The wait states of a definition, in document order, and whether it runs branches in parallel. */
    public record Model(String processDefinitionId, Map<String, Step> steps, boolean parallel,
            java.util.Set<String> joins) {
    }

    public Model model(String processDefinitionId) {
        BpmnModel bpmn = engine().getRepositoryService().getBpmnModel(processDefinitionId);
        Map<String, Step> steps = new LinkedHashMap<>();
        boolean parallel = false;
        java.util.Set<String> joins = new java.util.TreeSet<>();
        for (var process : bpmn.getProcesses()) {
            for (FlowElement element : process.findFlowElementsOfType(FlowElement.class, true)) {
                if (element instanceof ParallelGateway || element instanceof org.flowable.bpmn.model.InclusiveGateway) {
                    parallel = true;
                    joins.add(element.getId());
                }
                if (element instanceof UserTask || element instanceof IntermediateCatchEvent
                        || element instanceof ReceiveTask) {
                    String zh = element.getName() == null ? element.getId() : element.getName();
                    String en = element.getAttributeValue(FlowDeskBpmn.NS, FlowDeskBpmn.NAME_EN);
                    String form = element instanceof UserTask task ? task.getFormKey() : null;
                    steps.put(element.getId(), new Step(element.getId(), zh, en == null || en.isBlank() ? zh : en, form,
                            minutes(element.getAttributeValue(FlowDeskBpmn.NS, FlowDeskBpmn.TARGET_MINUTES))));
                }
            }
        }
        return new Model(processDefinitionId, steps, parallel, joins);
    }

    /** Per process instance: the activities its executions stand in (user tasks, timers, a join it waits at). */
    public Map<String, List<String>> activeSteps(Collection<String> processInstanceIds) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (processInstanceIds.isEmpty()) {
            return result;
        }
        return engine().getManagementService().executeCommand(context -> {
            Connection db = CommandContextUtil.getDbSqlSession().getSqlSession().getConnection();
            try (PreparedStatement s = db.prepareStatement("select proc_inst_id_, act_id_ from act_ru_execution where"
                    + " proc_inst_id_ = any (?) and parent_id_ is not null and act_id_ is not null")) {
                s.setArray(1, db.createArrayOf("varchar", processInstanceIds.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            } catch (SQLException e) {
                throw new FlowableException("could not read where the instances stand", e);
            }
            result.values().forEach(list -> list.sort(String::compareTo));
            return result;
        });
    }

    /** Flowable's own validation of moving one instance with these mappings; empty when Flowable agrees. */
    public List<String> validate(String processInstanceId, String targetDefinitionId, Map<String, String> mappings) {
        try {
            return builder(targetDefinitionId, mappings).validateMigration(processInstanceId).getValidationMessages();
        } catch (FlowableException e) {
            return List.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** One ticket taken from a run. */
    public record Claimed(long ticketId, String processInstanceId, int sourceVersion, String dataJson,
            long templateVersionId, String engineState, List<String> active, String processDefinitionId) {
    }

    /** What to do with a claimed ticket: move it (mappings, variables, outbox payload), or refuse with a reason. */
    public interface Decider {
        Decision decide(Claimed claimed);
    }

    public record Decision(String targetDefinitionId, Map<String, String> mappings, Map<String, Object> variables,
            Map<String, Object> payload, Object refusal) {
    }

    /** Thrown inside the move command to roll it back and leave the ticket untouched, with the reason. */
    public static final class Refused extends RuntimeException {
        public final transient Object reason;
        public final long ticketId;

        public Refused(long ticketId, Object reason) {
            super("refused", null, false, false);
            this.ticketId = ticketId;
            this.reason = reason;
        }
    }

    /**
     * Takes the next pending ticket of a run ({@code FOR UPDATE SKIP LOCKED}, so nodes never take the same one), locks
     * the ticket row (ADR 0030), and in this one engine transaction writes the MIGRATED outbox entry, sets the filled
     * variables, moves the instance and marks the row MOVED. Returns the ticket id, or null when none is pending.
     * A refusal or an engine error rolls everything back and is thrown as {@link Refused}.
     */
    public Long moveNext(long runId, Decider decider) {
        long[] taken = {-1};
        try {
            return engine().getManagementService().executeCommand(context -> {
                Connection db = CommandContextUtil.getDbSqlSession().getSqlSession().getConnection();
                Claimed claimed = claim(db, runId);
                if (claimed == null) {
                    return null;
                }
                taken[0] = claimed.ticketId();
                Decision decision = decider.decide(claimed);
                if (decision.refusal() != null) {
                    throw new Refused(claimed.ticketId(), decision.refusal());
                }
                List<String> messages = validate(claimed.processInstanceId(), decision.targetDefinitionId(),
                        decision.mappings());
                if (!messages.isEmpty()) {
                    throw new Refused(claimed.ticketId(), String.join("; ", messages));
                }
                EngineOutbox.record(claimed.ticketId(), claimed.processInstanceId(), EngineEventKind.MIGRATED,
                        decision.payload());
                if (!decision.variables().isEmpty()) {
                    engine().getRuntimeService().setVariables(claimed.processInstanceId(), decision.variables());
                }
                builder(decision.targetDefinitionId(), decision.mappings()).migrate(claimed.processInstanceId());
                update(db, "update migration_ticket set state = 'MOVED', done_at = now() where run_id = ? and"
                        + " ticket_id = ?", runId, claimed.ticketId());
                if (!pauseBeforeCommit.isZero()) {
                    try {
                        Thread.sleep(pauseBeforeCommit.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new FlowableException("interrupted", e);
                    }
                }
                return claimed.ticketId();
            });
        } catch (Refused e) {
            throw e;
        } catch (RuntimeException e) {
            if (taken[0] < 0) {
                throw e;
            }
            throw new Refused(taken[0], e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** Marks a ticket of a run failed (still pending: another node may have done so first), in its own transaction. */
    public void fail(long runId, long ticketId, String storedReason, String englishReason) {
        engine().getManagementService().executeCommand(context -> {
            Connection db = CommandContextUtil.getDbSqlSession().getSqlSession().getConnection();
            try (PreparedStatement s = db.prepareStatement("update migration_ticket set state = 'FAILED', reason_text ="
                    + " ?, reason = ?, done_at = now() where run_id = ? and ticket_id = ? and state = 'PENDING'")) {
                s.setString(1, storedReason);
                s.setString(2, englishReason.length() > 500 ? englishReason.substring(0, 500) : englishReason);
                s.setLong(3, runId);
                s.setLong(4, ticketId);
                s.executeUpdate();
            } catch (SQLException e) {
                throw new FlowableException("could not record the failed ticket " + ticketId, e);
            }
            return null;
        });
    }

    private Claimed claim(Connection db, long runId) {
        try {
            long ticketId;
            String pid;
            int source;
            try (PreparedStatement s = db.prepareStatement("select ticket_id, process_instance_id, source_version from"
                    + " migration_ticket where run_id = ? and state = 'PENDING' order by ticket_id limit 1 for update"
                    + " skip locked")) {
                s.setLong(1, runId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    ticketId = rs.getLong(1);
                    pid = rs.getString(2);
                    source = rs.getInt(3);
                }
            }
            try (var s = db.createStatement()) {
                s.execute("set local lock_timeout = '10s'");
            }
            try (PreparedStatement s = db.prepareStatement("select data_json, template_version_id, engine_state from"
                    + " ticket where id = ? for update")) {
                s.setLong(1, ticketId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return new Claimed(ticketId, pid, source, "{}", -1, "GONE", List.of(), null);
                    }
                    List<String> active = activeSteps(List.of(pid)).getOrDefault(pid, List.of());
                    var instance = engine().getRuntimeService().createProcessInstanceQuery().processInstanceId(pid)
                            .singleResult();
                    return new Claimed(ticketId, pid, source, rs.getString(1), rs.getLong(2), rs.getString(3), active,
                            instance == null ? null : instance.getProcessDefinitionId());
                }
            }
        } catch (SQLException e) {
            throw new FlowableException("could not take a ticket of migration run " + runId, e);
        }
    }

    private static void update(Connection db, String sql, long runId, long ticketId) {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setLong(1, runId);
            s.setLong(2, ticketId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new FlowableException("could not record migration of ticket " + ticketId, e);
        }
    }

    private ProcessInstanceMigrationBuilder builder(String targetDefinitionId, Map<String, String> mappings) {
        ProcessInstanceMigrationBuilder builder = engine().getProcessMigrationService()
                .createProcessInstanceMigrationBuilder().migrateToProcessDefinition(targetDefinitionId);
        new TreeMap<>(mappings).forEach((from, to) -> {
            if (!from.equals(to)) {
                builder.addActivityMigrationMapping(ActivityMigrationMapping.createMappingFor(from, to));
            }
        });
        return builder;
    }

    private ProcessEngine engine() {
        return workflow.processEngine();
    }

    private static Long minutes(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long m = Long.parseLong(value.strip());
            return m > 0 ? m : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String json(Object value) {
        return Json.write(value);
    }
}
