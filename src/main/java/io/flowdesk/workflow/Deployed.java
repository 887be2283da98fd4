package io.flowdesk.workflow;

/** Result of deploying a BPMN: Flowable's deployment and process definition ids. */
public record Deployed(String deploymentId, String processDefinitionId, int engineVersion) {
}
