package io.flowdesk.workflow.internal;

import io.flowdesk.shared.Json;
import io.flowdesk.workflow.EngineEventKind;
import io.flowdesk.workflow.FlowDeskBpmn;
import io.flowdesk.workflow.ServiceTaskCatalogue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.UserTask;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.event.FlowableActivityEvent;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;

/**
 * Writes what happened in the engine to {@code engine_event} on the engine's own connection, so the row
 * commits or rolls back with the engine state it describes. The tickets relay turns rows into status,
 * tasks and timeline. Only processes whose business key is a ticket id are recorded.
 */
public class OutboxListener implements FlowableEventListener {

    public static final String SUBMITTED_DATA = "fdSubmitted";
    public static final String ACTOR = "fdActor";

    private static final String INSERT = "insert into engine_event (ticket_id, process_instance_id, kind, task_id,"
            + " payload_json) values (?, ?, ?, ?, ?)";

    /** Per process definition id: whether it has an fdAssign task (definitions never change once deployed). */
    private static final Map<String, Boolean> ROUTING = new ConcurrentHashMap<>();

    @Override
    public void onEvent(FlowableEvent event) {
        if (!(event.getType() instanceof FlowableEngineEventType type)) {
            return;
        }
        switch (type) {
            case TASK_CREATED -> task(event, EngineEventKind.TASK_CREATED);
            case TASK_ASSIGNED -> task(event, EngineEventKind.TASK_ASSIGNED);
            case TASK_COMPLETED -> task(event, EngineEventKind.TASK_COMPLETED);
            case ENTITY_DELETED -> {
                if (((FlowableEntityEvent) event).getEntity() instanceof TaskEntity) {
                    task(event, EngineEventKind.TASK_DELETED);
                }
            }
            case ACTIVITY_COMPLETED -> activity((FlowableActivityEvent) event);
            case PROCESS_COMPLETED, PROCESS_COMPLETED_WITH_TERMINATE_END_EVENT -> process(event,
                    EngineEventKind.PROCESS_ENDED);
            case PROCESS_CANCELLED -> process(event, EngineEventKind.PROCESS_CANCELLED);
            default -> {
            }
        }
    }

