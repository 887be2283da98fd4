package io.flowdesk.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.bpmn.model.FieldExtension;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;

/** The catalogue's data and its fdAssign / fdNotify delegates, on a stand-in execution. */
class ServiceTaskCatalogueTest {

    /** An execution positioned on a service task with the given parameters; variables land in {@code variables}. */
    static DelegateExecution execution(Map<String, Object> variables, String... parameters) {
        ServiceTask task = new ServiceTask();
        task.setId("svc");
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            FieldExtension field = new FieldExtension();
            field.setFieldName(parameters[i]);
            field.setStringValue(parameters[i + 1]);
            task.getFieldExtensions().add(field);
        }
        return (DelegateExecution) Proxy.newProxyInstance(DelegateExecution.class.getClassLoader(),
                new Class<?>[] {DelegateExecution.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getCurrentFlowElement" -> task;
                    case "setVariable" -> variables.put((String) args[0], args[1]);
                    case "removeVariable" -> variables.remove((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void entriesDescribeTheParameters() {
        assertEquals(List.of("fdSetField", "fdNotify", "fdAssign"),
                ServiceTaskCatalogue.ENTRIES.stream().map(ServiceTaskCatalogue.Entry::id).toList());
        assertEquals(ServiceTaskCatalogue.IDS, ServiceTaskCatalogue.delegates(
                (e, p) -> { }).keySet());
        ServiceTaskCatalogue.Entry assign = ServiceTaskCatalogue.entry("fdAssign").orElseThrow();
        assertTrue(assign.param("department").orElseThrow().required());
        assertFalse(assign.param("user").orElseThrow().required());
    }

    @Test
    void assignSetsTheRouteAndDropsAStaleUser() throws Exception {
        Map<String, Object> variables = new HashMap<>();
        JavaDelegate assign = (JavaDelegate) ServiceTaskCatalogue.delegates((e, p) -> { }).get("fdAssign");
        assign.execute(execution(variables, "department", "finance", "user", "finance1"));
        assertEquals(Map.of("fdRouteDepartment", "finance", "fdRouteUser", "finance1"), variables);
        assign.execute(execution(variables, "department", "warehouse"));
        assertEquals(Map.of("fdRouteDepartment", "warehouse"), variables);
        assertThrows(IllegalStateException.class, () -> assign.execute(execution(variables)));
    }

    @Test
    void notifyRecordsToAndMessageAndSetsNoVariables() throws Exception {
        List<Map<String, Object>> recorded = new ArrayList<>();
        Map<String, Object> variables = new HashMap<>();
        JavaDelegate notify = (JavaDelegate) ServiceTaskCatalogue.delegates((e, p) -> recorded.add(p)).get("fdNotify");
        notify.execute(execution(variables, "to", "department:finance", "message", "请退款"));
        assertEquals(List.of(Map.of("to", "department:finance", "message", "请退款")), recorded);
        assertEquals(List.of("to", "message"), List.copyOf(recorded.get(0).keySet()));
        assertTrue(variables.isEmpty());
        assertThrows(IllegalStateException.class, () -> notify.execute(execution(variables, "to", "customer")));
    }
}
