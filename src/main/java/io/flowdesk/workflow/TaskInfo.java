package io.flowdesk.workflow;

import java.util.List;

/** An open user task as the engine sees it. */
public record TaskInfo(String id, String processInstanceId, Long ticketId, String taskDefKey, String name,
        String assignee, List<String> candidateGroups, String formKey) {
}
