package io.flowdesk.tokens.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.ui.UiSession;
import io.flowdesk.shared.Text;
import io.flowdesk.shared.ui.Ui;
import io.flowdesk.shell.MainLayout;
import io.flowdesk.tokens.TokenService;

/** My API tokens: create (the secret shown once), list with the last use, revoke (ADR 0050). */
@Route(value = "me/tokens", layout = MainLayout.class)
@PageTitle("FlowDesk")
@StyleSheet("fd-tokens.css")
public class TokensView extends VerticalLayout implements BeforeEnterObserver {

    private final TokenService tokens;

    public TokensView(TokenService tokens) {
        this.tokens = tokens;
        addClassName("fd-tokens");
        setMaxWidth("56em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CurrentUser user = UiSession.user().orElseThrow();
        if (user.isCustomer()) {
            event.forwardTo("");
            return;
        }
        removeAll();
        add(new H2(Ui.text(Text.of("tokens.view.title"))));
        Paragraph help = new Paragraph(Ui.text(Text.of("tokens.view.help")));
        help.addClassName("fd-hint");
        add(help);
        add(new TokenPanel("token-", tokens.grantable(user), () -> Ui.await(() -> tokens.mine(user)),
                request -> Ui.await(() -> tokens.createMine(user, request)),
                id -> Ui.await(() -> tokens.revokeMine(user, id)), false));
    }
}
