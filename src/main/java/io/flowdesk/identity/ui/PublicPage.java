package io.flowdesk.identity.ui;

/** Marks a view that anyone may open without signing in (login, sign-up, status lookup). */
public interface PublicPage {
}
