package io.flowdesk.designer.ui;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Span;
import io.flowdesk.identity.CurrentUser;
import io.flowdesk.identity.Role;

/** The designer views are for designers and admins; anyone else gets a plain message instead of the view. */
final class DesignerAccess {

    private DesignerAccess() {
    }

    /** True when the user may design; otherwise replaces the view's content with the refusal. */
    static boolean check(CurrentUser user, HasComponents view, String refusal) {
        if (user.has(Role.DESIGNER) || user.has(Role.ADMIN)) {
            return true;
        }
        view.removeAll();
        view.add(new Span(refusal));
        return false;
    }
}
