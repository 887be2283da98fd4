package io.flowdesk.workflow;

/**
 * What the engine records in the outbox for the tickets relay. {@code NOTIFY} is written by the fdNotify catalogue
 * service task with the payload {@code {"to":..,"message":..}}.
 */
public enum EngineEventKind {
    TASK_CREATED, TASK_ASSIGNED, TASK_COMPLETED, TASK_DELETED, END_REACHED, PROCESS_ENDED, PROCESS_CANCELLED, NOTIFY,
    /** The process instance was moved to another template version (ADR 0047); written before the engine moves it. */
    MIGRATED
}
