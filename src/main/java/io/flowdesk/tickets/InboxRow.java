package io.flowdesk.tickets;

import java.time.OffsetDateTime;

/** One line of an inbox: a task (MINE, QUEUE) or a ticket (OPEN, where taskId is null). */
public record InboxRow(String taskId, String number, String title, String type, String priority, String status,
        String stepZh, String stepEn, String department, String assignee, String customerName,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, boolean test) {

    public InboxRow(String taskId, String number, String title, String type, String priority, String status,
            String stepZh, String stepEn, String department, String assignee, String customerName,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        this(taskId, number, title, type, priority, status, stepZh, stepEn, department, assignee, customerName,
                createdAt, updatedAt, false);
    }
}
