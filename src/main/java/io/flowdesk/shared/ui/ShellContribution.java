package io.flowdesk.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;

/**
 * What a feature adds to the workspace frame (CDI beans; the shell asks each when it builds itself): controls in
 * the header and items in the side navigation, for the signed-in user. The shell stays free of the features.
 */
public interface ShellContribution {

    /** Header controls, shown before the notifications bell; empty when the user gets none. */
    default List<Component> header() {
        return List.of();
    }

    /** Side navigation items; empty when the user gets none. */
    default List<SideNavItem> nav() {
        return List.of();
    }
}