    private void task(FlowableEvent event, EngineEventKind kind) {
        Object entity = ((FlowableEntityEvent) event).getEntity();
        if (!(entity instanceof TaskEntity task) || task.getProcessInstanceId() == null) {
            return;
        }
        Long ticketId = ticketId(task.getProcessInstanceId());
        if (ticketId == null) {
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("taskDefKey", task.getTaskDefinitionKey());
        payload.put("assignee", task.getAssignee());
        if (kind == EngineEventKind.TASK_CREATED) {
            payload.put("name", task.getName());
            payload.put("formKey", task.getFormKey());
            FlowElement element = element(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
            if (element instanceof UserTask userTask) {
                payload.put("nameEn", userTask.getAttributeValue(FlowDeskBpmn.NS, FlowDeskBpmn.NAME_EN));
                payload.put("ticketStatus", userTask.getAttributeValue(FlowDeskBpmn.NS, FlowDeskBpmn.TICKET_STATUS));
                payload.put("candidateGroup", userTask.getCandidateGroups().isEmpty() ? null
                        : userTask.getCandidateGroups().get(0));
                payload.put("assignment", userTask.getAttributeValue(FlowDeskBpmn.NS, FlowDeskBpmn.ASSIGNMENT));
                payload.put("skills", userTask.getAttributeValue(FlowDeskBpmn.NS, FlowDeskBpmn.SKILLS));
                payload.put("targetMinutes", userTask.getAttributeValue(FlowDeskBpmn.NS, FlowDeskBpmn.TARGET_MINUTES));
            }
            route(task, payload);
        }
        if (kind == EngineEventKind.TASK_COMPLETED) {
            payload.put("submitted", task.getTransientVariable(SUBMITTED_DATA));
            payload.put("actor", task.getTransientVariable(ACTOR));
        }
        insert(ticketId, task.getProcessInstanceId(), kind, task.getId(), payload);
    }

    /**
     * fdAssign: a preceding "assign" service task left a department (and maybe a user) for the next step. The new
     * task is moved to that department's queue (and to the user), and the routing is consumed.
     */
    private static void route(TaskEntity task, Map<String, Object> payload) {
        if (!mayRoute(task.getProcessDefinitionId())) {
            return;
        }
        ExecutionEntity execution = CommandContextUtil.getExecutionEntityManager().findById(task.getExecutionId());
        if (execution == null) {
            return;
        }
        // by name: a task created by a job (a timer) would otherwise load every variable of each scope first
        Object department = execution.getVariable(ServiceTaskCatalogue.ROUTE_DEPARTMENT, false);
        Object user = execution.getVariable(ServiceTaskCatalogue.ROUTE_USER, false);
        if (department instanceof String target && !target.isBlank()) {
            Object original = payload.get("candidateGroup");
            if (original instanceof String group && !group.equals(target)) {
                task.deleteCandidateGroup(group);
            }
            task.addCandidateGroup(target);
            payload.put("candidateGroup", target);
            if (user instanceof String username && !username.isBlank()) {
                task.setAssignee(username);
                payload.put("assignee", username);
            }
            execution.removeVariable(ServiceTaskCatalogue.ROUTE_DEPARTMENT);
            execution.removeVariable(ServiceTaskCatalogue.ROUTE_USER);
        }
    }

    /**
     * Whether the process definition has an fdAssign service task, the only thing that leaves a routing: once per
     * definition (its model is cached by the engine), so the steps of every other process cost no variable lookup.
     */
    private static boolean mayRoute(String processDefinitionId) {
        if (processDefinitionId == null) {
            return true;
        }
        Boolean known = ROUTING.get(processDefinitionId);
        if (known != null) {
            return known;
        }
        BpmnModel model = ProcessDefinitionUtil.getBpmnModel(processDefinitionId);
        if (model == null) {
            return true;
        }
        String assign = "${" + ServiceTaskCatalogue.ASSIGN + "}";
        boolean routes = model.getProcesses().stream()
                .flatMap(process -> process.findFlowElementsOfType(ServiceTask.class, true).stream())
                .anyMatch(serviceTask -> serviceTask.getImplementation() != null
                        && assign.equals(serviceTask.getImplementation().strip()));
        ROUTING.put(processDefinitionId, routes);
        return routes;
    }

    private void activity(FlowableActivityEvent event) {
        if (!"endEvent".equals(event.getActivityType())) {
            return;
        }
        Long ticketId = ticketId(event.getProcessInstanceId());
        if (ticketId == null) {
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("endId", event.getActivityId());
        payload.put("name", event.getActivityName());
        FlowElement element = element(event.getProcessDefinitionId(), event.getActivityId());
        if (element != null) {
            payload.put("nameEn", element.getAttributeValue(FlowDeskBpmn.NS, FlowDeskBpmn.NAME_EN));
            payload.put("ticketStatus", element.getAttributeValue(FlowDeskBpmn.NS, FlowDeskBpmn.TICKET_STATUS));
        }
        insert(ticketId, event.getProcessInstanceId(), EngineEventKind.END_REACHED, null, payload);
    }

    private void process(FlowableEvent event, EngineEventKind kind) {
        if (!(event instanceof FlowableEntityEvent entityEvent)) {
            // a cancellation (deleteProcessInstance) is a FlowableCancelledEvent, not an entity event
            if (event instanceof org.flowable.engine.delegate.event.FlowableCancelledEvent cancelled
                    && cancelled.getProcessInstanceId() != null) {
                Long ticketId = ticketId(cancelled.getProcessInstanceId());
                if (ticketId != null) {
                    insert(ticketId, cancelled.getProcessInstanceId(), kind, null, Map.of());
                }
            }
            return;
        }
        Object entity = entityEvent.getEntity();
        if (!(entity instanceof ExecutionEntity execution)) {
            return;
        }
        Long ticketId = parse(execution.getProcessInstanceBusinessKey());
        if (ticketId != null) {
            insert(ticketId, execution.getProcessInstanceId(), kind, null, Map.of());
        }
    }

    /**
     * Records a notification of the fdNotify service task ({@link EngineEventKind#NOTIFY}) on the engine's
     * connection, so it commits or rolls back with the step that sent it. Non-ticket processes record nothing.
     */
    public static void recordNotification(DelegateExecution execution, Map<String, Object> payload) {
        Long ticketId = parse(execution.getProcessInstanceBusinessKey());
        if (ticketId != null) {
            insert(ticketId, execution.getProcessInstanceId(), EngineEventKind.NOTIFY, null, payload);
        }
    }

    private static Long ticketId(String processInstanceId) {
        ExecutionEntity instance = CommandContextUtil.getExecutionEntityManager().findById(processInstanceId);
        return instance == null ? null : parse(instance.getBusinessKey());
    }

    /** Business keys are {@code <ticketId>} or, for a reopened ticket, {@code <ticketId>-r<n>}. */
    public static Long parse(String businessKey) {
        if (businessKey == null || businessKey.isEmpty()) {
            return null;
        }
        int dash = businessKey.indexOf('-'); // "<id>-r<n>" reopened, "<id>-c<n>" converted
        String id = dash > 0 ? businessKey.substring(0, dash) : businessKey;
        if (id.isEmpty() || id.length() > 18) {
            return null;
        }
        for (int i = 0; i < id.length(); i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return null;
            }
        }
        if (dash > 0 && !businessKey.substring(dash + 2).matches("\\d{1,6}")) {
            return null;
        }
        return Long.parseLong(id);
    }

    private static FlowElement element(String processDefinitionId, String id) {
        BpmnModel model = ProcessDefinitionUtil.getBpmnModel(processDefinitionId);
        return model == null ? null : model.getFlowElement(id);
    }

    /** Inserts an outbox row on the connection of the engine command that is running (see EngineOutbox). */
    public static void insert(long ticketId, String processInstanceId, EngineEventKind kind, String taskId,
            Map<String, Object> payload) {
        Connection connection = CommandContextUtil.getDbSqlSession().getSqlSession().getConnection();
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setLong(1, ticketId);
            statement.setString(2, processInstanceId);
            statement.setString(3, kind.name());
            statement.setString(4, taskId);
            statement.setString(5, Json.write(payload));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new FlowableException("could not record engine event " + kind + " for ticket " + ticketId, e);
        }
    }

    @Override
    public boolean isFailOnException() {
        return true;
    }

    @Override
    public boolean isFireOnTransactionLifecycleEvent() {
        return false;
    }

    @Override
    public String getOnTransaction() {
        return null;
    }
}
