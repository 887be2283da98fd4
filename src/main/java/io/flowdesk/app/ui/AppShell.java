package io.flowdesk.app.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;

/** Page-level settings of the Vaadin UI. */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
// server push for the live bell (ADR 0033). Long polling, not WebSocket: on Quarkus the WebSocket open runs on
// the Vert.x event loop and waits for the Vaadin session lock, deadlocking with a view that awaits a reactive query
@Push(value = PushMode.AUTOMATIC, transport = Transport.LONG_POLLING)
@PWA(name = "FlowDesk", shortName = "FlowDesk")
public class AppShell implements AppShellConfigurator {
}
