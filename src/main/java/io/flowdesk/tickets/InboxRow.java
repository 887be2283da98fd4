package io.flowdesk.tickets;

import java.time.OffsetDateTime;

/**
 * One line of an inbox: a task (MINE, QUEUE) or a ticket (OPEN, where taskId is null); {@code slaDueAt} and
 * {@code slaState} are the ticket's earliest open SLA deadline and worst state (null without an SLA).
 */
public record InboxRow(String taskId, String number, String title, String type, String priority, String status,
        String stepZh, String stepEn, String department, String assignee, String customerName,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, boolean test, OffsetDateTime slaDueAt, String slaState) {

    public InboxRow(String taskId, String number, String title, String type, String priority, String status,
            String stepZh, String stepEn, String department, String assignee, String customerName,
            OffsetDateTime createdAt, OffsetDateTime updatedAt, boolean test) {
        this(taskId, number, title, type, priority, status, stepZh, stepEn, department, assignee, customerName,
                createdAt, updatedAt, test, null, null);
    }

    public InboxRow(String taskId, String number, String title, String type, String priority, String status,
            String stepZh, String stepEn, String department, String assignee, String customerName,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        this(taskId, number, title, type, priority, status, stepZh, stepEn, department, assignee, customerName,
                createdAt, updatedAt, false);
    }
}
