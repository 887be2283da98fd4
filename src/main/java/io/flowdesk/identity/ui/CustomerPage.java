package io.flowdesk.identity.ui;

/** Marks a customer portal view: customers only; others are sent to the workspace. */
public interface CustomerPage {
}
